/**
 * Drive-time routing (issue 6) against pgRouting 3.4 on the same edge table in the local PostgreSQL, in the
 * same run: one 30-minute query on Andorra and on Monaco, and 1,000 origins × 30 minutes. pgRouting's time is
 * what a caller pays per query (pgr_drivingDistance reads the edge table and builds its graph on each call);
 * ours runs on the graph loaded once. Both start at the same vertex, and the reached counts are checked equal.
 * Also: reloading a network from its stored binary against building it from the .osm.pbf.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { driveTimesFromSeeds } from '../src/core/geo/driveTimes.ts';
import { MinHeap } from '../src/core/geo/minHeap.ts';
import type { RoadGraph } from '../src/core/geo/roadGraph.ts';
import { deserializeRoadGraph, serializeRoadGraph } from '../src/core/geo/serialize.ts';
import { snap } from '../src/core/geo/snap.ts';
import { Rng } from '../src/core/random/seeded.ts';
import { roadGraphOfBytes } from '../src/modules/roads/osmFile.ts';
import { writePgRoutingEdges } from '../src/modules/roads/pgrouting.ts';
import type { BenchRow } from './run.ts';
import type { Benchmark } from './suites.ts';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const OSM = fileURLToPath(new URL('../tests/fixtures/osm/', import.meta.url));
const LIMIT_S = 30 * 60;
const ORIGINS = 1000;

interface Network {
  name: string;
  file: string;
  centre: [number, number];
}

const NETWORKS: Network[] = [
  { name: 'Andorra', file: 'andorra.osm.pbf', centre: [1.5218, 42.5063] },
  { name: 'Monaco', file: 'monaco.osm.pbf', centre: [7.4246, 43.7384] },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function reachedCount(times: Float64Array): number {
  let n = 0;
  for (const t of times) if (t <= LIMIT_S) n++;
  return n;
}

/** Vertices that have at least one outgoing edge, so that every origin starts a real search. */
function randomOrigins(graph: RoadGraph, count: number, seed: number): number[] {
  const rng = new Rng(seed);
  const out: number[] = [];
  while (out.length < count) {
    const v = rng.int(0, graph.vertexCount - 1);
    if ((graph.offsets[v + 1] ?? 0) > (graph.offsets[v] ?? 0)) out.push(v);
  }
  return out;
}

async function benchNetwork(client: pg.Client, network: Network): Promise<BenchRow[]> {
  const bytes = readFileSync(join(OSM, network.file));
  let t0 = performance.now();
  const { graph } = roadGraphOfBytes(bytes);
  const buildMs = performance.now() - t0;
  const stored = serializeRoadGraph(graph);
  const reloads: number[] = [];
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    deserializeRoadGraph(stored);
    reloads.push(performance.now() - t0);
  }
  const table = `edges_${network.name.toLowerCase()}`;
  await writePgRoutingEdges(client, table, graph);
  const edgesSql = `select id, source, target, cost, reverse_cost from ${table}`;

  // one query from the centre: the vertex the centre snaps next to
  const s = snap(graph, network.centre[0], network.centre[1]);
  const start = (s.fraction < 0.5 ? graph.segments.from[s.segment] : graph.segments.to[s.segment]) ?? 0;
  const heap = new MinHeap();
  const oursOne: number[] = [];
  let ourCount = 0;
  for (let i = 0; i < 30; i++) {
    t0 = performance.now();
    const times = driveTimesFromSeeds(graph, [{ vertex: start, seconds: 0 }], LIMIT_S, 'out', heap);
    oursOne.push(performance.now() - t0);
    ourCount = reachedCount(times);
  }
  const peerOne: number[] = [];
  let peerCount = 0;
  for (let i = 0; i < 7; i++) {
    t0 = performance.now();
    const r = await client.query<{ n: string }>('select count(*) as n from pgr_drivingDistance($1, $2::bigint, $3::float8)', [edgesSql, graph.osmIds[start], LIMIT_S]);
    peerOne.push(performance.now() - t0);
    peerCount = Number(r.rows[0]?.n ?? 0);
  }
  if (peerCount !== ourCount) throw new Error(`${network.name}: pgRouting reached ${peerCount} nodes, ours ${ourCount}`);

  // 1,000 origins: ours one by one; pgRouting in one call with an array of start vertices (its fastest form)
  const origins = randomOrigins(graph, ORIGINS, 20_260_601);
  t0 = performance.now();
  let ourTotal = 0;
  for (const v of origins) ourTotal += reachedCount(driveTimesFromSeeds(graph, [{ vertex: v, seconds: 0 }], LIMIT_S, 'out', heap));
  const oursMany = performance.now() - t0;
  t0 = performance.now();
  const many = await client.query<{ n: string }>('select count(*) as n from pgr_drivingDistance($1, $2::bigint[], $3::float8, equicost => false)', [edgesSql, origins.map((v) => graph.osmIds[v] ?? 0), LIMIT_S]);
  const peerMany = performance.now() - t0;
  const peerTotal = Number(many.rows[0]?.n ?? 0);
  if (peerTotal !== ourTotal) throw new Error(`${network.name}: 1,000 origins reached ${peerTotal} (pgRouting) vs ${ourTotal} (ours) node-rows`);

  const size = `${graph.vertexCount} vertices, ${graph.segments.count} segments`;
  return [
    {
      name: `routing: ${network.name} one 30-min query (per query)`,
      ours: { label: 'typed-array Dijkstra (median of 30)', ms: median(oursOne) },
      peer: { label: 'pgr_drivingDistance (median of 7)', ms: median(peerOne) },
      note: `${size}; ${ourCount} nodes reached by both`,
    },
    {
      name: `routing: ${network.name} 1,000 origins × 30 min (per query)`,
      ours: { label: 'typed-array Dijkstra', ms: oursMany / ORIGINS },
      peer: { label: 'pgr_drivingDistance, 1 call, 1,000 starts', ms: peerMany / ORIGINS },
      note: `totals ${(oursMany / 1000).toFixed(2)} s vs ${(peerMany / 1000).toFixed(2)} s; ${ourTotal} node-rows, equal`,
    },
    {
      name: `roads: ${network.name} network load`,
      ours: { label: 'stored binary reload (median of 5)', ms: median(reloads) },
      peer: { label: 'parse .osm.pbf + build', ms: buildMs },
      note: `${stored.byteLength} bytes stored`,
    },
  ];
}

export const routingBenchmark: Benchmark = {
  name: 'routing: drive time vs pgRouting (Andorra, Monaco)',
  async run() {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const name = `cb_bench_routing_${process.pid}`;
    await admin.query(`create database ${name} template template0`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    try {
      await client.connect();
      await client.query('create extension if not exists pgrouting cascade');
      const rows: BenchRow[] = [];
      for (const network of NETWORKS) rows.push(...(await benchNetwork(client, network)));
      return rows;
    } finally {
      await client.end();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  },
};
