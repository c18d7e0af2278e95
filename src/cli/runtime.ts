import { CommanderError } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { seedReferenceData } from '../db/referenceData.ts';
import { DomainError } from '../shared/errors.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Raised for bad command-line usage that commander cannot see (e.g. a file that does not exist). */
export class UsageError extends Error {}

export interface Runtime {
  config: Config;
  database: Database;
}

/** Opens the configured database, applies migrations and reference data, runs fn, closes. */
export async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, fsync: config.pgliteFsync });
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    return await fn({ config, database });
  } finally {
    await database.close();
  }
}

/** Maps an error to a message on stderr and an exit code: 2 for bad usage or configuration, 1 otherwise. */
export function reportError(error: unknown, isJson: boolean): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  let code = EXIT_FAILURE;
  let payload: Record<string, unknown>;
  if (error instanceof ConfigError) {
    code = EXIT_USAGE;
    payload = { code: 'CONFIG', variable: error.variable, message: error.message };
  } else if (error instanceof UsageError) {
    code = EXIT_USAGE;
    payload = { code: 'USAGE', message: error.message };
  } else if (error instanceof DomainError) {
    if (error.code === 'VALIDATION') code = EXIT_USAGE;
    payload = { code: error.code, message: error.message, ...error.details };
  } else {
    payload = { code: 'FAILURE', message: error instanceof Error ? error.message : String(error) };
  }
  process.stderr.write(isJson ? `${JSON.stringify({ error: payload })}\n` : `error: ${String(payload.message)}\n`);
  return code;
}

export function printResult(isJson: boolean, value: unknown, text: () => string): void {
  process.stdout.write(isJson ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}
