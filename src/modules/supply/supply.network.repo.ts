import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { EXTERNAL_PREFIX } from './supply.network.model.ts';
import { num, rowsOf, str } from './supply.rows.ts';
import { type FlowScope, scopedFlowsCte } from './supply.scope.ts';

export interface FlowEdgeRow {
  source: string;
  target: string;
  weight: number;
}

/** Buyer → seller edges of the scope's chain purchases with positive net amounts (万元). */
export async function flowEdges(db: Db, scope: FlowScope): Promise<FlowEdgeRow[]> {
  const rows = rowsOf(
    await db.execute(sql`
      ${scopedFlowsCte(scope)}
      select f.buyer_enterprise_id as source, coalesce(f.seller_enterprise_id, ${EXTERNAL_PREFIX} || f.seller_uscc) as target, sum(f.amount_wan)::float8 as weight
      from scoped f
      group by 1, 2
      having sum(f.amount_wan) > 0`),
  );
  // Sorted here by code points, not by the database's collation (PGlite and PostgreSQL may differ), so that
  // vertex numbering, and with it a seeded Louvain run, is the same on both backends.
  const edges = rows.map((r) => ({ source: str(r.source), target: str(r.target), weight: num(r.weight) }));
  return edges.sort((a, b) => compareCodePoints(a.source, b.source) || compareCodePoints(a.target, b.target));
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names and USCCs of registry firms by id. */
export async function firmsById(db: Db, regionCode: string, ids: readonly string[]): Promise<Map<string, { name: string; uscc: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf(await db.execute(sql`select id, name, uscc from enterprises where region_code = ${regionCode} and id = any(${sql.param([...ids])}::text[])`));
  return new Map(rows.map((r) => [str(r.id), { name: str(r.name), uscc: r.uscc === null || r.uscc === undefined ? null : str(r.uscc) }]));
}
