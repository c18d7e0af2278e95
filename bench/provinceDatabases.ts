/**
 * The province demo (Wenling plus every other Zhejiang county, ~20M monthly flows) seeded at most once per bench
 * invocation per backend and analyzed, shared by the province rows of the supply and cockpit benchmarks:
 * - PostgreSQL: a throwaway database of the local server, dropped at the end — or BENCH_PROVINCE_DATABASE_URL, an
 *   existing database kept as it is (seeding then only adds the counties it lacks, so a seeded one is reused);
 * - PGlite: a data folder under .tmp/bench (fsync off), deleted at the end. Seeding stops at a time budget
 *   (BENCH_PROVINCE_PGLITE_BUDGET_MIN, default 30 minutes; 0 leaves PGlite out) or at an error (WASM memory); the
 *   result says how far it got and why it stopped, and the caller measures the counties seeded by then.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { silentProgress } from '../src/db/backup.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { seedReferenceData } from '../src/db/referenceData.ts';
import { DEFAULT_DEMO_SEED, seedProvinceDemo } from '../src/modules/demo/demo.service.ts';
import { createThrowawayPostgres } from './throwawayPostgres.ts';

export type ProvinceBackend = 'PostgreSQL' | 'PGlite';

export interface SeededProvince {
  backend: ProvinceBackend;
  database: Database;
  /** time this invocation spent seeding (near 0 for a reused, already seeded database) */
  seedMs: number;
  /** tenants with firms after seeding, of `ofCounties` in the province list */
  counties: number;
  ofCounties: number;
  /** why seeding stopped before the last county, when it did */
  stopped: string | undefined;
  isReused: boolean;
  /** PGlite: size of the data folder and the process RSS after seeding */
  footprint: string | undefined;
}

const COUNTIES_FILE = new URL('../src/modules/regions/data/zhejiang-33-counties.json', import.meta.url);
const PROVINCE_COUNTIES: number = (JSON.parse(readFileSync(COUNTIES_FILE, 'utf8')) as unknown[]).length;
/** 0 leaves PGlite out (PostgreSQL rows only). */
export const PGLITE_BUDGET_MIN = Number(process.env.BENCH_PROVINCE_PGLITE_BUDGET_MIN ?? '30');
const REUSED_URL = process.env.BENCH_PROVINCE_DATABASE_URL;

class SeedBudgetExceeded extends Error {}

/** Bytes under a folder (the size of a PGlite data folder). */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

async function seededCounties(database: Database): Promise<number> {
  const rows = await database.query<{ n: string }>(`select count(*) as n from tenants t where exists (select 1 from enterprises e where e.region_code = t.region_code)`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Seeds the province demo into `database`; with a budget, stops after the first county that ends past it. An error
 * is kept as the reason rather than thrown when the database still answers (what was committed stays usable).
 */
async function seedProvince(database: Database, log: (line: string) => void, budgetMs: number): Promise<{ seedMs: number; stopped: string | undefined }> {
  await database.migrate();
  await seedReferenceData(database.db);
  const started = performance.now();
  let stopped: string | undefined;
  try {
    await seedProvinceDemo(database, {
      seed: DEFAULT_DEMO_SEED,
      progress: silentProgress,
      log(line) {
        const elapsed = performance.now() - started;
        log(`${line} [${(elapsed / 60_000).toFixed(1)} min]`);
        if (elapsed > budgetMs) throw new SeedBudgetExceeded(`seeding passed its budget of ${budgetMs / 60_000} min`);
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const isAlive = await database.query('select 1').then(
      () => true,
      () => false,
    );
    if (!(error instanceof SeedBudgetExceeded) && !isAlive) throw new Error(`seeding failed and the database no longer answers: ${reason}`);
    stopped = error instanceof SeedBudgetExceeded ? error.message : reason;
  }
  const seedMs = performance.now() - started;
  // seedProvinceDemo analyzes after Wenling only; without autovacuum (PGlite never has it) the planner would see
  // one county's statistics for the whole province. Steady state has fresh statistics, so the bench measures that.
  const analyzeStarted = performance.now();
  await database.exec('analyze');
  log(`analyze in ${((performance.now() - analyzeStarted) / 1000).toFixed(1)} s`);
  return { seedMs, stopped };
}

/** Lazily seeded province databases, one per backend, closed (dropped / deleted) by close(). */
export class ProvinceDatabases {
  private postgresSeeded: Promise<SeededProvince> | undefined;
  private pgliteSeeded: Promise<SeededProvince> | undefined;
  private readonly cleanups: (() => Promise<void>)[] = [];

  constructor(private readonly log: (line: string) => void) {}

  postgres(): Promise<SeededProvince> {
    this.postgresSeeded ??= this.seedPostgres();
    return this.postgresSeeded;
  }

  pglite(): Promise<SeededProvince> {
    this.pgliteSeeded ??= this.seedPglite();
    return this.pgliteSeeded;
  }

  async close(): Promise<void> {
    for (const cleanup of this.cleanups.reverse()) await cleanup().catch((error: unknown) => this.log(`cleanup failed: ${String(error)}`));
  }

  private async seedPostgres(): Promise<SeededProvince> {
    let database: Database;
    if (REUSED_URL) {
      database = await openDatabase({ databaseUrl: REUSED_URL, dataDir: 'memory://', fsync: true });
      this.cleanups.push(() => database.close());
    } else {
      const throwaway = await createThrowawayPostgres('province');
      database = throwaway.database;
      this.cleanups.push(() => throwaway.drop());
    }
    this.log(`seeding the province demo on PostgreSQL${REUSED_URL ? ' (reused database; only missing counties)' : ''}…`);
    const { seedMs, stopped } = await seedProvince(database, (line) => this.log(`  pg ${line}`), Number.POSITIVE_INFINITY);
    if (stopped) throw new Error(`PostgreSQL province seeding stopped: ${stopped}`);
    return { backend: 'PostgreSQL', database, seedMs, counties: await seededCounties(database), ofCounties: PROVINCE_COUNTIES, stopped, isReused: REUSED_URL !== undefined, footprint: undefined };
  }

  private async seedPglite(): Promise<SeededProvince> {
    const dir = join('.tmp', 'bench', `province-pglite-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    this.cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const database = await openDatabase({ dataDir: dir, fsync: false });
    this.cleanups.push(() => database.close());
    this.log(`seeding the province demo on PGlite in ${dir} (budget ${PGLITE_BUDGET_MIN} min)…`);
    const { seedMs, stopped } = await seedProvince(database, (line) => this.log(`  pglite ${line}`), PGLITE_BUDGET_MIN * 60_000);
    const footprint = `data folder ${(folderBytes(dir) / 2 ** 30).toFixed(2)} GiB, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`;
    this.log(`  pglite ${footprint}`);
    return { backend: 'PGlite', database, seedMs, counties: await seededCounties(database), ofCounties: PROVINCE_COUNTIES, stopped, isReused: false, footprint };
  }
}
