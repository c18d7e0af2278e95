// Import of a 100k-row .xlsx (enterprises; one row in ten without USCC, matched by name): our streaming import (read, validate, match, apply, keep every raw
// row and provenance) against exceljs loading the same workbook into memory without doing anything with it.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { Rng } from '../src/core/random/seeded.ts';
import { composeUscc } from '../src/core/uscc/uscc.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { seedReferenceData } from '../src/db/referenceData.ts';
import { COLUMNS } from '../src/modules/imports/imports.model.ts';
import { runImport } from '../src/modules/imports/imports.service.ts';
import { prestartRowChecker } from '../src/modules/imports/checkRows.inWorker.ts';
import { synthesizeFirmName } from '../src/modules/demo/names.ts';
import type { BenchRow } from './run.ts';
import { commonCharacters } from '../src/core/names/commonCharacters.ts';
import type { Benchmark } from './suites.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TOWNS = ['泽国镇', '大溪镇', '松门镇', '箬横镇', '新河镇', '石塘镇', '滨海镇', '温峤镇', '城南镇', '坞根镇'];

/** Every this many rows, one has no USCC and is matched by entity resolution (METHODS §2) instead. */
const WITHOUT_USCC_EVERY = 10;
const CHAINS = ['pump', 'machine-tool', 'auto-moto', 'shoes', 'default'];

/**
 * n distinct firm names of the demo's shape, with the two trade-name characters drawn from the 3,755 common
 * characters (the demo's own pools are sized for 8k firms; at 100k nearly every name would be a near-duplicate).
 */
function firmNames(n: number): string[] {
  const common = commonCharacters();
  const rng = new Rng(20261128);
  const names = new Set<string>();
  while (names.size < n) names.add(synthesizeFirmName(rng, rng.pick(CHAINS), '温岭市').replace(/^温岭市../, `温岭市${rng.pick(common)}${rng.pick(common)}`));
  return [...names];
}

async function writeWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow(COLUMNS.enterprises.map((c) => c.header)).commit();
  sheet.addRow(COLUMNS.enterprises.map((c) => c.note)).commit();
  const names = firmNames(ROWS);
  for (let i = 1; i <= ROWS; i++) {
    const uscc = i % WITHOUT_USCC_EVERY === 0 ? '' : composeUscc('91', '331081', `MB${String(i).padStart(7, '0')}`);
    sheet.addRow([uscc, names[i - 1], TOWNS[i % TOWNS.length], i % 7 === 0 ? '规上' : '规下', i % 97 === 0 ? '是' : '否', 1985 + (i % 40), `温岭市${TOWNS[i % TOWNS.length]}测试路${i}号`]).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Runs fn while sampling the resident set every 20 ms; returns the time and the peak RSS growth. */
async function measure(fn: () => Promise<unknown>): Promise<{ ms: number; peakMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: performance.now() - t0, peakMb: (peak - base) / 1024 / 1024 };
}

async function importInto(database: Database, path: string): Promise<{ ms: number; peakMb: number; outcomes: Record<string, number> }> {
  let outcomes: Record<string, number> = {};
  await database.migrate();
  await seedReferenceData(database.db);
  const timing = await measure(async () => {
    const summary = await runImport(database, { regionCode: '331081', kind: 'enterprises', mode: 'apply', path, fileName: 'bench.xlsx', byUser: 'bench' });
    // rows without a USCC that resemble an earlier firm closely enough are held for review, not inserted
    if (summary.status !== 'applied' || (summary.outcomes.inserted ?? 0) + (summary.outcomes.review ?? 0) !== ROWS) throw new Error(`import ended ${summary.status}: ${JSON.stringify(summary.outcomes)}`);
    outcomes = summary.outcomes;
  });
  return { ...timing, outcomes };
}

/** "10,000 of them without USCC: 9,876 new, 124 held for review" */
function resolutionNote(outcomes: Record<string, number>): string {
  const without = Math.floor(ROWS / WITHOUT_USCC_EVERY);
  return `${without.toLocaleString('en')} rows without USCC resolved by name (${(outcomes.review ?? 0).toLocaleString('en')} held for review)`;
}

const rate = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s`;

export const importBenchmark: Benchmark = {
  name: `import: ${ROWS / 1000}k-row .xlsx`,
  async run(): Promise<BenchRow[]> {
    prestartRowChecker(); // as `serve` and `import` do at start (checkRows.inWorker.ts)
    const dir = join(process.cwd(), '.tmp', 'bench');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `import-${ROWS}.xlsx`);
    await writeWorkbook(path);
    global.gc?.();
    const peer = await measure(async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      if ((book.worksheets[0]?.rowCount ?? 0) < ROWS) throw new Error('exceljs read too few rows');
    });
    global.gc?.();
    const rows: BenchRow[] = [];
    const probe = new pg.Client({ connectionString: PG_URL });
    const name = `cb_bench_import_${process.pid}`;
    try {
      await probe.connect();
      await probe.query(`create database ${name}`);
      const url = new URL(PG_URL);
      url.pathname = `/${name}`;
      const server = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://', fsync: true });
      const ours = await importInto(server, path);
      await server.close();
      rows.push({
        name: `import ${ROWS / 1000}k-row .xlsx → PostgreSQL (validate, match, apply, raw rows, provenance)`,
        ours: { label: 'streaming import', ms: ours.ms },
        peer: { label: 'exceljs load only', ms: peer.ms },
        note: `ours ${rate(ours.ms)} (row-checking thread started ahead, as serve and import do), peak RSS +${ours.peakMb.toFixed(0)} MB, ${resolutionNote(ours.outcomes)}; exceljs in-memory load ${rate(peer.ms)}, peak RSS +${peer.peakMb.toFixed(0)} MB; target ≥ 20,000 rows/s`,
      });
    } catch (error) {
      rows.push({ name: 'import → PostgreSQL', ours: { label: 'skipped', ms: Number.NaN }, peer: undefined, note: `no PostgreSQL at ${PG_URL}: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      await probe.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await probe.end().catch(() => undefined);
    }
    global.gc?.();
    // On disk with fsync, as `npm start` runs it (an in-memory PGlite pays for growing its memory files instead).
    const liteDir = join(dir, `pglite-${process.pid}`);
    const lite = await openDatabase({ dataDir: liteDir, fsync: true });
    const embedded = await importInto(lite, path).finally(() => lite.close());
    rmSync(liteDir, { recursive: true, force: true });
    rows.push({
      name: `import ${ROWS / 1000}k-row .xlsx → PGlite (same work)`,
      ours: { label: 'streaming import', ms: embedded.ms },
      peer: { label: 'exceljs load only', ms: peer.ms },
      note: `ours ${rate(embedded.ms)}, peak RSS +${embedded.peakMb.toFixed(0)} MB (PGlite on disk with fsync, in this process), ${resolutionNote(embedded.outcomes)}`,
    });
    return rows;
  },
};
