import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enterpriseAliases, enterpriseMetrics, enterpriseSites, enterprises } from './enterprises.schema.ts';
import { manualEdits } from './profileEdit.schema.ts';

export type SiteRecord = typeof enterpriseSites.$inferSelect;
export type MetricRecord = typeof enterpriseMetrics.$inferSelect;
type SiteInsert = typeof enterpriseSites.$inferInsert;
type MetricInsert = typeof enterpriseMetrics.$inferInsert;
export type ManualEditInsert = typeof manualEdits.$inferInsert;

/** SQL of the profile edits. Run inside one transaction: the version bump and the edit commit together. */
export class ProfileEditRepo {
  constructor(private readonly db: Db) {}

  /** Bumps the firm's version when it still is `version` (and sets `set`); undefined when stale or missing. */
  async bumpVersion(regionCode: string, id: string, version: number, set: Partial<typeof enterprises.$inferInsert> = {}) {
    const rows = await this.db
      .update(enterprises)
      .set({ ...set, version: sql`${enterprises.version} + 1`, updatedAt: new Date() })
      .where(and(eq(enterprises.regionCode, regionCode), eq(enterprises.id, id), eq(enterprises.version, version)))
      .returning();
    return rows[0];
  }

  /** Moves the firm's own position (its registered site's), within the edit that already bumped the version. */
  async setFirmPosition(regionCode: string, id: string, lon: string | null, lat: string | null): Promise<void> {
    await this.db.update(enterprises).set({ lon, lat }).where(and(eq(enterprises.regionCode, regionCode), eq(enterprises.id, id)));
  }

  async getFirm(regionCode: string, id: string) {
    const rows = await this.db.select().from(enterprises).where(and(eq(enterprises.regionCode, regionCode), eq(enterprises.id, id)));
    return rows[0];
  }

  async insertAlias(row: typeof enterpriseAliases.$inferInsert) {
    const rows = await this.db.insert(enterpriseAliases).values(row).onConflictDoNothing().returning();
    return rows[0];
  }

  async deleteAlias(regionCode: string, enterpriseId: string, alias: string): Promise<boolean> {
    const rows = await this.db
      .delete(enterpriseAliases)
      .where(and(eq(enterpriseAliases.regionCode, regionCode), eq(enterpriseAliases.enterpriseId, enterpriseId), eq(enterpriseAliases.alias, alias)))
      .returning({ alias: enterpriseAliases.alias });
    return rows.length === 1;
  }

  async insertSite(row: SiteInsert): Promise<SiteRecord | undefined> {
    const rows = await this.db.insert(enterpriseSites).values(row).onConflictDoNothing().returning();
    return rows[0];
  }

  async updateSite(regionCode: string, enterpriseId: string, id: string, set: Partial<SiteInsert>): Promise<SiteRecord | undefined> {
    const rows = await this.db
      .update(enterpriseSites)
      .set(set)
      .where(and(eq(enterpriseSites.regionCode, regionCode), eq(enterpriseSites.enterpriseId, enterpriseId), eq(enterpriseSites.id, id)))
      .returning();
    return rows[0];
  }

  async deleteSite(regionCode: string, enterpriseId: string, id: string): Promise<SiteRecord | undefined> {
    const rows = await this.db
      .delete(enterpriseSites)
      .where(and(eq(enterpriseSites.regionCode, regionCode), eq(enterpriseSites.enterpriseId, enterpriseId), eq(enterpriseSites.id, id)))
      .returning();
    return rows[0];
  }

  async getMetric(regionCode: string, enterpriseId: string, year: number): Promise<MetricRecord | undefined> {
    const rows = await this.db
      .select()
      .from(enterpriseMetrics)
      .where(and(eq(enterpriseMetrics.regionCode, regionCode), eq(enterpriseMetrics.enterpriseId, enterpriseId), eq(enterpriseMetrics.year, year)));
    return rows[0];
  }

  /** Inserts the year or changes only the given columns of it. */
  async upsertMetric(row: MetricInsert, set: Partial<MetricInsert>): Promise<MetricRecord | undefined> {
    const rows = await this.db
      .insert(enterpriseMetrics)
      .values(row)
      .onConflictDoUpdate({ target: [enterpriseMetrics.regionCode, enterpriseMetrics.enterpriseId, enterpriseMetrics.year], set })
      .returning();
    return rows[0];
  }

  async deleteMetric(regionCode: string, enterpriseId: string, year: number): Promise<boolean> {
    const rows = await this.db
      .delete(enterpriseMetrics)
      .where(and(eq(enterpriseMetrics.regionCode, regionCode), eq(enterpriseMetrics.enterpriseId, enterpriseId), eq(enterpriseMetrics.year, year)))
      .returning({ year: enterpriseMetrics.year });
    return rows.length === 1;
  }

  async insertEdits(rows: readonly ManualEditInsert[]): Promise<void> {
    if (rows.length > 0) await this.db.insert(manualEdits).values([...rows]);
  }
}

/** The hand edits of a firm, newest first, for the profile's provenance list. */
export async function manualEditsOf(db: Db, regionCode: string, enterpriseId: string) {
  return db
    .select()
    .from(manualEdits)
    .where(and(eq(manualEdits.regionCode, regionCode), eq(manualEdits.enterpriseId, enterpriseId)))
    .orderBy(desc(manualEdits.at), asc(manualEdits.field));
}
