/** The URL scheme of the web app: /login, / (picks a region), /r/:region/:module?… */

export type Route =
  | { kind: 'login'; next: string | null; isSessionEnded: boolean }
  | { kind: 'home' }
  | { kind: 'module'; region: string; segment: string }
  | { kind: 'notFound' };

const REGION_CODE = /^\d{6}$/;

/** Modules whose pages also open one item at /r/:region/:module/:id (the page reads the id from the URL). */
const SEGMENTS_WITH_ITEMS = new Set(['enterprises']);

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { kind: 'home' };
  if (parts[0] === 'login' && parts.length === 1) {
    const params = new URLSearchParams(search);
    return { kind: 'login', next: safeNext(params.get('next')), isSessionEnded: params.get('reason') === 'ended' };
  }
  const [head, region, segment, ...rest] = parts;
  const isItemPath = rest.length === 1 && segment !== undefined && SEGMENTS_WITH_ITEMS.has(segment);
  if (head === 'r' && region !== undefined && REGION_CODE.test(region) && (rest.length === 0 || isItemPath)) {
    return { kind: 'module', region, segment: segment ?? '' };
  }
  return { kind: 'notFound' };
}

/** Only a path of this app may follow sign-in, never another site (`//evil.example`) or the sign-in page itself. */
export function safeNext(next: string | null): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/api/')) return null;
  return next;
}

export function modulePath(region: string, segment: string): string {
  return segment ? `/r/${region}/${segment}` : `/r/${region}`;
}

export function loginPath(next?: string, isSessionEnded = false): string {
  const params = new URLSearchParams();
  const target = safeNext(next ?? null);
  if (target && target !== '/') params.set('next', target);
  if (isSessionEnded) params.set('reason', 'ended');
  const text = params.toString();
  return text ? `/login?${text}` : '/login';
}
