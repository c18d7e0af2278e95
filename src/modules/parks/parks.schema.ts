import { boolean, foreignKey, index, numeric, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.schema.ts';

/**
 * Industrial spaces and innovation zones of a region: the "1+2+N" platforms (main platform, thousand-mu
 * parks, others), zones inside a park, and the "两城两湖" innovation zones.
 */
export const parks = pgTable(
  'parks',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => tenants.regionCode),
    id: text('id').notNull(),
    /** the park this one lies in (a zone of a park, a platform inside an innovation zone) */
    parentId: text('parent_id'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    /** main | thousand_mu | other | innovation_zone | zone */
    kind: text('kind').notNull(),
    /** the strategy frame the park belongs to, e.g. '1+2+N' or '两城两湖' */
    frame: text('frame').notNull(),
    /** GB/T 2260 town code (9 digits) where the park lies, when it lies in one town */
    townCode: text('town_code'),
    /** land area in 亩; null where no source gives it */
    areaMu: numeric('area_mu', { precision: 12, scale: 2 }),
    statusZh: text('status_zh'),
    /** the year the status describes */
    statusYear: smallint('status_year'),
    note: text('note'),
    lon: numeric('lon', { precision: 9, scale: 6 }),
    lat: numeric('lat', { precision: 9, scale: 6 }),
    /** lon/lat is a town centre, not the park's own location */
    isLocationApproximate: boolean('is_location_approximate').notNull().default(true),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    sort: smallint('sort').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    foreignKey({ columns: [t.regionCode, t.parentId], foreignColumns: [t.regionCode, t.id] }),
    index('parks_kind_idx').on(t.regionCode, t.kind, t.sort),
    index('parks_frame_idx').on(t.regionCode, t.frame, t.sort),
  ],
);
