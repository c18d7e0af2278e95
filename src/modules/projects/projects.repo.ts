import { and, asc, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { LANDED_STAGE, PROJECT_STAGES, type ParcelStatus, type ProjectOrigin, type ProjectSort, type ProjectStage } from './projects.model.ts';
import { landAgreements, parcels, projectEvents, projects } from './projects.schema.ts';

export type ProjectRow = typeof projects.$inferSelect & { landedOn: string | null; isOverdue: boolean };
export type EventRow = typeof projectEvents.$inferSelect;
export type ParcelRow = typeof parcels.$inferSelect;
export type AgreementRow = typeof landAgreements.$inferSelect;

export interface ProjectFilter {
  regionCode: string;
  origin?: ProjectOrigin | undefined;
  stage?: ProjectStage | undefined;
  chainId?: string | undefined;
  parkId?: string | undefined;
  landedYear?: number | undefined;
  isKey?: boolean | undefined;
  isOverdue?: boolean | undefined;
  /** YYYY-MM-DD: planned dates before it without an actual date are overdue */
  today: string;
  sort: ProjectSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface ParcelFilter {
  regionCode: string;
  status?: ParcelStatus | undefined;
  parkId?: string | undefined;
  townCode?: string | undefined;
  limit: number;
  offset: number;
}

const landed = alias(projectEvents, 'landed');
const STAGE_ARRAY = sql.raw(`array[${PROJECT_STAGES.map((s) => `'${s}'`).join(',')}]`);

export class ProjectsRepo {
  constructor(private readonly db: Db) {}

  async list(filter: ProjectFilter): Promise<{ rows: ProjectRow[]; total: number }> {
    const overdue = overdueSql(filter.today);
    const where = and(
      eq(projects.regionCode, filter.regionCode),
      filter.origin ? eq(projects.origin, filter.origin) : undefined,
      filter.stage ? eq(projects.stage, filter.stage) : undefined,
      filter.chainId ? eq(projects.chainId, filter.chainId) : undefined,
      filter.parkId ? eq(projects.parkId, filter.parkId) : undefined,
      filter.isKey === undefined ? undefined : eq(projects.isKey, filter.isKey),
      filter.isOverdue === undefined ? undefined : filter.isOverdue ? overdue : sql`not ${overdue}`,
      filter.landedYear === undefined
        ? undefined
        : and(gte(landed.actualOn, `${filter.landedYear}-01-01`), lt(landed.actualOn, `${filter.landedYear + 1}-01-01`)),
    );
    const direction = filter.order === 'desc' ? desc : asc;
    const rows = await this.selectProjects(overdue)
      .where(where)
      .orderBy(sql`${sortKey(filter.sort)} ${sql.raw(filter.order)} nulls last`, direction(projects.id))
      .limit(filter.limit)
      .offset(filter.offset);
    const totals = await this.db.select({ n: count() }).from(projects).leftJoin(landed, landedJoin()).where(where);
    return { rows, total: totals[0]?.n ?? 0 };
  }

  async get(regionCode: string, id: string, today: string): Promise<ProjectRow | undefined> {
    const rows = await this.selectProjects(overdueSql(today))
      .where(and(eq(projects.regionCode, regionCode), eq(projects.id, id)))
      .limit(1);
    return rows[0];
  }

  async events(regionCode: string, projectId: string): Promise<EventRow[]> {
    return this.db
      .select()
      .from(projectEvents)
      .where(and(eq(projectEvents.regionCode, regionCode), eq(projectEvents.projectId, projectId)));
  }

  async agreements(regionCode: string, projectId: string): Promise<AgreementRow[]> {
    return this.db
      .select()
      .from(landAgreements)
      .where(and(eq(landAgreements.regionCode, regionCode), eq(landAgreements.projectId, projectId)))
      .orderBy(asc(landAgreements.signedOn), asc(landAgreements.id));
  }

  async listParcels(filter: ParcelFilter): Promise<{ rows: ParcelRow[]; total: number }> {
    const where = and(
      eq(parcels.regionCode, filter.regionCode),
      filter.status ? eq(parcels.status, filter.status) : undefined,
      filter.parkId ? eq(parcels.parkId, filter.parkId) : undefined,
      filter.townCode ? eq(parcels.townCode, filter.townCode) : undefined,
    );
    const rows = await this.db.select().from(parcels).where(where).orderBy(asc(parcels.name), asc(parcels.id)).limit(filter.limit).offset(filter.offset);
    const totals = await this.db.select({ n: count() }).from(parcels).where(where);
    return { rows, total: totals[0]?.n ?? 0 };
  }

  private selectProjects(overdue: SQL) {
    return this.db
      .select({
        regionCode: projects.regionCode,
        id: projects.id,
        name: projects.name,
        origin: projects.origin,
        chainId: projects.chainId,
        nodeId: projects.nodeId,
        enterpriseId: projects.enterpriseId,
        parkId: projects.parkId,
        parcelId: projects.parcelId,
        investmentWan: projects.investmentWan,
        landMu: projects.landMu,
        stage: projects.stage,
        isKey: projects.isKey,
        isSynthetic: projects.isSynthetic,
        version: projects.version,
        createdAt: projects.createdAt,
        updatedAt: projects.updatedAt,
        landedOn: landed.actualOn,
        isOverdue: sql<boolean>`${overdue}`.mapWith(Boolean),
      })
      .from(projects)
      .leftJoin(landed, landedJoin());
  }
}

function landedJoin(): SQL | undefined {
  return and(eq(landed.regionCode, projects.regionCode), eq(landed.projectId, projects.id), eq(landed.stage, LANDED_STAGE));
}

/** Some stage of the project was planned before `today` and has no actual date. */
function overdueSql(today: string): SQL {
  return sql`exists (select 1 from ${projectEvents} e where e.region_code = ${projects.regionCode} and e.project_id = ${projects.id}
    and e.actual_on is null and e.planned_on < ${today}::date)`;
}

function sortKey(sort: ProjectSort): SQL {
  switch (sort) {
    case 'name':
      return sql`${projects.name}`;
    case 'investment':
      return sql`${projects.investmentWan}`;
    case 'stage':
      return sql`array_position(${STAGE_ARRAY}::text[], ${projects.stage})`;
    case 'landed':
      return sql`${landed.actualOn}`;
  }
}
