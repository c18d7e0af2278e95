// Import of a 100k-row .xlsx (enterprises): our streaming import (read, validate, match, apply, keep every raw
// row and provenance) against exceljs loading the same workbook into memory without doing anything with it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { composeUscc } from '../src/core/uscc/uscc.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { seedReferenceData } from '../src/db/referenceData.ts';
import { COLUMNS } from '../src/modules/imports/imports.model.ts';
import { runImport } from '../src/modules/imports/imports.service.ts';
import type { BenchRow } from './run.ts';
import type { Benchmark } from './suites.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TOWNS = ['泽国镇', '大溪镇', '松门镇', '箬横镇', '新河镇', '石塘镇', '滨海镇', '温峤镇', '城南镇', '坞根镇'];

async function writeWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow(COLUMNS.enterprises.map((c) => c.header)).commit();
  sheet.addRow(COLUMNS.enterprises.map((c) => c.note)).commit();
  for (let i = 1; i <= ROWS; i++) {
    const uscc = composeUscc('91', '331081', `MB${String(i).padStart(7, '0')}`);
    sheet.addRow([uscc, `基准测试企业${i}有限公司`, TOWNS[i % TOWNS.length], i % 7 === 0 ? '规上' : '规下', i % 97 === 0 ? '是' : '否', 1985 + (i % 40), `温岭市测试路${i}号`]).commit();
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

async function importInto(database: Database, path: string): Promise<{ ms: number; peakMb: number }> {
  await database.migrate();
  await seedReferenceData(database.db);
  return measure(async () => {
    const summary = await runImport(database, { regionCode: '331081', kind: 'enterprises', mode: 'apply', path, fileName: 'bench.xlsx', byUser: 'bench' });
    if (summary.status !== 'applied' || summary.outcomes.inserted !== ROWS) throw new Error(`import ended ${summary.status}: ${JSON.stringify(summary.outcomes)}`);
  });
}

const rate = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s`;

export const importBenchmark: Benchmark = {
  name: `import: ${ROWS / 1000}k-row .xlsx`,
  async run(): Promise<BenchRow[]> {
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
        note: `ours ${rate(ours.ms)}, peak RSS +${ours.peakMb.toFixed(0)} MB; exceljs in-memory load ${rate(peer.ms)}, peak RSS +${peer.peakMb.toFixed(0)} MB; target ≥ 20,000 rows/s`,
      });
    } catch (error) {
      rows.push({ name: 'import → PostgreSQL', ours: { label: 'skipped', ms: Number.NaN }, peer: undefined, note: `no PostgreSQL at ${PG_URL}: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      await probe.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await probe.end().catch(() => undefined);
    }
    global.gc?.();
    const lite = await openDatabase({ dataDir: 'memory://', fsync: false, pglite: await PGlite.create({ extensions: { pg_trgm } }) });
    const embedded = await importInto(lite, path);
    await lite.close();
    rows.push({
      name: `import ${ROWS / 1000}k-row .xlsx → PGlite (same work)`,
      ours: { label: 'streaming import', ms: embedded.ms },
      peer: { label: 'exceljs load only', ms: peer.ms },
      note: `ours ${rate(embedded.ms)}, peak RSS +${embedded.peakMb.toFixed(0)} MB (PGlite runs in this process)`,
    });
    return rows;
  },
};
