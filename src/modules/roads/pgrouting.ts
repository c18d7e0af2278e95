import { toEdgeTable } from '../../core/geo/edgeTable.ts';
import type { RoadGraph } from '../../core/geo/roadGraph.ts';

export interface SqlClient {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Writes the network into a PostgreSQL table shaped for pgRouting (id, source, target, cost, reverse_cost in
 * seconds), the reference the routing core is checked and benchmarked against. The table is replaced.
 */
export async function writePgRoutingEdges(client: SqlClient, table: string, graph: RoadGraph): Promise<number> {
  if (!IDENTIFIER.test(table)) throw new Error(`table name ${table} is not a plain lower-case identifier`);
  const t = toEdgeTable(graph);
  await client.query(`drop table if exists ${table}`);
  await client.query(`create table ${table} (id bigint primary key, source bigint not null, target bigint not null, cost float8 not null, reverse_cost float8 not null)`);
  const CHUNK = 50_000;
  for (let at = 0; at < t.id.length; at += CHUNK) {
    const part = (a: number[]) => a.slice(at, at + CHUNK);
    // float8 parameters travel as text; JavaScript prints the shortest round-tripping decimal, so no cost changes
    await client.query(`insert into ${table} select * from unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[], $5::float8[])`, [
      part(t.id),
      part(t.source),
      part(t.target),
      part(t.cost),
      part(t.reverseCost),
    ]);
  }
  await client.query(`analyze ${table}`);
  return t.id.length;
}
