import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, numeric, pgTable, primaryKey, real, smallint, text } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/enterprises.schema.ts';

/**
 * Invoice aggregates: what a buyer bought from a seller in one month, for one chain node, in 万元 excluding
 * VAT; a credit note is a negative amount and nets off. A province holds ~20M rows, so a row stays narrow:
 * a bigint surrogate id, a date for the month, no timestamps.
 */
export const tradeFlows = pgTable(
  'trade_flows',
  {
    regionCode: text('region_code').notNull(),
    id: bigint('id', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
    /** first day of the month the invoices fall in */
    period: date('period', { mode: 'string' }).notNull(),
    sellerUscc: text('seller_uscc').notNull(),
    /** null when the seller is not in the region's registry (an external seller) */
    sellerEnterpriseId: text('seller_enterprise_id'),
    /** GB/T 2260 code of the seller's registering authority: positions 3–8 of its USCC */
    sellerRegionCode: text('seller_region_code').notNull(),
    buyerEnterpriseId: text('buyer_enterprise_id').notNull(),
    nodeId: text('node_id').notNull(),
    amountWan: numeric('amount_wan', { precision: 14, scale: 4, mode: 'number' }).notNull(),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('trade_flows_period_node_idx').on(t.regionCode, t.period, t.nodeId),
    index('trade_flows_node_period_idx').on(t.regionCode, t.nodeId, t.period),
    index('trade_flows_buyer_period_idx').on(t.regionCode, t.buyerEnterpriseId, t.period),
    index('trade_flows_seller_idx').on(t.regionCode, t.sellerEnterpriseId),
    foreignKey({ name: 'trade_flows_buyer_fk', columns: [t.regionCode, t.buyerEnterpriseId], foreignColumns: [enterprises.regionCode, enterprises.id] }),
    foreignKey({ name: 'trade_flows_seller_fk', columns: [t.regionCode, t.sellerEnterpriseId], foreignColumns: [enterprises.regionCode, enterprises.id] }),
    check('trade_flows_period_month_start', sql`extract(day from ${t.period}) = 1`),
    check('trade_flows_seller_region_code_format', sql`${t.sellerRegionCode} ~ '^[0-9]{6}$'`),
  ],
);

/**
 * Seller plants a buyer reaches within `minutes` by road (METHODS §4, "半小时配套"). The geo module (drive-time
 * issue) fills it; the drive-time variant of the local supply rate counts a flow as local when its (buyer,
 * seller) pair is here. No rows for a region and limit means "not computed", never "nothing reachable".
 */
export const supplyReach = pgTable(
  'supply_reach',
  {
    regionCode: text('region_code').notNull(),
    minutes: smallint('minutes').notNull(),
    buyerEnterpriseId: text('buyer_enterprise_id').notNull(),
    sellerEnterpriseId: text('seller_enterprise_id').notNull(),
    /** fastest drive from the buyer's nearest plant to the seller's nearest plant */
    seconds: real('seconds').notNull(),
    /** the road network / firm-site version the pair was computed from */
    dataVersion: bigint('data_version', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.minutes, t.buyerEnterpriseId, t.sellerEnterpriseId] }),
    foreignKey({ name: 'supply_reach_buyer_fk', columns: [t.regionCode, t.buyerEnterpriseId], foreignColumns: [enterprises.regionCode, enterprises.id] }).onDelete('cascade'),
    foreignKey({ name: 'supply_reach_seller_fk', columns: [t.regionCode, t.sellerEnterpriseId], foreignColumns: [enterprises.regionCode, enterprises.id] }).onDelete('cascade'),
    check('supply_reach_minutes_range', sql`${t.minutes} between 1 and 240`),
  ],
);

// supply_data_versions and supply_cache are created by a hand-written migration (drizzle/*_supply_cache.sql),
// not here: they are derived data, so backups leave them out (a restore bumps the versions through the
// triggers and the cache refills), and drizzle-kit cannot express the statement triggers that maintain them.
