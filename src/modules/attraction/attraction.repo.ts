import { and, asc, count, eq, exists, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { CandidateSort } from './attraction.model.ts';
import { candidateNodes, candidates } from './attraction.schema.ts';

export type CandidateRow = typeof candidates.$inferSelect;

export interface CandidateFilter {
  regionCode: string;
  nodeId?: string | undefined;
  isListed?: boolean | undefined;
  /** a GB/T 2260 prefix: '3310' = the counties of Taizhou */
  homeRegionPrefix?: string | undefined;
  sort: CandidateSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export class AttractionRepo {
  constructor(private readonly db: Db) {}

  async list(filter: CandidateFilter): Promise<{ rows: CandidateRow[]; total: number }> {
    const where = and(
      eq(candidates.regionCode, filter.regionCode),
      filter.nodeId === undefined
        ? undefined
        : exists(
            this.db
              .select({ one: sql`1` })
              .from(candidateNodes)
              .where(
                and(
                  eq(candidateNodes.regionCode, candidates.regionCode),
                  eq(candidateNodes.candidateId, candidates.id),
                  eq(candidateNodes.nodeId, filter.nodeId),
                ),
              ),
          ),
      filter.isListed === undefined ? undefined : eq(candidates.isListed, filter.isListed),
      filter.homeRegionPrefix === undefined ? undefined : sql`starts_with(${candidates.homeRegionCode}, ${filter.homeRegionPrefix})`,
    );
    const rows = await this.db
      .select()
      .from(candidates)
      .where(where)
      .orderBy(sql`${sortKey(filter.sort)} ${sql.raw(filter.order)} nulls last`, asc(candidates.id))
      .limit(filter.limit)
      .offset(filter.offset);
    const totals = await this.db.select({ n: count() }).from(candidates).where(where);
    return { rows, total: totals[0]?.n ?? 0 };
  }

  async nodesOf(regionCode: string, candidateIds: string[]): Promise<{ candidateId: string; nodeId: string }[]> {
    if (candidateIds.length === 0) return [];
    return this.db
      .select({ candidateId: candidateNodes.candidateId, nodeId: candidateNodes.nodeId })
      .from(candidateNodes)
      .where(and(eq(candidateNodes.regionCode, regionCode), inArray(candidateNodes.candidateId, candidateIds)));
  }
}

function sortKey(sort: CandidateSort): SQL {
  switch (sort) {
    case 'name':
      return sql`${candidates.name}`;
    case 'revenue':
      return sql`${candidates.revenueWan}`;
    case 'growth':
      return sql`${candidates.growthRate}`;
    case 'distance':
      return sql`${candidates.distanceKm}`;
  }
}
