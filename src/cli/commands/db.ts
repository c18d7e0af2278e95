import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { backupDatabase, restoreDatabase } from '../../db/backup.ts';
import { readMigrationStatus } from '../../db/migrations.ts';
import { createProgress } from '../progress.ts';
import { printResult, UsageError, withRuntime } from '../runtime.ts';

export function registerDb(program: Command): void {
  const db = program.command('db').description('database: migrate, status, backup, restore');

  db.command('migrate')
    .description('apply the committed migrations')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const status = await withRuntime(async ({ database }) => ({ backend: database.kind, ...(await readMigrationStatus(database)) }));
      printResult(Boolean(opts.json), status, () => `migrations applied: ${status.applied}/${status.latest} (${status.latestTag}) on ${status.backend}`);
    });

  db.command('status')
    .description('migration level and backend')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const status = await withRuntime(async ({ database }) => ({ backend: database.kind, ...(await readMigrationStatus(database)) }));
      printResult(Boolean(opts.json), status, () => `${status.backend}: ${status.applied}/${status.latest} migrations`);
    });

  db.command('backup')
    .argument('<file>', 'backup file to write (gzip’d JSON lines)')
    .description('write every table to FILE (works on PGlite and PostgreSQL)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { json?: boolean }) => {
      const isJson = Boolean(opts.json);
      const summary = await withRuntime(({ config, database }) => backupDatabase(database, file, config.version, createProgress(isJson)));
      const rows = summary.tables.reduce((a, t) => a + t.rows, 0);
      printResult(isJson, { file, ...summary }, () => `backup written to ${file}: ${summary.tables.length} tables, ${rows} rows`);
    });

  db.command('restore')
    .argument('<file>', 'backup file written by `db backup`')
    .description('replace every table by the backup’s rows, in one transaction')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { json?: boolean }) => {
      if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
      const isJson = Boolean(opts.json);
      const summary = await withRuntime(({ database }) => restoreDatabase(database, file, createProgress(isJson)));
      const rows = summary.tables.reduce((a, t) => a + t.rows, 0);
      printResult(isJson, { file, ...summary }, () => `restored ${summary.tables.length} tables, ${rows} rows from ${file}`);
    });
}
