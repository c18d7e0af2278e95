import { and, asc, count, desc, eq, exists, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { chainNodes, chains } from '../chains/chains.schema.ts';
import type { Db } from '../../db/client.ts';
import { projects } from '../projects/projects.schema.ts';
import { regions } from '../regions/regions.schema.ts';
import { enterpriseAliases, enterpriseMetrics, enterpriseNodes, enterpriseSites, enterprises } from './enterprises.schema.ts';
import type { SearchTerms } from './search.model.ts';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type MetricRow = typeof enterpriseMetrics.$inferSelect;
export type SiteRow = typeof enterpriseSites.$inferSelect;

export interface EnterpriseFilter {
  regionCode: string;
  search?: SearchTerms | undefined;
  scale?: 'above' | 'below' | undefined;
  isSynthetic?: boolean | undefined;
  isListed?: boolean | undefined;
  townCode?: string | undefined;
  nodeId?: string | undefined;
  chainId?: string | undefined;
  sort?: 'name' | 'founded' | '-founded' | undefined;
  limit: number;
  offset: number;
}

export class EnterprisesRepo {
  constructor(private readonly db: Db) {}

  async list(filter: EnterpriseFilter): Promise<{ rows: EnterpriseRow[]; total: number }> {
    const where = and(
      eq(enterprises.regionCode, filter.regionCode),
      filter.search ? this.matches(filter.regionCode, filter.search) : undefined,
      filter.scale ? eq(enterprises.scale, filter.scale) : undefined,
      filter.isSynthetic === undefined ? undefined : eq(enterprises.isSynthetic, filter.isSynthetic),
      filter.isListed === undefined ? undefined : eq(enterprises.isListed, filter.isListed),
      filter.townCode ? eq(enterprises.townCode, filter.townCode) : undefined,
      filter.nodeId || filter.chainId ? exists(this.membership(filter.nodeId, filter.chainId)) : undefined,
    );
    const order =
      filter.sort === 'founded'
        ? [asc(enterprises.foundedYear), asc(enterprises.id)]
        : filter.sort === '-founded'
          ? [desc(enterprises.foundedYear), asc(enterprises.id)]
          : [asc(enterprises.nameSortKey), asc(enterprises.id)];
    if (!filter.search) {
      // Without a search text the count is an index-only scan: cheaper as a query of its own.
      const rows = await this.db.select().from(enterprises).where(where).orderBy(...order).limit(filter.limit).offset(filter.offset);
      const totals = await this.db.select({ n: count() }).from(enterprises).where(where);
      return { rows, total: Number(totals[0]?.n ?? 0) };
    }
    // A search must test every firm anyway: the total comes with the page, in one pass over the matches.
    const found = await this.db
      .select({ row: enterprises, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(enterprises)
      .where(where)
      .orderBy(...order)
      .limit(filter.limit)
      .offset(filter.offset);
    const first = found[0];
    if (first) return { rows: found.map((f) => f.row), total: first.total };
    // A page past the end has no row to carry the total.
    const totals = filter.offset > 0 ? await this.db.select({ n: count() }).from(enterprises).where(where) : [];
    return { rows: [], total: Number(totals[0]?.n ?? 0) };
  }

  /**
   * A USCC-shaped text matches the code exactly (index lookup); any other text matches a name or alias substring,
   * and plain latin letters also match pinyin initials or full pinyin.
   */
  private matches(regionCode: string, terms: SearchTerms): SQL | undefined {
    if (terms.uscc) return eq(enterprises.uscc, terms.uscc);
    const pattern = `%${escapeLike(terms.text)}%`;
    // one pass over the region's aliases, not one probe per firm
    const byAlias = this.db
      .select({ id: enterpriseAliases.enterpriseId })
      .from(enterpriseAliases)
      .where(and(eq(enterpriseAliases.regionCode, regionCode), ilike(enterpriseAliases.alias, pattern)));
    return or(
      ilike(enterprises.name, pattern),
      inArray(enterprises.id, byAlias),
      terms.pinyin ? like(enterprises.nameInitials, `%${terms.pinyin}%`) : undefined,
      terms.pinyin ? like(enterprises.namePinyin, `%${terms.pinyin}%`) : undefined,
    );
  }

  /** Memberships of the outer firm on a node, or on any node of a chain. */
  private membership(nodeId: string | undefined, chainId: string | undefined) {
    return this.db
      .select({ one: sql`1` })
      .from(enterpriseNodes)
      .innerJoin(chainNodes, and(eq(chainNodes.regionCode, enterpriseNodes.regionCode), eq(chainNodes.id, enterpriseNodes.nodeId)))
      .where(
        and(
          eq(enterpriseNodes.regionCode, enterprises.regionCode),
          eq(enterpriseNodes.enterpriseId, enterprises.id),
          nodeId ? eq(enterpriseNodes.nodeId, nodeId) : undefined,
          chainId ? eq(chainNodes.chainId, chainId) : undefined,
        ),
      );
  }

  async get(regionCode: string, id: string): Promise<EnterpriseRow | undefined> {
    const rows = await this.db
      .select()
      .from(enterprises)
      .where(and(eq(enterprises.regionCode, regionCode), eq(enterprises.id, id)))
      .limit(1);
    return rows[0];
  }

  async metrics(regionCode: string, id: string): Promise<MetricRow[]> {
    return this.db
      .select()
      .from(enterpriseMetrics)
      .where(and(eq(enterpriseMetrics.regionCode, regionCode), eq(enterpriseMetrics.enterpriseId, id)))
      .orderBy(asc(enterpriseMetrics.year));
  }

  /** Adds the firm with its aliases and sites in one transaction; undefined when the id is taken. */
  async insert(
    row: typeof enterprises.$inferInsert,
    aliases: (typeof enterpriseAliases.$inferInsert)[],
    sites: (typeof enterpriseSites.$inferInsert)[],
  ): Promise<EnterpriseRow | undefined> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.insert(enterprises).values(row).onConflictDoNothing().returning();
      if (rows[0] && aliases.length > 0) await tx.insert(enterpriseAliases).values(aliases).onConflictDoNothing();
      if (rows[0] && sites.length > 0) await tx.insert(enterpriseSites).values(sites);
      return rows[0];
    });
  }

  async aliases(regionCode: string, id: string) {
    return this.db
      .select()
      .from(enterpriseAliases)
      .where(and(eq(enterpriseAliases.regionCode, regionCode), eq(enterpriseAliases.enterpriseId, id)))
      .orderBy(asc(enterpriseAliases.alias));
  }

  async sites(regionCode: string, id: string) {
    return this.db
      .select()
      .from(enterpriseSites)
      .where(and(eq(enterpriseSites.regionCode, regionCode), eq(enterpriseSites.enterpriseId, id)))
      .orderBy(asc(enterpriseSites.kind), asc(enterpriseSites.id));
  }

  /** The firm's chain nodes with node and chain names; the primary node first. */
  async nodes(regionCode: string, id: string) {
    return this.db
      .select({
        nodeId: chainNodes.id,
        nodeNameZh: chainNodes.nameZh,
        nodeNameEn: chainNodes.nameEn,
        tier: chainNodes.tier,
        chainId: chains.id,
        chainNameZh: chains.nameZh,
        chainNameEn: chains.nameEn,
        isPrimary: enterpriseNodes.isPrimary,
      })
      .from(enterpriseNodes)
      .innerJoin(chainNodes, and(eq(chainNodes.regionCode, enterpriseNodes.regionCode), eq(chainNodes.id, enterpriseNodes.nodeId)))
      .innerJoin(chains, and(eq(chains.regionCode, chainNodes.regionCode), eq(chains.id, chainNodes.chainId)))
      .where(and(eq(enterpriseNodes.regionCode, regionCode), eq(enterpriseNodes.enterpriseId, id)))
      .orderBy(desc(enterpriseNodes.isPrimary), asc(chainNodes.nameSortKey));
  }

  async projects(regionCode: string, id: string) {
    return this.db
      .select({
        id: projects.id,
        name: projects.name,
        origin: projects.origin,
        stage: projects.stage,
        chainId: projects.chainId,
        investmentWan: projects.investmentWan,
        landMu: projects.landMu,
        isKey: projects.isKey,
        isSynthetic: projects.isSynthetic,
      })
      .from(projects)
      .where(and(eq(projects.regionCode, regionCode), eq(projects.enterpriseId, id)))
      .orderBy(asc(projects.id));
  }

  /** The towns of a county (GB/T 2260 regions one level below it), by code. */
  async towns(regionCode: string) {
    return this.db
      .select({ code: regions.code, nameZh: regions.nameZh, nameEn: regions.nameEn, lon: regions.lon, lat: regions.lat })
      .from(regions)
      .where(and(eq(regions.parentCode, regionCode), eq(regions.level, 'town')))
      .orderBy(asc(regions.code));
  }

  /** Updates only when the stored version still matches; returns undefined on a stale version. */
  async updateIfVersion(
    regionCode: string,
    id: string,
    version: number,
    patch: Partial<typeof enterprises.$inferInsert>,
  ): Promise<EnterpriseRow | undefined> {
    const rows = await this.db
      .update(enterprises)
      .set({ ...patch, version: sql`${enterprises.version} + 1`, updatedAt: new Date() })
      .where(and(eq(enterprises.regionCode, regionCode), eq(enterprises.id, id), eq(enterprises.version, version)))
      .returning();
    return rows[0];
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
