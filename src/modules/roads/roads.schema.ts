import { sql } from 'drizzle-orm';
import { boolean, check, customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.schema.ts';

/** PostgreSQL bytea as a Uint8Array (node-postgres hands back a Buffer, PGlite a Uint8Array: both are). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * A region's routable road network, one per region: the compact binary of src/core/geo/serialize.ts (vertex
 * and segment typed arrays) with its sha256, so a reload is one row read and a re-import of the same data is
 * recognised and changes nothing. A county network is a few MB; keeping it in the database puts it in backups.
 */
export const roadNetworks = pgTable(
  'road_networks',
  {
    regionCode: text('region_code')
      .primaryKey()
      .references(() => tenants.regionCode),
    /** sha256 (hex) of `data` */
    contentHash: text('content_hash').notNull(),
    /** the imported file's name, or a description of a generated network */
    sourceName: text('source_name').notNull(),
    /** sha256 (hex) of the imported file; null for a generated network */
    sourceSha256: text('source_sha256'),
    /** pbf | xml | network | synthetic */
    sourceFormat: text('source_format').notNull(),
    vertexCount: integer('vertex_count').notNull(),
    segmentCount: integer('segment_count').notNull(),
    /** the demo's generated network (示例路网), not OpenStreetMap data */
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    data: bytea('data').notNull(),
  },
  (t) => [
    check('road_networks_source_format', sql`${t.sourceFormat} in ('pbf', 'xml', 'network', 'synthetic')`),
    check('road_networks_content_hash_format', sql`${t.contentHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
