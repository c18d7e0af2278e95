import { boolean, index, numeric, pgTable, text } from 'drizzle-orm/pg-core';

/** GB/T 2260 administrative divisions — a reference table shared by every tenant. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    /** province | city | county | town */
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    lon: numeric('lon', { precision: 9, scale: 6 }),
    lat: numeric('lat', { precision: 9, scale: 6 }),
    isApproximate: boolean('is_approximate').notNull().default(false),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);
