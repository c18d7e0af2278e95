import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { seedReferenceData } from '../src/db/referenceData.ts';
import { AuthService } from '../src/modules/auth/auth.service.ts';
import { buildApp } from '../src/server/app.ts';
import { cockpitBenchmark } from './cockpit.ts';
import { dedupeBenchmark } from './dedupe.ts';
import { graphBenchmark } from './graph.ts';
import { importBenchmark } from './import.ts';
import { isProvinceBenchOn, provinceBenchmark } from './province.ts';
import type { BenchRow } from './run.ts';
import { routingBenchmark } from './routing.ts';
import { searchBenchmark } from './search.ts';
import { supplyCircleBenchmark } from './supplyCircle.ts';
import { supplyBenchmark } from './supply.ts';

export interface Benchmark {
  name: string;
  run(): Promise<BenchRow[]>;
}

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/** p95 of an authenticated list request through the whole stack (session, scope check, SQL, serialisation). */
async function apiListP95(database: Database, n: number): Promise<number> {
  await database.migrate();
  await seedReferenceData(database.db);
  await database.query(`delete from enterprises where region_code = '331081' and id like 'bench-%'`);
  await database.query(
    `insert into enterprises (region_code, id, name, name_sort_key, scale, is_synthetic)
     select '331081', 'bench-' || g, '示例企业' || g, 'shi li qi ye ' || lpad(g::text, 6, '0'), case when g % 5 = 0 then 'above' else 'below' end, true
       from generate_series(1, 10000) g`,
  );
  const config = loadConfig({ DATA_DIR: '.tmp/bench', SESSION_SECRET: 'b'.repeat(40), LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database, serveWeb: false, logger: false });
  const auth = new AuthService(database.db, { maxFailures: 5, lockMinutes: 1, sessionHours: 1 });
  const username = `bench${Date.now()}`;
  await auth.addUser({ username, password: 'Bench-Password-1', role: 'viewer', regions: ['331081'], canSeeSensitive: false });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Bench-Password-1' } });
  const cookie = `cb_session=${login.cookies.find((c) => c.name === 'cb_session')?.value ?? ''}`;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url: `/api/r/331081/enterprises?page=${1 + (i % 50)}&pageSize=50`, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`list answered ${res.statusCode}`);
    times.push(performance.now() - t0);
  }
  await app.close();
  await database.query(`delete from enterprises where region_code = '331081' and id like 'bench-%'`);
  return percentile(times.sort((a, b) => a - b), 0.95);
}

export const benchmarks: Benchmark[] = [
  {
    name: 'api: firm list p95 (10k firms, 50/page)',
    async run() {
      const lite = await openDatabase({ dataDir: 'memory://', fsync: false, pglite: await PGlite.create() });
      const litep95 = await apiListP95(lite, 300);
      await lite.close();
      const probe = new pg.Client({ connectionString: PG_URL });
      await probe.connect();
      const name = `cb_bench_${process.pid}`;
      await probe.query(`create database ${name}`);
      const url = new URL(PG_URL);
      url.pathname = `/${name}`;
      try {
        const server = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://', fsync: true });
        const pgp95 = await apiListP95(server, 300);
        await server.close();
        return [{ name: 'api: firm list p95 (10k firms)', ours: { label: 'PGlite (embedded)', ms: litep95 }, peer: { label: 'PostgreSQL 15 server', ms: pgp95 }, note: 'same code path, two backends' }];
      } finally {
        await probe.query(`drop database if exists ${name} with (force)`);
        await probe.end();
      }
    },
  },
  dedupeBenchmark,
  searchBenchmark,
  importBenchmark,
  graphBenchmark,
  supplyCircleBenchmark,
  routingBenchmark,
  supplyBenchmark,
  cockpitBenchmark,
  ...(isProvinceBenchOn ? [provinceBenchmark] : []),
];
