/**
 * Local supply rates (METHODS §3) over the trade flows of the county demo (~300k monthly flows), on PGlite and
 * on PostgreSQL, beside a plain SQL GROUP BY over the same flows (node totals and the part with a county USCC —
 * no chain-purchase scope, no towns, no variants): what one pass over the rows costs at least. Also the
 * cached answer, and the chain network (edges + PageRank + Louvain) of the pump chain.
 * The province demo (BENCH_PROVINCE=1) is in bench/province.ts.
 */
import { performance } from 'node:perf_hooks';
import { silentProgress } from '../src/db/backup.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { seedReferenceData } from '../src/db/referenceData.ts';
import { DEFAULT_DEMO_SEED, seedCountyDemo } from '../src/modules/demo/demo.service.ts';
import { sumLocalSupply } from '../src/modules/supply/supply.lsr.repo.ts';
import { DEFAULT_DRIVE_MINUTES, localSupplyRates } from '../src/modules/supply/supply.lsr.ts';
import { periodRange } from '../src/modules/supply/supply.model.ts';
import { chainNetwork } from '../src/modules/supply/supply.network.ts';
import type { BenchRow } from './run.ts';
import type { Benchmark } from './suites.ts';
import { onThrowawayPostgres } from './throwawayPostgres.ts';

const REGION = '331081';
const RUNS = 5;

export function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm the buffer cache and the plan
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The least any local-supply computation must do: one GROUP BY over the year's flows. */
export async function plainGroupBy(database: Database, regionCode: string | null, year: number): Promise<number> {
  const rows = await database.query(
    `select region_code, node_id, sum(amount_wan) as amount, sum(amount_wan) filter (where seller_region_code = region_code) as local
     from trade_flows where ($1::text is null or region_code = $1) and period >= $2 and period < $3 group by region_code, node_id`,
    [regionCode, `${year}-01-01`, `${year + 1}-01-01`],
  );
  return rows.length;
}

async function latestFullYear(database: Database): Promise<{ year: number; flows: number }> {
  const rows = await database.query<{ y: number; n: string }>(
    `select extract(year from period)::int as y, count(*) as n from trade_flows where region_code = $1 group by 1 having count(distinct period) = 12 order by 1 desc limit 1`,
    [REGION],
  );
  const row = rows[0];
  if (!row) throw new Error('the demo has no full year of flows');
  return { year: row.y, flows: Number(row.n) };
}

interface CountyTimes {
  flows: number;
  year: number;
  nodeRates: number;
  chainRates: number;
  cached: number;
  groupBy: number;
  network: number;
}

async function measureCounty(database: Database): Promise<CountyTimes> {
  await database.migrate();
  await seedReferenceData(database.db);
  await seedCountyDemo(database, { seed: DEFAULT_DEMO_SEED, progress: silentProgress });
  const { year, flows } = await latestFullYear(database);
  const scope = { regionCode: REGION, range: periodRange({ year }) };
  const variants = { regionCode: REGION, minutes: DEFAULT_DRIVE_MINUTES };
  const nodeRates = await timeIt(RUNS, () => sumLocalSupply(database.db, { scope, level: 'node', isMonthly: false, variants, withDriveTime: false }));
  const chainRates = await timeIt(RUNS, () => sumLocalSupply(database.db, { scope, level: 'chain', isMonthly: true, variants, withDriveTime: false }));
  const cached = await timeIt(RUNS, () => localSupplyRates(database.db, { regionCode: REGION, level: 'node', period: { year }, filter: {}, minutes: DEFAULT_DRIVE_MINUTES, limit: 500 }));
  const groupBy = await timeIt(RUNS, () => plainGroupBy(database, REGION, year));
  // The network is cached per data version too; each timed run bumps the version first so it is computed again.
  const network = await timeIt(3, async () => {
    await database.query(`update supply_data_versions set version = nextval('supply_data_version_seq') where region_code = $1`, [REGION]);
    return chainNetwork(database.db, { regionCode: REGION, chainId: 'pump', year });
  });
  return { flows, year, nodeRates, chainRates, cached, groupBy, network };
}

function countyRows(backend: string, t: CountyTimes): BenchRow[] {
  const note = `${t.flows.toLocaleString('en')} flows of ${t.year}; median of ${RUNS}`;
  const baseline = { label: 'plain SQL GROUP BY node', ms: t.groupBy };
  return [
    { name: `LSR by node, county demo, ${backend}`, ours: { label: 'county + same-town, chain scope', ms: t.nodeRates }, peer: baseline, note },
    { name: `LSR by chain × month, county demo, ${backend}`, ours: { label: 'county + same-town, chain scope', ms: t.chainRates }, peer: baseline, note },
    { name: `LSR by node, cached answer, ${backend}`, ours: { label: 'same data version', ms: t.cached }, peer: baseline, note },
    { name: `pump chain network (edges, PageRank, Louvain), ${backend}`, ours: { label: 'SQL edges + src/core/graph', ms: t.network }, peer: undefined, note: 'computed once per data version, then cached' },
  ];
}

export const supplyBenchmark: Benchmark = {
  name: 'supply: local supply rates and chain network on the demo',
  async run(): Promise<BenchRow[]> {
    const lite = await openDatabase({ dataDir: 'memory://', fsync: false });
    const onLite = await measureCounty(lite).finally(() => lite.close());
    const onPg = await onThrowawayPostgres('supply_county', measureCounty);
    return [...countyRows('PGlite', onLite), ...countyRows('PostgreSQL', onPg)];
  },
};
