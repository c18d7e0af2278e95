import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.schema.ts';

/** External firms (registered in another county) that the region could attract to fill or strengthen chain nodes. */
export const candidates = pgTable(
  'candidates',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => tenants.regionCode),
    id: text('id').notNull(),
    name: text('name').notNull(),
    uscc: text('uscc'),
    /** GB/T 2260 code of the county the firm is registered in */
    homeRegionCode: text('home_region_code').notNull(),
    revenueWan: numeric('revenue_wan', { precision: 14, scale: 2, mode: 'number' }),
    isListed: boolean('is_listed').notNull().default(false),
    /** revenue growth per year as a fraction (0.12 = 12 %) */
    growthRate: numeric('growth_rate', { precision: 7, scale: 4, mode: 'number' }),
    /** straight-line distance from the region's seat, km */
    distanceKm: numeric('distance_km', { precision: 8, scale: 1, mode: 'number' }),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('candidates_uscc_idx').on(t.regionCode, t.uscc),
    check('candidates_home_region_code_format', sql`${t.homeRegionCode} ~ '^[0-9]{6}$'`),
  ],
);

/** The chain nodes a candidate's products sit on (one firm, several nodes). */
export const candidateNodes = pgTable(
  'candidate_nodes',
  {
    regionCode: text('region_code').notNull(),
    candidateId: text('candidate_id').notNull(),
    /** chain_nodes.id; plain text while the chains module is young */
    nodeId: text('node_id').notNull(),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.candidateId, t.nodeId] }),
    index('candidate_nodes_node_idx').on(t.regionCode, t.nodeId),
    foreignKey({ name: 'candidate_nodes_candidate_fk', columns: [t.regionCode, t.candidateId], foreignColumns: [candidates.regionCode, candidates.id] }).onDelete('cascade'),
  ],
);
