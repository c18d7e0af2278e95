/**
 * The firm list's state lives in the URL (?q=&chain=&node=&town=&scale=&listed=&synthetic=&sort=&page=&size=) so
 * that it can be linked and the back button works.
 */

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
export const SORTS = ['name', 'founded', '-founded'] as const;
export type Sort = (typeof SORTS)[number];
export type YesNo = '' | 'true' | 'false';
export type ScaleFilter = '' | 'above' | 'below';

export interface ListParams {
  q: string;
  chain: string;
  node: string;
  town: string;
  scale: ScaleFilter;
  listed: YesNo;
  synthetic: YesNo;
  sort: Sort;
  page: number;
  pageSize: number;
}

export const DEFAULT_LIST_PARAMS: ListParams = { q: '', chain: '', node: '', town: '', scale: '', listed: '', synthetic: '', sort: 'name', page: 1, pageSize: DEFAULT_PAGE_SIZE };

function positiveInt(text: string | null, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

function oneOf<T extends string>(text: string | null, values: readonly T[], fallback: T): T {
  return values.find((v) => v === text) ?? fallback;
}

/** An id-like value (chain, node, town): anything else is dropped rather than sent to the server. */
function idLike(text: string | null): string {
  return text && /^[\w.-]{1,100}$/.test(text) ? text : '';
}

export function readListParams(search: string): ListParams {
  const params = new URLSearchParams(search);
  const size = positiveInt(params.get('size'), DEFAULT_PAGE_SIZE);
  const town = params.get('town') ?? '';
  const chain = idLike(params.get('chain'));
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    chain,
    // a node belongs to a chain: without the chain the node filter is meaningless in the form
    node: chain ? idLike(params.get('node')) : '',
    town: /^\d{9,12}$/.test(town) ? town : '',
    scale: oneOf(params.get('scale'), ['above', 'below'] as const, ''),
    listed: oneOf(params.get('listed'), ['true', 'false'] as const, ''),
    synthetic: oneOf(params.get('synthetic'), ['true', 'false'] as const, ''),
    sort: oneOf(params.get('sort'), SORTS, 'name'),
    page: positiveInt(params.get('page'), 1),
    pageSize: PAGE_SIZES.some((s) => s === size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The query string for these parameters; defaults are left out to keep URLs short. */
export function writeListParams(p: ListParams): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'chain', 'node', 'town', 'scale', 'listed', 'synthetic'] as const) {
    if (p[key]) params.set(key, p[key]);
  }
  if (p.sort !== 'name') params.set('sort', p.sort);
  if (p.page > 1) params.set('page', String(p.page));
  if (p.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(p.pageSize));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API's query for these parameters (empty values are left out by the client). */
export function apiQuery(p: ListParams): Record<string, string | number> {
  return { q: p.q, chain: p.chain, node: p.node, town: p.town, scale: p.scale, listed: p.listed, synthetic: p.synthetic, sort: p.sort, page: p.page, pageSize: p.pageSize };
}

export function hasFilters(p: ListParams): boolean {
  return Boolean(p.q || p.chain || p.node || p.town || p.scale || p.listed || p.synthetic);
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
