import type { NodeStatus } from './chainApi.ts';

/**
 * Colours of node status (strong green, weak amber, adjacent violet — a gap close to what the county has —,
 * missing red) — SVG attributes, so exports keep them.
 */
export const STATUS_COLOURS: Readonly<Record<NodeStatus, string>> = { strong: '#2e9d57', weak: '#e0a100', adjacent: '#7b5ac8', missing: '#d64545' };

/** The order statuses are listed in legends and cards. */
export const STATUS_ORDER: readonly NodeStatus[] = ['strong', 'weak', 'adjacent', 'missing'];

/** A share 0..1 as a percentage with one decimal below 10 % and none above; '—' when unknown. */
export function formatPercent(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const percent = share * 100;
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent).toString()}%`;
}

/** The related present nodes of a gap as “name (φ 0.57)”, closest first, joined for the locale. */
export function formatRelated(related: readonly { nameZh: string; nameEn: string | null; proximity: number }[], isEn: boolean): string {
  return related.map((r) => `${isEn ? (r.nameEn ?? r.nameZh) : r.nameZh} (φ ${r.proximity.toFixed(2)})`).join(isEn ? ', ' : '、');
}

/** Cuts a label to at most `max` characters (CJK-aware enough for chip names), ending with an ellipsis. */
export function clipLabel(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Query string of the chain page: the chain, the selected node and the year. */
export interface ChainPageParams {
  chain: string | null;
  node: string | null;
  year: number | null;
}

export function readChainParams(search: string): ChainPageParams {
  const params = new URLSearchParams(search);
  const year = Number(params.get('year'));
  return { chain: params.get('chain') || null, node: params.get('node') || null, year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null };
}

export function writeChainParams(p: ChainPageParams): string {
  const params = new URLSearchParams();
  if (p.chain) params.set('chain', p.chain);
  if (p.node) params.set('node', p.node);
  if (p.year !== null) params.set('year', String(p.year));
  const text = params.toString();
  return text ? `?${text}` : '';
}
