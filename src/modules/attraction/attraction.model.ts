import { z } from 'zod';

export const Candidate = z
  .object({
    id: z.string(),
    name: z.string(),
    uscc: z.string().nullable(),
    homeRegionCode: z.string(),
    nodeIds: z.array(z.string()),
    revenueWan: z.number().nullable(),
    isListed: z.boolean(),
    growthRate: z.number().nullable(),
    distanceKm: z.number().nullable(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'Candidate' });
export type Candidate = z.infer<typeof Candidate>;

export const CANDIDATE_SORTS = ['name', 'revenue', 'growth', 'distance'] as const;
export const CandidateSort = z.enum(CANDIDATE_SORTS);
export type CandidateSort = z.infer<typeof CandidateSort>;

/** The order a sort key reads best in by default: biggest and fastest-growing first, nearest first, names A→Z. */
export function defaultOrder(sort: CandidateSort): 'asc' | 'desc' {
  return sort === 'revenue' || sort === 'growth' ? 'desc' : 'asc';
}

/** Groups (candidate, node) pairs into each candidate's sorted node list. */
export function groupNodeIds(pairs: readonly { candidateId: string; nodeId: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { candidateId, nodeId } of pairs) {
    const list = out.get(candidateId);
    if (list) list.push(nodeId);
    else out.set(candidateId, [nodeId]);
  }
  for (const list of out.values()) list.sort();
  return out;
}
