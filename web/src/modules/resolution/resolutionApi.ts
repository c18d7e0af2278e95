import { z } from 'zod';
import { MergeRecord, type PairStatus, ReviewPair, ReviewPairDetail, ScanResult } from '../../../../src/modules/resolution/resolution.model.ts';
import { api } from '../../api/client.ts';

export { MergeRecord, ReviewPair, ReviewPairDetail };
export type { PairStatus };

const PairList = z.object({ items: z.array(ReviewPair), total: z.number().int(), page: z.number(), pageSize: z.number() });

const base = (region: string) => `/api/r/${region}`;

export function loadPairs(region: string, status: PairStatus, page: number, signal: AbortSignal) {
  return api(`${base(region)}/review-pairs`, PairList, { query: { status, page, pageSize: 20 }, signal });
}

export function loadPair(region: string, id: string, signal: AbortSignal) {
  return api(`${base(region)}/review-pairs/${encodeURIComponent(id)}`, ReviewPairDetail, { signal });
}

export function decidePair(region: string, id: string, decision: 'confirm' | 'reject', version: number) {
  return api(`${base(region)}/review-pairs/${encodeURIComponent(id)}/decision`, ReviewPairDetail, { method: 'POST', body: { decision, version } });
}

export function mergeFirm(region: string, mergedId: string, intoId: string, version: number) {
  return api(`${base(region)}/enterprises/${encodeURIComponent(mergedId)}/merge`, MergeRecord, { method: 'POST', body: { intoId, version } });
}

export function splitMerge(region: string, mergeId: string) {
  return api(`${base(region)}/merges/${encodeURIComponent(mergeId)}/split`, MergeRecord, { method: 'POST' });
}

export function scanPairs(region: string) {
  return api(`${base(region)}/review-pairs/scan`, ScanResult, { method: 'POST', body: {} });
}
