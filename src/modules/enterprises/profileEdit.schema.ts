import { foreignKey, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises.schema.ts';

/**
 * Field provenance of hand edits on a firm's profile (aliases, sites, yearly figures): which user set which field
 * to what, and when. Imports keep theirs in import_rows.fields; the profile merges both lists. Field names follow
 * the import centre's (`metrics.2024.taxWan`), so sensitive values are masked by the same rule.
 */
export const manualEdits = pgTable(
  'manual_edits',
  {
    regionCode: text('region_code').notNull(),
    id: text('id').notNull(),
    enterpriseId: text('enterprise_id').notNull(),
    field: text('field').notNull(),
    /** the value set; null when the field (or the whole alias, site or year) was removed */
    value: text('value'),
    byUser: text('by_user').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('manual_edits_enterprise_idx').on(t.regionCode, t.enterpriseId, t.at),
    foreignKey({ columns: [t.regionCode, t.enterpriseId], foreignColumns: [enterprises.regionCode, enterprises.id] }).onDelete('cascade'),
  ],
);
