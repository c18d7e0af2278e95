import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/client.ts';
import { scheduleMaintenance } from '../src/db/maintenance.ts';
import { TMP_DIR } from './helpers/paths.ts';

/** The LSN as a number of bytes ('16/B374D848' → 0x16B374D848). */
const lsnBytes = (lsn: string) => {
  const [hi = '0', lo = '0'] = lsn.split('/');
  return Number.parseInt(hi, 16) * 2 ** 32 + Number.parseInt(lo, 16);
};

describe('embedded database housekeeping (PGlite on disk)', () => {
  let dir: string;
  let database: Database;
  const one = async <R extends Record<string, unknown>>(sql: string) => (await database.query<R>(sql))[0] as R;

  beforeAll(async () => {
    mkdirSync(TMP_DIR, { recursive: true });
    dir = mkdtempSync(join(TMP_DIR, 'maintenance-'));
    database = await openDatabase({ dataDir: dir, fsync: false });
    await database.exec('create table t (id int primary key, s text); insert into t select g, repeat(\'x\', 100) from generate_series(1, 20000) g;');
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('bounds the write-ahead log: PGlite starts with a small max_wal_size', async () => {
    expect(await one<{ max_wal_size: string }>('show max_wal_size')).toEqual({ max_wal_size: '128MB' });
  });

  it('maintain() checkpoints (the redo point moves up to the latest write) and vacuums dead rows away', async () => {
    await database.exec("update t set s = repeat('y', 100)");
    const written = lsnBytes((await one<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn')).lsn);
    const redoBefore = lsnBytes((await one<{ redo: string }>('select redo_lsn::text as redo from pg_control_checkpoint()')).redo);
    expect(redoBefore).toBeLessThan(written);
    const pagesBefore = Number((await one<{ pages: number }>("select pg_relation_size('t') / 8192 as pages")).pages);
    await database.maintain();
    const redoAfter = lsnBytes((await one<{ redo: string }>('select redo_lsn::text as redo from pg_control_checkpoint()')).redo);
    expect(redoAfter).toBeGreaterThanOrEqual(written);
    // the 20,000 dead versions are free space now: a second full update fits without growing the table
    await database.exec("update t set s = repeat('z', 100)");
    expect(Number((await one<{ pages: number }>("select pg_relation_size('t') / 8192 as pages")).pages)).toBeLessThanOrEqual(pagesBefore);
    expect(await one<{ n: number }>("select count(*)::int as n from t where s like 'z%'")).toEqual({ n: 20000 });
  });

  it('scheduleMaintenance runs maintain() on its timer and stops', async () => {
    const lines: string[] = [];
    const maintenance = scheduleMaintenance(database, { everyMs: 20, log: (line) => lines.push(line) });
    await expect.poll(() => lines.length, { timeout: 10_000 }).toBeGreaterThan(0);
    maintenance.stop();
    expect(lines[0]).toMatch(/^database maintenance \(vacuum, analyze, checkpoint\) in \d+ ms$/);
  });
});
