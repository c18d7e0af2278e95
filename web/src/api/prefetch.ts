/**
 * GET requests started while the app's code still loads (web/src/boot.ts), so that the server works on them in
 * parallel instead of one after another. The first `api()` call for the same URL takes the answer; an answer
 * nobody took within MAX_AGE_MS is dropped, and so is everything when the session changes.
 */

const MAX_AGE_MS = 15_000;

interface Started {
  response: Promise<Response>;
  startedAt: number;
}

const started = new Map<string, Started>();

export function prefetch(url: string, now = Date.now()): void {
  if (started.has(url)) return;
  const response = fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  // Failures reach the caller that takes the answer; one that nobody takes is not an unhandled rejection.
  response.catch(() => undefined);
  started.set(url, { response, startedAt: now });
}

/** The answer to a GET of `url` started earlier, at most once. */
export function takePrefetched(url: string, now = Date.now()): Promise<Response> | undefined {
  const entry = started.get(url);
  if (!entry) return undefined;
  started.delete(url);
  return now - entry.startedAt <= MAX_AGE_MS ? entry.response : undefined;
}

/** After sign-in or sign-out the early answers describe another session. */
export function forgetPrefetched(): void {
  started.clear();
}
