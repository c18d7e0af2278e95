/**
 * The province demo (Wenling plus every other Zhejiang county, ~20M monthly flows), seeded once per invocation
 * (bench/provinceDatabases.ts) and shared by:
 * - BENCH_PROVINCE=1 (issue 5): local supply rates by node of every county, one query each, and of one county,
 *   beside a plain SQL GROUP BY over the same flows on the same backend — on PostgreSQL and on PGlite (a data
 *   folder on disk; seeding stops at a time budget, then the counties seeded by then are measured);
 * - BENCH_COCKPIT_PROVINCE=1 (issue 7): cockpit API p95 of one county (Wenling) of the province demo, warm and
 *   right after a data change (every cache cold), PostgreSQL.
 * Only listed in bench/suites.ts when one of them is set; `npm run bench -- province` runs only this.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CockpitService } from '../src/modules/cockpit/cockpit.service.ts';
import { DEFAULT_DRIVE_MINUTES } from '../src/modules/supply/supply.lsr.ts';
import { sumLocalSupply } from '../src/modules/supply/supply.lsr.repo.ts';
import { periodRange } from '../src/modules/supply/supply.model.ts';
import { measureApi } from './cockpit.ts';
import { PGLITE_BUDGET_MIN, ProvinceDatabases, type SeededProvince } from './provinceDatabases.ts';
import type { BenchRow } from './run.ts';
import type { Benchmark } from './suites.ts';
import { median, plainGroupBy, timeIt } from './supply.ts';

const YEAR = 2025;
const WENLING = '331081';
const RUNS = 3;
const AFTER_CHANGE = 3;
const isLsrOn = process.env.BENCH_PROVINCE === '1';
const isCockpitOn = process.env.BENCH_COCKPIT_PROVINCE === '1';

const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () => `load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

function lsrOfCounty(province: SeededProvince, regionCode: string) {
  return sumLocalSupply(province.database.db, {
    scope: { regionCode, range: periodRange({ year: YEAR }) },
    level: 'node',
    isMonthly: false,
    variants: { regionCode, minutes: DEFAULT_DRIVE_MINUTES },
    withDriveTime: false,
  });
}

/** Counties with flows in the year, found by index probes rather than a scan of every flow. */
async function countiesWithFlows(province: SeededProvince): Promise<string[]> {
  const rows = await province.database.query<{ region_code: string }>(
    `select t.region_code from tenants t where exists (select 1 from trade_flows f where f.region_code = t.region_code and f.period >= $1 and f.period < $2) order by 1`,
    [`${YEAR}-01-01`, `${YEAR + 1}-01-01`],
  );
  return rows.map((r) => r.region_code);
}

async function measureLsr(province: SeededProvince): Promise<BenchRow[]> {
  const { backend, database } = province;
  const flows = await database.query<{ n: string }>(`select count(*) as n from trade_flows where period >= $1 and period < $2`, [`${YEAR}-01-01`, `${YEAR + 1}-01-01`]);
  const regions = await countiesWithFlows(province);
  const partial = province.counties < province.ofCounties ? `; partial: ${province.counties}/${province.ofCounties} counties seeded (${province.stopped ?? 'stopped'})` : '';
  const note = `${Number(flows[0]?.n ?? 0).toLocaleString('en')} flows of ${YEAR}${partial}`;
  log(`  ${backend}: LSR of ${regions.length} counties…`);
  let perCounty: number[] = [];
  const everyCounty = await timeIt(1, async () => {
    perCounty = [];
    for (const regionCode of regions) {
      const t0 = performance.now();
      await lsrOfCounty(province, regionCode);
      perCounty.push(performance.now() - t0);
    }
  });
  const allGroupBy = await timeIt(1, () => plainGroupBy(database, null, YEAR));
  const other = regions.find((r) => r !== WENLING);
  const one = async (regionCode: string): Promise<BenchRow> => ({
    name: `LSR by node, one county (${regionCode}) of the province demo, ${backend}`,
    ours: { label: 'county + same-town, chain scope', ms: await timeIt(RUNS, () => lsrOfCounty(province, regionCode)) },
    peer: { label: 'plain SQL GROUP BY node', ms: await timeIt(RUNS, () => plainGroupBy(database, regionCode, YEAR)) },
    note: `median of ${RUNS}; ${load()}`,
  });
  return [
    {
      name: `LSR by node, every county of the province demo, ${backend}`,
      ours: { label: `${regions.length} counties, one query each`, ms: everyCounty },
      peer: { label: 'plain SQL GROUP BY region, node', ms: allGroupBy },
      note: `${note}; per county median ${median(perCounty).toFixed(0)} ms, max ${Math.max(...perCounty).toFixed(0)} ms; ${load()}`,
    },
    await one(WENLING),
    ...(other ? [await one(other)] : []),
  ];
}

/**
 * The cockpit right after a data change (an import bumps the region's data version): the answer cache and the
 * supply caches keyed by the version (local supply rates, chain map) are all cold. Worst of AFTER_CHANGE runs.
 */
