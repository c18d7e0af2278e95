import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { tenants } from '../tenants/tenants.schema.ts';
import { roadNetworks } from './roads.schema.ts';

export type RoadNetworkRow = typeof roadNetworks.$inferInsert;

const SUMMARY_COLUMNS = {
  regionCode: roadNetworks.regionCode,
  contentHash: roadNetworks.contentHash,
  sourceName: roadNetworks.sourceName,
  sourceSha256: roadNetworks.sourceSha256,
  sourceFormat: roadNetworks.sourceFormat,
  vertexCount: roadNetworks.vertexCount,
  segmentCount: roadNetworks.segmentCount,
  isSynthetic: roadNetworks.isSynthetic,
  importedAt: roadNetworks.importedAt,
  byteLength: sql<number>`octet_length(${roadNetworks.data})`.mapWith(Number),
};

export class RoadsRepo {
  constructor(private readonly db: Db) {}

  async isTenant(regionCode: string): Promise<boolean> {
    const rows = await this.db.select({ code: tenants.regionCode }).from(tenants).where(eq(tenants.regionCode, regionCode));
    return rows.length > 0;
  }

  /** The stored network's metadata (not its bytes), or undefined. */
  async summary(regionCode: string) {
    const rows = await this.db.select(SUMMARY_COLUMNS).from(roadNetworks).where(eq(roadNetworks.regionCode, regionCode));
    return rows[0];
  }

  async list() {
    return this.db.select(SUMMARY_COLUMNS).from(roadNetworks).orderBy(roadNetworks.regionCode);
  }

  async data(regionCode: string): Promise<{ contentHash: string; data: Uint8Array } | undefined> {
    const rows = await this.db.select({ contentHash: roadNetworks.contentHash, data: roadNetworks.data }).from(roadNetworks).where(eq(roadNetworks.regionCode, regionCode));
    return rows[0];
  }

  async contentHash(regionCode: string): Promise<string | undefined> {
    const rows = await this.db.select({ contentHash: roadNetworks.contentHash }).from(roadNetworks).where(eq(roadNetworks.regionCode, regionCode));
    return rows[0]?.contentHash;
  }

  /** Inserts or replaces the region's network in one statement. */
  async upsert(row: RoadNetworkRow): Promise<void> {
    const { regionCode: _key, ...rest } = row;
    await this.db
      .insert(roadNetworks)
      .values(row)
      .onConflictDoUpdate({ target: roadNetworks.regionCode, set: { ...rest, importedAt: sql`now()` } });
  }

  async remove(regionCode: string): Promise<boolean> {
    const rows = await this.db.delete(roadNetworks).where(eq(roadNetworks.regionCode, regionCode)).returning({ regionCode: roadNetworks.regionCode });
    return rows.length > 0;
  }
}
