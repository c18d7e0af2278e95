/** The firm list's state lives in the URL (?q=&page=&size=) so that it can be linked and the back button works. */

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export interface ListParams {
  q: string;
  page: number;
  pageSize: number;
}

function positiveInt(text: string | null, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

export function readListParams(search: string): ListParams {
  const params = new URLSearchParams(search);
  const size = positiveInt(params.get('size'), DEFAULT_PAGE_SIZE);
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    page: positiveInt(params.get('page'), 1),
    pageSize: PAGE_SIZES.some((s) => s === size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The query string for these parameters; defaults are left out to keep URLs short. */
export function writeListParams({ q, page, pageSize }: ListParams): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  if (pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(pageSize));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
