import { sql } from 'drizzle-orm';
import { insertInBatches } from '../../db/batches.ts';
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
  return insertInBatches(
    db,
    rows,
    (tx, batch) =>
      tx.execute(sql`
        insert into trade_flows (region_code, period, seller_uscc, seller_enterprise_id, seller_region_code, buyer_enterprise_id, node_id, amount_wan, is_synthetic)
        select * from unnest(
          ${sql.param(batch.map((r) => r.regionCode))}::text[],
          ${sql.param(batch.map((r) => (r.period.length === 7 ? periodToDate(r.period) : r.period)))}::date[],
          ${sql.param(batch.map((r) => r.sellerUscc))}::text[],
          ${sql.param(batch.map((r) => r.sellerEnterpriseId))}::text[],
          ${sql.param(batch.map((r) => r.sellerRegionCode))}::text[],
          ${sql.param(batch.map((r) => r.buyerEnterpriseId))}::text[],
          ${sql.param(batch.map((r) => r.nodeId))}::text[],
          ${sql.param(batch.map((r) => r.amountWan))}::numeric[],
          ${sql.param(batch.map((r) => r.isSynthetic))}::boolean[])`),
    { batchSize: FLOW_BATCH, onBatch },
  );
}
