import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { regions } from '../regions/regions.schema.ts';

/** A county (or other region) that runs on this platform. Its code is the tenant key of every tenant table. */
export const tenants = pgTable('tenants', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en'),
  hasSyntheticData: boolean('has_synthetic_data').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
