import { z } from 'zod';
import { foldChinese } from '../../core/names/fold.ts';

/** Version of the matching rules stored with every decision (bump when normalisation or scoring changes). */
export const MATCH_CODE_VERSION = 'names-1';

/** An incoming record is the same record across re-imports when its folded name and address are the same. */
export function incomingKeyOf(name: string, address: string | null | undefined): string {
  return `${foldChinese(name)}|${foldChinese(address ?? '')}`;
}

export function incomingPairKey(enterpriseId: string, incomingKey: string): string {
  return `in:${enterpriseId}:${incomingKey}`;
}

export function firmPairKey(a: string, b: string): string {
  return a < b ? `ee:${a}:${b}` : `ee:${b}:${a}`;
}

export const PairStatus = z.enum(['queued', 'confirmed', 'rejected']);
export type PairStatus = z.infer<typeof PairStatus>;

export const PairSide = z.object({
  enterpriseId: z.string().nullable(),
  name: z.string(),
  uscc: z.string().nullable(),
  address: z.string().nullable(),
  townName: z.string().nullable(),
  scale: z.string().nullable(),
  version: z.number().int().nullable(),
});
export type PairSide = z.infer<typeof PairSide>;

export const ReviewPair = z
  .object({
    id: z.string(),
    kind: z.enum(['incoming', 'firms']),
    score: z.number(),
    rule: z.string(),
    codeVersion: z.string(),
    status: PairStatus,
    sourceKey: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    left: PairSide,
    right: PairSide,
  })
  .meta({ id: 'ReviewPair' });
export type ReviewPair = z.infer<typeof ReviewPair>;

export const ReviewPairDetail = ReviewPair.extend({ parts: z.record(z.string(), z.unknown()).nullable() }).meta({ id: 'ReviewPairDetail' });
export type ReviewPairDetail = z.infer<typeof ReviewPairDetail>;

export const PairDecision = z.object({ decision: z.enum(['confirm', 'reject']), version: z.number().int().min(1) });
export type PairDecision = z.infer<typeof PairDecision>;

export const MergeRequest = z.object({ intoId: z.string().min(1).max(64), version: z.number().int().min(1) });

export const MergeRecord = z
  .object({
    id: z.string(),
    mergedId: z.string(),
    mergedName: z.string(),
    mergedIntoId: z.string(),
    mergedBy: z.string(),
    mergedAt: z.string(),
    status: z.enum(['merged', 'split']),
    splitBy: z.string().nullable(),
    splitAt: z.string().nullable(),
    /** rows re-pointed to the surviving firm, per table */
    movedCounts: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'MergeRecord' });
export type MergeRecord = z.infer<typeof MergeRecord>;

export const ScanRequest = z.object({ enterpriseIds: z.array(z.string().min(1).max(64)).max(1000).optional() });
export const ScanResult = z.object({ scanned: z.number().int(), queued: z.number().int(), remembered: z.number().int() });
