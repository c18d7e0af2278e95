import { tradeFlows } from './supply.schema.ts';
import { insertByUnnest } from '../../db/unnestInsert.ts';
import type { Db } from '../../db/client.ts';
import { periodToDate } from './supply.model.ts';

/** One invoice aggregate to insert; `period` is 'YYYY-MM' or the month's first day 'YYYY-MM-01'. */
export interface NewTradeFlow {
  regionCode: string;
  period: string;
  sellerUscc: string;
  /** null for a seller outside the region's registry */
  sellerEnterpriseId: string | null;
  /** positions 3–8 of the seller's USCC (see regionCodeOfUscc) */
  sellerRegionCode: string;
  buyerEnterpriseId: string;
  nodeId: string;
  /** 万元 excl. VAT; negative for a credit note */
  amountWan: number;
  isSynthetic: boolean;
}

const FLOW_BATCH = 5000;

/**
 * Inserts trade flows in batches of 5,000 rows, one `insert … select from unnest(arrays)` per batch (one
 * parameter per column instead of one per value, so a batch costs one small bind), all inside one
 * transaction — a savepoint when `db` is already a transaction. Returns the number of rows inserted.
 */
export function insertTradeFlows(db: Db, rows: readonly NewTradeFlow[], onBatch?: (rows: number) => void): Promise<number> {
  const normalised = rows.map((r) => ({ ...r, period: r.period.length === 7 ? periodToDate(r.period) : r.period }));
  return insertByUnnest(db, tradeFlows, normalised, { batchSize: FLOW_BATCH, onBatch });
}
