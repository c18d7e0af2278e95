import { buildUrl } from '../../api/url.ts';

/**
 * The cockpit's state in the URL: ?chain=ID opens a chain's cockpit, ?year=YYYY the figures of a year, ?screen=1 the
 * big screen, ?refresh=S its reload interval in seconds (10 s to 1 h; a minute by default).
 */
export interface CockpitParams {
  chain: string | null;
  year: number | null;
  isScreen: boolean;
  refreshSeconds: number | null;
}

export function readCockpitParams(search: string): CockpitParams {
  const params = new URLSearchParams(search);
  const year = Number(params.get('year'));
  const chain = params.get('chain');
  const refresh = Number(params.get('refresh'));
  return {
    chain: chain && /^[\w.-]{1,64}$/.test(chain) ? chain : null,
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null,
    isScreen: params.get('screen') === '1',
    refreshSeconds: Number.isInteger(refresh) && refresh >= 10 && refresh <= 3600 ? refresh : null,
  };
}

export function writeCockpitParams(p: CockpitParams): string {
  const params = new URLSearchParams();
  if (p.chain) params.set('chain', p.chain);
  if (p.year !== null) params.set('year', String(p.year));
  if (p.isScreen) params.set('screen', '1');
  if (p.refreshSeconds !== null) params.set('refresh', String(p.refreshSeconds));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The county cockpit's API address (the latest year with figures when `year` is null). */
export function countyCockpitUrl(regionCode: string, year: number | null): string {
  return buildUrl(`/api/r/${regionCode}/cockpit`, { year: year ?? undefined });
}

export function chainCockpitUrl(regionCode: string, chainId: string, year: number | null): string {
  return buildUrl(`/api/r/${regionCode}/cockpit/chains/${encodeURIComponent(chainId)}`, { year: year ?? undefined });
}
