import { ChainCockpit, CountyCockpit } from '../../../../src/modules/cockpit/cockpit.model.ts';
import { api } from '../../api/client.ts';
import { type QueryState, useApiQuery } from '../../app/useApiQuery.ts';
import { chainCockpitUrl, countyCockpitUrl } from './cockpitParams.ts';

export type { ChainCockpit, ChainFigures, CountyCockpit, KeyProject, SourcedFact } from '../../../../src/modules/cockpit/cockpit.model.ts';

/** The county cockpit of a year (the latest year with figures when null); `refresh` changes to reload (big screen). */
export function useCountyCockpit(regionCode: string, year: number | null, refresh = 0): QueryState<CountyCockpit> {
  return useApiQuery(`cockpit:${regionCode}:${year ?? ''}:${refresh}`, (signal) =>
    api(countyCockpitUrl(regionCode, year), CountyCockpit, { signal }),
  );
}

/** One chain's cockpit; nothing is loaded while no chain is chosen. */
export function useChainCockpit(regionCode: string, chainId: string | null, year: number | null, refresh = 0): QueryState<ChainCockpit | null> {
  return useApiQuery(`cockpit-chain:${regionCode}:${chainId ?? ''}:${year ?? ''}:${refresh}`, (signal) =>
    chainId === null
      ? Promise.resolve(null)
      : api(chainCockpitUrl(regionCode, chainId, year), ChainCockpit, { signal }),
  );
}

export function exportUrl(regionCode: string, kind: 'pdf' | 'xlsx', year: number | null): string {
  return `/api/r/${regionCode}/cockpit/export.${kind}${year === null ? '' : `?year=${year}`}`;
}
