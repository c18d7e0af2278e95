/**
 * Firm search p95 on the county demo (~8k firms), through the whole HTTP stack (session, scope check, SQL with
 * the stored pinyin keys, serialisation), on PGlite and on PostgreSQL. Baseline in the same run: the naive way
 * without stored keys — load the region's firms and compute pinyin initials for every name on each query.
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';
import { loadConfig } from '../src/config.ts';
import { silentProgress } from '../src/db/backup.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { seedReferenceData } from '../src/db/referenceData.ts';
import { AuthService } from '../src/modules/auth/auth.service.ts';
import { DEFAULT_DEMO_SEED, seedCountyDemo } from '../src/modules/demo/demo.service.ts';
import { enterprises } from '../src/modules/enterprises/enterprises.schema.ts';
import { buildApp } from '../src/server/app.ts';
import type { BenchRow } from './run.ts';
import type { Benchmark } from './suites.ts';
import { onThrowawayPostgres } from './throwawayPostgres.ts';

const REGION = '331081';
const QUERIES = 200;

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? Number.NaN;
}

/** A fixed mix of what people type: pinyin initials (3–4 letters of a real name), a two-character name part, a USCC, and a filtered search. */
function searchMix(firms: { name: string; uscc: string | null; nameInitials: string | null }[]): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < QUERIES; i++) {
    const firm = firms[(i * 7919) % firms.length];
    if (!firm) break;
    const core = firm.name.replace(/^温岭市/, '');
    const initials = (firm.nameInitials ?? '').replace(/^wls/, '');
    const kind = i % 4;
    if (kind === 0 && initials.length >= 3) out.push(`q=${initials.slice(0, 3 + (i % 2))}`);
    else if (kind === 1) out.push(`q=${encodeURIComponent(core.slice(0, 2))}`);
    else if (kind === 2 && firm.uscc) out.push(`q=${firm.uscc.toLowerCase()}`);
    else out.push(`q=${initials.slice(0, 2) || 'by'}&scale=below&sort=-founded`);
  }
  return out;
}

async function measure(database: Database): Promise<{ ours: number; naive: number; firms: number }> {
  await database.migrate();
  await seedReferenceData(database.db);
  await seedCountyDemo(database, { seed: DEFAULT_DEMO_SEED, progress: silentProgress });
  const firms = await database.db
    .select({ name: enterprises.name, uscc: enterprises.uscc, nameInitials: enterprises.nameInitials })
    .from(enterprises)
    .where(eq(enterprises.regionCode, REGION));
  const mix = searchMix(firms);

  const config = loadConfig({ DATA_DIR: '.tmp/bench', SESSION_SECRET: 'b'.repeat(40), LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database, serveWeb: false, logger: false });
  const auth = new AuthService(database.db, { maxFailures: 5, lockMinutes: 1, sessionHours: 1 });
  const username = `searchbench${Date.now()}`;
  await auth.addUser({ username, password: 'Bench-Password-1', role: 'viewer', regions: [REGION], canSeeSensitive: false });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Bench-Password-1' } });
  const cookie = `cb_session=${login.cookies.find((c) => c.name === 'cb_session')?.value ?? ''}`;

  const ours: number[] = [];
  for (const query of mix) {
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url: `/api/r/${REGION}/enterprises?${query}&pageSize=50`, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`search ${query} answered ${res.statusCode}`);
    ours.push(performance.now() - t0);
  }
  await app.close();

  const naive: number[] = [];
  for (const query of mix.slice(0, 40)) {
    const q = decodeURIComponent(new URLSearchParams(query).get('q') ?? '');
    const t0 = performance.now();
    naiveSearch(await database.db.select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc }).from(enterprises).where(eq(enterprises.regionCode, REGION)), q);
    naive.push(performance.now() - t0);
  }
  return { ours: p95(ours), naive: p95(naive), firms: firms.length };
}

/** The search without stored keys: pinyin of every name on every query, then sort by pinyin and take a page. */
function naiveSearch(rows: { id: string; name: string; uscc: string | null }[], q: string) {
  const lower = q.toLowerCase();
  const keyed = rows.map((r) => ({ ...r, initials: pinyin(r.name, { pattern: 'first', toneType: 'none', type: 'array' }).join(''), key: pinyin(r.name, { toneType: 'none' }) }));
  return keyed
    .filter((r) => r.name.includes(q) || r.initials.includes(lower) || r.uscc === q.toUpperCase())
    .sort((a, b) => a.key.localeCompare(b.key))
    .slice(0, 50);
}

export const searchBenchmark: Benchmark = {
  name: 'search: firm search p95 on the county demo',
  async run(): Promise<BenchRow[]> {
    const lite = await openDatabase({ dataDir: 'memory://', fsync: false });
    const onLite = await measure(lite).finally(() => lite.close());
    const onPg = await onThrowawayPostgres('search', measure);
    const note = (firms: number) => `${firms} firms, ${QUERIES} mixed queries (initials, name part, USCC, filtered), 50/page; target < 100 ms`;
    return [
      { name: 'search p95, county demo, PGlite', ours: { label: 'API, stored pinyin keys', ms: onLite.ours }, peer: { label: 'naive: pinyin per name per query', ms: onLite.naive }, note: note(onLite.firms) },
      { name: 'search p95, county demo, PostgreSQL', ours: { label: 'API, stored pinyin keys', ms: onPg.ours }, peer: { label: 'naive: pinyin per name per query', ms: onPg.naive }, note: note(onPg.firms) },
    ];
  },
};
