/**
 * The contract between the import centre (src/modules/imports) and entity resolution (src/modules/resolution).
 * METHODS.md §2: the USCC is the exact key; otherwise normalised-name bigram similarity with address tokens;
 * ≥ 0.8 automatic, 0.5–0.8 queued for a person, < 0.5 a new firm; confirmed or rejected pairs are remembered.
 */
export interface IncomingFirm {
  /** the import's own key for the row, e.g. `import:<importId>:<rowNumber>` */
  sourceKey: string;
  name: string;
  address?: string | null;
  uscc?: string | null;
}

export type Resolution =
  | { decision: 'existing'; enterpriseId: string; score: number; rule: 'uscc' | 'name' | 'remembered' }
  | { decision: 'review'; enterpriseId: string; score: number; rule: 'name'; pairId: string }
  | { decision: 'new'; score: number; rule: 'no-match' | 'remembered' };

/**
 * Implemented by src/modules/resolution/resolution.service.ts as
 * `resolveFirms(db: Db, regionCode: string, firms: readonly IncomingFirm[]): Promise<Resolution[]>`
 * (one result per input, same order). It may write review pairs (queued for a person) in the given db/tx.
 */
export type ResolveFirms = (regionCode: string, firms: readonly IncomingFirm[]) => Promise<Resolution[]>;
