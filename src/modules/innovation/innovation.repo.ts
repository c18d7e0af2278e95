import { and, asc, count, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { ChokepointStatus, PlatformKind } from './innovation.model.ts';
import { chokepoints, platformMembers, platforms, researchProjects } from './innovation.schema.ts';

export type PlatformRow = typeof platforms.$inferSelect & { memberCount: number };
export type MemberRow = typeof platformMembers.$inferSelect;
export type ChokepointRow = typeof chokepoints.$inferSelect;
export type ResearchRow = typeof researchProjects.$inferSelect;

interface Page {
  limit: number;
  offset: number;
}

export interface PlatformFilter extends Page {
  regionCode: string;
  kind?: PlatformKind | undefined;
  chainId?: string | undefined;
  parentId?: string | undefined;
}

export interface ChokepointFilter {
  regionCode: string;
  chainId?: string | undefined;
  platformId?: string | undefined;
  link?: string | undefined;
  commonTech?: string | undefined;
  scenario?: string | undefined;
  status?: ChokepointStatus | undefined;
}

export interface ResearchFilter extends Page {
  regionCode: string;
  level?: 'provincial' | 'national' | undefined;
  chainId?: string | undefined;
  platformId?: string | undefined;
}

const memberCount = sql<number>`(select count(*) from ${platformMembers} m
  where m.region_code = ${platforms.regionCode} and m.platform_id = ${platforms.id})`.mapWith(Number);

export class InnovationRepo {
  constructor(private readonly db: Db) {}

  async listPlatforms(filter: PlatformFilter): Promise<{ rows: PlatformRow[]; total: number }> {
    const where = and(
      eq(platforms.regionCode, filter.regionCode),
      filter.kind ? eq(platforms.kind, filter.kind) : undefined,
      filter.chainId ? eq(platforms.chainId, filter.chainId) : undefined,
      filter.parentId ? eq(platforms.parentId, filter.parentId) : undefined,
    );
    const rows = await this.selectPlatforms().where(where).orderBy(asc(platforms.nameZh), asc(platforms.id)).limit(filter.limit).offset(filter.offset);
    const totals = await this.db.select({ n: count() }).from(platforms).where(where);
    return { rows, total: totals[0]?.n ?? 0 };
  }

  /** The platform and its direct children. */
  async platformWithChildren(regionCode: string, id: string): Promise<PlatformRow[]> {
    return this.selectPlatforms()
      .where(and(eq(platforms.regionCode, regionCode), sql`(${platforms.id} = ${id} or ${platforms.parentId} = ${id})`))
      .orderBy(asc(platforms.nameZh), asc(platforms.id));
  }

  async members(regionCode: string, platformId: string): Promise<MemberRow[]> {
    return this.db
      .select()
      .from(platformMembers)
      .where(and(eq(platformMembers.regionCode, regionCode), eq(platformMembers.platformId, platformId)))
      .orderBy(asc(platformMembers.memberName), asc(platformMembers.memberId));
  }

  async listChokepoints(filter: ChokepointFilter & Page): Promise<{ rows: ChokepointRow[]; total: number }> {
    const where = chokepointWhere(filter);
    const rows = await this.db
      .select()
      .from(chokepoints)
      .where(where)
      .orderBy(sql`${chokepoints.openedOn} desc nulls last`, asc(chokepoints.id))
      .limit(filter.limit)
      .offset(filter.offset);
    const totals = await this.db.select({ n: count() }).from(chokepoints).where(where);
    return { rows, total: totals[0]?.n ?? 0 };
  }

  /** Counts by (common technology, scenario), by link (with the solved ones) and by status. */
  async chokepointCounts(filter: ChokepointFilter) {
    const where = chokepointWhere(filter);
    const n = count();
    const [cells, links, statuses] = await Promise.all([
      this.db
        .select({ row: chokepoints.commonTech, col: chokepoints.scenario, count: n })
        .from(chokepoints)
        .where(where)
        .groupBy(chokepoints.commonTech, chokepoints.scenario),
      this.db
        .select({ link: chokepoints.link, count: n, solved: sql<number>`count(*) filter (where ${chokepoints.status} = 'solved')`.mapWith(Number) })
        .from(chokepoints)
        .where(where)
        .groupBy(chokepoints.link),
      this.db.select({ status: chokepoints.status, count: n }).from(chokepoints).where(where).groupBy(chokepoints.status),
    ]);
    return { cells, links, statuses };
  }

  async listResearch(filter: ResearchFilter): Promise<{ rows: ResearchRow[]; total: number }> {
    const where = and(
      eq(researchProjects.regionCode, filter.regionCode),
      filter.level ? eq(researchProjects.level, filter.level) : undefined,
      filter.chainId ? eq(researchProjects.chainId, filter.chainId) : undefined,
      filter.platformId ? eq(researchProjects.platformId, filter.platformId) : undefined,
    );
    const rows = await this.db
      .select()
      .from(researchProjects)
      .where(where)
      .orderBy(sql`${researchProjects.startedOn} desc nulls last`, asc(researchProjects.id))
      .limit(filter.limit)
      .offset(filter.offset);
    const totals = await this.db.select({ n: count() }).from(researchProjects).where(where);
    return { rows, total: totals[0]?.n ?? 0 };
  }

  private selectPlatforms() {
    return this.db.select({ ...getTableColumns(platforms), memberCount }).from(platforms);
  }
}

function chokepointWhere(filter: ChokepointFilter): SQL | undefined {
  return and(
    eq(chokepoints.regionCode, filter.regionCode),
    filter.chainId ? eq(chokepoints.chainId, filter.chainId) : undefined,
    filter.platformId ? eq(chokepoints.platformId, filter.platformId) : undefined,
    filter.link ? eq(chokepoints.link, filter.link) : undefined,
    filter.commonTech ? eq(chokepoints.commonTech, filter.commonTech) : undefined,
    filter.scenario ? eq(chokepoints.scenario, filter.scenario) : undefined,
    filter.status ? eq(chokepoints.status, filter.status) : undefined,
  );
}
