import { and, asc, count, desc, eq, exists, ilike, or, sql } from 'drizzle-orm';
import { chainNodes } from '../chains/chains.schema.ts';
import type { Db } from '../../db/client.ts';
import { enterpriseMetrics, enterpriseNodes, enterprises } from './enterprises.schema.ts';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type MetricRow = typeof enterpriseMetrics.$inferSelect;

export interface EnterpriseFilter {
  regionCode: string;
  q?: string | undefined;
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
      filter.q ? or(ilike(enterprises.name, `%${escapeLike(filter.q)}%`), eq(enterprises.uscc, filter.q.toUpperCase())) : undefined,
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
    const rows = await this.db
      .select()
      .from(enterprises)
      .where(where)
      .orderBy(...order)
      .limit(filter.limit)
      .offset(filter.offset);
    const totals = await this.db.select({ n: count() }).from(enterprises).where(where);
    return { rows, total: Number(totals[0]?.n ?? 0) };
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

  async insert(row: typeof enterprises.$inferInsert): Promise<EnterpriseRow | undefined> {
    const rows = await this.db.insert(enterprises).values(row).onConflictDoNothing().returning();
    return rows[0];
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
