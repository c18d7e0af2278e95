import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveTimes } from '../src/core/geo/driveTimes.ts';
import { toPointRow } from '../src/core/geo/edgeTable.ts';
import type { RoadGraph } from '../src/core/geo/roadGraph.ts';
import { type Snap, snap } from '../src/core/geo/snap.ts';
import { loadRoadFile } from '../src/modules/roads/osmFile.ts';
import { writePgRoutingEdges } from '../src/modules/roads/pgrouting.ts';
import { ROOT } from './helpers/paths.ts';

/**
 * The routing core against pgRouting 3.4 on the same edge table: pgr_withPointsDD from the origin snapped to
 * its edge (directed graph, driving side both, no details) must reach the same OSM nodes in the same seconds,
 * up to floating-point ties at the limit. Like the other database tests this runs when TEST_DATABASE_URL is
 * set (CI sets it and fails when the server is unreachable) and is skipped on a laptop without it.
 */
const ADMIN_URL = process.env.TEST_DATABASE_URL;
const OSM = join(ROOT, 'tests', 'fixtures', 'osm');
const LIMITS_MIN = [10, 20, 30];
const TIE_SECONDS = 1e-6;

interface Network {
  name: string;
  file: string;
  origins: Array<[number, number]>;
}

const NETWORKS: Network[] = [
  {
    name: 'andorra',
    file: 'andorra.osm.pbf',
    // Andorra la Vella, Encamp, Sant Julià de Lòria, Pas de la Casa, Canillo
    origins: [[1.5218, 42.5063], [1.58, 42.536], [1.491, 42.464], [1.733, 42.543], [1.5975, 42.567]],
  },
  {
    name: 'monaco',
    file: 'monaco.osm.pbf',
    // Monaco-Ville, Monte-Carlo, Fontvieille, Beausoleil, Cap-d'Ail
    origins: [[7.4246, 43.7384], [7.427, 43.74], [7.416, 43.73], [7.423, 43.743], [7.405, 43.722]],
  },
];

/** The middle of a one-way segment chosen by its index, so that snapping onto a one-way street is covered. */
function oneWayMidpoint(graph: RoadGraph, nth: number): [number, number] {
  const s = graph.segments;
  let seen = 0;
  for (let i = 0; i < s.count; i++) {
    if ((s.backwardSeconds[i] ?? 0) < 0 && (s.lengthM[i] ?? 0) > 30 && seen++ === nth) {
      const a = s.from[i] ?? 0;
      const b = s.to[i] ?? 0;
      return [((graph.lon[a] ?? 0) + (graph.lon[b] ?? 0)) / 2, ((graph.lat[a] ?? 0) + (graph.lat[b] ?? 0)) / 2];
    }
  }
  throw new Error('no one-way segment');
}

function ourReach(graph: RoadGraph, origin: Snap, limit: number, direction: 'out' | 'in'): Map<number, number> {
  const times = driveTimes(graph, origin, limit, direction);
  const reached = new Map<number, number>();
  times.forEach((t, v) => {
    if (t <= limit) reached.set(graph.osmIds[v] ?? 0, t);
  });
  return reached;
}

/** Node ids whose membership differs or whose times differ, ignoring ties at the limit. */
function differences(ours: Map<number, number>, theirs: Map<number, number>, limit: number): string[] {
  const out: string[] = [];
  const isTie = (t: number | undefined) => t !== undefined && Math.abs(t - limit) <= TIE_SECONDS;
  for (const [node, t] of ours) {
    const u = theirs.get(node);
    if (u === undefined) {
      if (!isTie(t)) out.push(`${node}: ours ${t} s, pgRouting unreached`);
    } else if (Math.abs(t - u) > TIE_SECONDS) out.push(`${node}: ours ${t} s, pgRouting ${u} s`);
  }
  for (const [node, u] of theirs) if (!ours.has(node) && !isTie(u)) out.push(`${node}: pgRouting ${u} s, ours unreached`);
  return out;
}

describe.skipIf(!ADMIN_URL)('drive times equal pgRouting pgr_withPointsDD', () => {
  const dbName = `cb_pgr_${process.pid}_${randomBytes(4).toString('hex')}`;
  let client: pg.Client;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${dbName} template template0`);
    await admin.end();
    const url = new URL(ADMIN_URL ?? '');
    url.pathname = `/${dbName}`;
    client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    // Debian's pgRouting 3.4 declares PostGIS as a requirement
    await client.query('create extension if not exists pgrouting cascade');
  });

  afterAll(async () => {
    await client?.end();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  async function pgrReach(table: string, edgeId: number, fraction: number, limit: number): Promise<Map<number, number>> {
    // the points query is SQL text: the fraction goes in as the shortest round-tripping decimal
    const points = `select 1 as pid, ${edgeId}::bigint as edge_id, ${String(fraction)}::float8 as fraction, 'b'::char as side`;
    const rows = await client.query<{ node: string; agg_cost: number }>(
      `select node, agg_cost from pgr_withPointsDD($1, $2, -1, $3::float8, directed => true, driving_side => 'b', details => false)`,
      [`select id, source, target, cost, reverse_cost from ${table}`, points, limit],
    );
    const reached = new Map<number, number>();
    for (const r of rows.rows) if (Number(r.node) > 0) reached.set(Number(r.node), r.agg_cost);
    return reached;
  }

  for (const network of NETWORKS) {
    describe(network.name, () => {
      let graph: RoadGraph;
      const table = `edges_${network.name}`;

      beforeAll(async () => {
        graph = loadRoadFile(join(OSM, network.file)).graph;
        await writePgRoutingEdges(client, table, graph);
        // "who can reach me": the same edges with every direction turned round
        await client.query(`drop table if exists ${table}_rev`);
        await client.query(`create table ${table}_rev as select id, target as source, source as target, cost, reverse_cost from ${table}`);
      });

      it('reaches the same nodes in the same seconds from each origin at 10, 20 and 30 minutes', async () => {
        const origins = [...network.origins, oneWayMidpoint(graph, 7), oneWayMidpoint(graph, 101)];
        let compared = 0;
        for (const [lon, lat] of origins) {
          const origin = snap(graph, lon, lat);
          const { edgeId, fraction } = toPointRow(origin);
          for (const minutes of LIMITS_MIN) {
            const limit = minutes * 60;
            const ours = ourReach(graph, origin, limit, 'out');
            const theirs = await pgrReach(table, edgeId, fraction, limit);
            expect(differences(ours, theirs, limit), `${network.name} ${lon},${lat} ${minutes} min`).toEqual([]);
            compared += ours.size;
          }
        }
        // the comparison covers real work, not a handful of nodes
        expect(compared).toBeGreaterThan(origins.length * 1000);
      });

      it('finds who can reach an origin as pgRouting does on the reversed edges', async () => {
        for (const [lon, lat] of network.origins.slice(0, 2)) {
          const origin = snap(graph, lon, lat);
          const { edgeId, fraction } = toPointRow(origin);
          const limit = 20 * 60;
          const ours = ourReach(graph, origin, limit, 'in');
          // on the reversed table the point lies at 1 − fraction from the (new) source
          const theirs = await pgrReach(`${table}_rev`, edgeId, 1 - fraction, limit);
          expect(ours.size).toBeGreaterThan(100);
          expect(differences(ours, theirs, limit)).toEqual([]);
        }
      });
    });
  }
});
