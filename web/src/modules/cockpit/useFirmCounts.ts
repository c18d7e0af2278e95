import { api, type QueryValue } from '../../api/client.ts';
import { EnterprisePage } from '../../api/schemas.ts';
import { type QueryState, useApiQuery } from '../../app/useApiQuery.ts';
import type { FirmCounts } from './scaleChart.ts';

export interface CountedFirms extends FirmCounts {
  countedAt: Date;
}

/** Counts the region's firms in four one-row requests (all, 规上, 规下, synthetic); the totals come from the list API. */
export function useFirmCounts(regionCode: string): QueryState<CountedFirms> {
  return useApiQuery(`firm-counts:${regionCode}`, async (signal) => {
    const count = (filter: Record<string, QueryValue>) =>
      api(`/api/r/${regionCode}/enterprises`, EnterprisePage, { query: { page: 1, pageSize: 1, ...filter }, signal }).then((page) => page.total);
    const [total, above, below, synthetic] = await Promise.all([count({}), count({ scale: 'above' }), count({ scale: 'below' }), count({ synthetic: 'true' })]);
    return { total, above, below, synthetic, countedAt: new Date() };
  });
}
