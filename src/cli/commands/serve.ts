import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { type Config, loadConfig } from '../../config.ts';
import { type Db, openDatabase } from '../../db/client.ts';
import { scheduleMaintenance } from '../../db/maintenance.ts';
import { AuthService } from '../../modules/auth/auth.service.ts';
import { generatePassword } from '../../modules/auth/password.ts';
import { seedReferenceData } from '../../db/referenceData.ts';
import { DEFAULT_DEMO_SEED, hasFirms, seedCountyDemo } from '../../modules/demo/demo.service.ts';
import { prestartRowChecker } from '../../modules/imports/checkRows.inWorker.ts';
import { buildApp } from '../../server/app.ts';
import { createProgress } from '../progress.ts';
import { UsageError } from '../runtime.ts';
import { ensureWebBuild } from '../webBuild.ts';

/** How often the embedded database is vacuumed, analyzed and checkpointed while serving. */
const MAINTENANCE_EVERY_MS = 30 * 60 * 1000;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and the API (migrates the database, builds the web app when stale)')
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to bind (default: HOST or 0.0.0.0)')
    .option('--no-web-build', 'do not build the web app even when it is stale')
    .option('--no-demo', 'do not seed the Wenling demo into an empty database')
    .action(async (opts: { port?: string; host?: string; webBuild: boolean; demo: boolean }) => {
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const config = loadConfig(undefined, opts.port === undefined ? {} : { port: parsePort(opts.port) });
      prestartRowChecker(); // the first import's rows then come without waiting for a thread to start
      if (opts.webBuild) await ensureWebBuild(log);
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, fsync: config.pgliteFsync });
      await database.migrate();
      await seedReferenceData(database.db);
      await ensureFirstAdmin(database.db, config, log);
      if (opts.demo && !(await hasFirms(database.db, '331081'))) {
        log('empty database: seeding the Wenling demo (示例数据; skip with --no-demo)…');
        const started = Date.now();
        const summary = await seedCountyDemo(database, { seed: DEFAULT_DEMO_SEED, progress: createProgress(false) });
        log(`demo seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.firms} firms, ${summary.tradeFlows} monthly flows`);
      }
      const app = await buildApp({ config, database });
      const maintenance = database.kind === 'pglite' ? scheduleMaintenance(database, { everyMs: MAINTENANCE_EVERY_MS, log }) : undefined;
      const shutdown = async (signal: string) => {
        log(`${signal}: shutting down`);
        maintenance?.stop();
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      await app.listen({ port: config.port, host: opts.host ?? config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      log(`Cluster Brain ${config.version} on http://localhost:${port} (database: ${database.kind})`);
    });
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a whole number 0–65535');
  return port;
}

/** On an empty user table, creates `admin` with a random password, prints it once and stores it in DATA_DIR. */
async function ensureFirstAdmin(db: Db, config: Config, log: (line: string) => void): Promise<void> {
  const auth = new AuthService(db, { maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes, sessionHours: config.sessionHours });
  if ((await auth.countUsers()) > 0) return;
  const password = generatePassword();
  await auth.addUser({ username: 'admin', password, role: 'admin', regions: ['33'], canSeeSensitive: true, displayName: '系统管理员' });
  const file = join(config.dataDir, 'initial-admin.txt');
  writeFileSync(file, `username: admin\npassword: ${password}\n`, { mode: 0o600 });
  log('────────────────────────────────────────────────────────');
  log(' First start: an administrator account was created.');
  log('   username: admin');
  log(`   password: ${password}`);
  log(` (also saved in ${file}; change it with: npx cluster-brain user passwd --username admin --password …)`);
  log('────────────────────────────────────────────────────────');
}
