import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, digestTables, restoreDatabase } from '../src/db/backup.ts';
import { listTables } from '../src/db/tables.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { openTestDatabase, type TestDatabase, testBackends } from './helpers/db.ts';
import { TMP_DIR } from './helpers/paths.ts';

describe.each(testBackends())('db backup and restore (%s)', (backend) => {
  let source: TestApp;
  let target: TestDatabase;
  const file = join(TMP_DIR, `backup-${backend}-${process.pid}.jsonl.gz`);

  beforeAll(async () => {
    source = await createTestApp(backend);
    // Rows in users, scopes, sessions, audit log (identity column), enterprises, metrics with tricky values.
    const admin = await source.signIn({ username: 'boss', role: 'admin', canSeeSensitive: true });
    await admin.request('POST', '/api/r/331081/enterprises', { id: 'e1', name: '台州示例泵业有限公司', scale: 'above', foundedYear: 1998 });
    await admin.request('POST', '/api/r/331081/enterprises', { id: 'e2', name: "O'Brien \"引号\" 公司\n换行", uscc: '91350100M000100Y43' });
    await source.database.query(
      `insert into enterprise_metrics (region_code, enterprise_id, year, revenue_wan, tax_wan, land_mu, employees, is_synthetic)
       values ('331081','e1',2024, 12345678.91, 0.01, 33.33, 120, true), ('331081','e1',2023, null, -5.5, 0, 0, false)`,
    );
    target = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await source.close();
    await target.dispose();
  });

  it('round-trips every table exactly into a fresh database', async () => {
    const summary = await backupDatabase(source.database, file, 'test');
    expect(summary.tables.map((t) => t.table)).toEqual(listTables().map((t) => t.name));
    await restoreDatabase(target, file);
    expect(await digestTables(target)).toEqual(await digestTables(source.database));
    const audit = await target.query<{ n: number | string }>('select count(*) as n from audit_log');
    expect(Number(audit[0]?.n)).toBeGreaterThan(0);
  });

  it('continues identity sequences after a restore', async () => {
    await target.query(`insert into audit_log (action) values ('after-restore')`);
    const rows = await target.query<{ n: number | string }>(`select count(distinct id) as n from audit_log`);
    const all = await target.query<{ n: number | string }>(`select count(*) as n from audit_log`);
    expect(Number(rows[0]?.n)).toBe(Number(all[0]?.n));
  });

  it('changes nothing when the file is truncated or not a backup', async () => {
    const before = await digestTables(target);
    const truncated = join(TMP_DIR, `truncated-${backend}-${process.pid}.jsonl.gz`);
    const header = JSON.stringify({ format: 'cluster-brain-backup/1', version: 't', migrations: 999, createdAt: 'x', tables: [] });
    writeFileSync(truncated, gzipSync(`${header}\n`));
    await expect(restoreDatabase(target, truncated)).rejects.toThrow(/migration/);
    const garbage = join(TMP_DIR, `garbage-${backend}-${process.pid}.txt`);
    writeFileSync(garbage, 'hello\n');
    await expect(restoreDatabase(target, garbage)).rejects.toThrow(/not a Cluster Brain backup/);
    expect(await digestTables(target)).toEqual(before);
  });
});
