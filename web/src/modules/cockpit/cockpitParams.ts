/** The cockpit's state in the URL: ?chain=ID opens a chain's cockpit, ?year=YYYY the figures of a year, ?screen=1 the big screen. */
export interface CockpitParams {
  chain: string | null;
  year: number | null;
  isScreen: boolean;
}

export function readCockpitParams(search: string): CockpitParams {
  const params = new URLSearchParams(search);
  const year = Number(params.get('year'));
  const chain = params.get('chain');
  return {
    chain: chain && /^[\w.-]{1,64}$/.test(chain) ? chain : null,
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null,
    isScreen: params.get('screen') === '1',
  };
}

export function writeCockpitParams(p: CockpitParams): string {
  const params = new URLSearchParams();
  if (p.chain) params.set('chain', p.chain);
  if (p.year !== null) params.set('year', String(p.year));
  if (p.isScreen) params.set('screen', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}