async function afterDataChange(province: SeededProvince, compute: (service: CockpitService) => Promise<unknown>): Promise<number> {
  const service = new CockpitService(province.database.db, { cacheMs: 0 });
  const times: number[] = [];
  for (let i = 0; i < AFTER_CHANGE; i++) {
    await province.database.query(`update supply_data_versions set version = nextval('supply_data_version_seq') where region_code = $1`, [WENLING]);
    const t0 = performance.now();
    await compute(service);
    times.push(performance.now() - t0);
  }
  return Math.max(...times);
}

async function measureCockpit(province: SeededProvince): Promise<BenchRow[]> {
  const rows = await measureApi(province.database, 'PostgreSQL, province demo');
  const warm = rows.map((r) => ({ ...r, note: `one county (Wenling) of the province demo; target < 2 s; ${load()}` }));
  const after = async (what: string, compute: (service: CockpitService) => Promise<unknown>, peer: BenchRow | undefined): Promise<BenchRow> => ({
    name: `cockpit: ${what} after a data change (PostgreSQL, province demo)`,
    ours: { label: `supply caches cold, worst of ${AFTER_CHANGE}`, ms: await afterDataChange(province, compute) },
    peer: peer?.peer ? { label: 'supply caches warm, p95', ms: peer.peer.ms } : undefined,
    note: `first request after an import; target < 2 s; ${load()}`,
  });
  return [
    ...warm,
    await after('county', (service) => service.county(WENLING, 2024), rows[0]),
    await after('pump chain', (service) => service.chain(WENLING, 'pump', 2024), rows[1]),
  ];
}

function seedingRow(postgres: SeededProvince, pglite: SeededProvince | undefined): BenchRow {
  const pgNote = postgres.isReused ? 'PostgreSQL: reused BENCH_PROVINCE_DATABASE_URL, only missing counties seeded' : `PostgreSQL: ${postgres.counties} counties`;
  const ours = { label: postgres.isReused ? 'PostgreSQL, reused database' : 'PostgreSQL', ms: postgres.seedMs };
  if (!pglite) return { name: 'province demo seeding', ours, peer: undefined, note: pgNote };
  const isComplete = pglite.counties === pglite.ofCounties;
  const liteNote = isComplete
    ? `PGlite ${pglite.counties} counties in ${minutes(pglite.seedMs)}, ${pglite.footprint ?? ''}`
    : `PGlite stopped after ${pglite.counties}/${pglite.ofCounties} counties in ${minutes(pglite.seedMs)} (${pglite.stopped ?? 'unknown reason'}), projected ${minutes((pglite.seedMs * pglite.ofCounties) / Math.max(1, pglite.counties))}; ${pglite.footprint ?? ''}`;
  // A reused PostgreSQL database was not seeded here: no ratio against it.
  const peer = isComplete && !postgres.isReused ? { label: 'PGlite on disk, fsync off', ms: pglite.seedMs } : undefined;
  return { name: 'province demo seeding', ours, peer, note: `${pgNote}; ${liteNote}` };
}

function errorRow(name: string, error: unknown): BenchRow {
  const reason = error instanceof Error ? error.message : String(error);
  log(`  ${name} failed: ${reason}`);
  return { name, ours: { label: 'error', ms: Number.NaN }, peer: undefined, note: reason };
}

/** Runs one part; a failure becomes a row naming it instead of losing the rows measured before. */
async function part(name: string, fn: () => Promise<BenchRow[]>): Promise<BenchRow[]> {
  try {
    const rows = await fn();
    for (const r of rows) log(`  row: ${r.name} | ${r.ours.label} ${r.ours.ms.toFixed(1)} ms | ${r.peer ? `${r.peer.label} ${r.peer.ms.toFixed(1)} ms` : '—'} | ${r.note ?? ''}`);
    return rows;
  } catch (error) {
    return [errorRow(name, error)];
  }
}

export const isProvinceBenchOn = isLsrOn || isCockpitOn;

export const provinceBenchmark: Benchmark = {
  name: 'province demo: supply LSR and cockpit API (BENCH_PROVINCE, BENCH_COCKPIT_PROVINCE)',
  async run() {
    const databases = new ProvinceDatabases(log);
    const rows: BenchRow[] = [];
    try {
      log(`  ${load()}`);
      const postgres = await databases.postgres();
      log(`  PostgreSQL seeded in ${minutes(postgres.seedMs)}; ${load()}`);
      if (isLsrOn) rows.push(...(await part('LSR, province demo, PostgreSQL', () => measureLsr(postgres))));
      if (isCockpitOn) rows.push(...(await part('cockpit API, province demo, PostgreSQL', () => measureCockpit(postgres))));
      let pglite: SeededProvince | undefined;
      if (isLsrOn && PGLITE_BUDGET_MIN > 0) {
        try {
          pglite = await databases.pglite();
          log(`  PGlite seeded ${pglite.counties}/${pglite.ofCounties} counties in ${minutes(pglite.seedMs)}; ${load()}`);
        } catch (error) {
          rows.push(errorRow('province demo seeding, PGlite', error));
        }
        const lite = pglite;
        if (lite) rows.push(...(await part('LSR, province demo, PGlite', () => measureLsr(lite))));
      }
      rows.unshift(seedingRow(postgres, pglite));
      return rows;
    } finally {
      await databases.close();
    }
  },
};
