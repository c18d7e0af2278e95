import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openDatabase, PGLITE_OPTIONS } from '../../src/db/client.ts';
import { seedReferenceData } from '../../src/db/referenceData.ts';
import { TEMPLATE_FILE } from './paths.ts';

export type BackendName = 'pglite' | 'postgres';

/** The backends database tests run on: PGlite always; PostgreSQL when TEST_DATABASE_URL is set (CI sets it). */
export function testBackends(): BackendName[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends Database {
  /** Closes the handle and, on PostgreSQL, drops the throw-away database. */
  dispose(): Promise<void>;
  /** A connection string for child processes (CLI tests); undefined on PGlite. */
  url: string | undefined;
}

/**
 * A fresh, migrated database with the reference regions and the 温岭 tenant.
 * PGlite: a copy of the template built in globalSetup. PostgreSQL: a new database on the server, dropped after.
 */
export async function openTestDatabase(backend: BackendName, options: { isMigrated?: boolean } = {}): Promise<TestDatabase> {
  const isMigrated = options.isMigrated ?? true;
  if (backend === 'pglite') {
    const lite = isMigrated
      ? await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: new Blob([readFileSync(TEMPLATE_FILE)]) })
      : await PGlite.create(PGLITE_OPTIONS);
    const database = await openDatabase({ dataDir: 'memory://', fsync: false, pglite: lite });
    return { ...database, url: undefined, dispose: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `cb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const database = await openDatabase({ databaseUrl: url, dataDir: 'memory://', fsync: true });
  if (isMigrated) {
    await database.migrate();
    await seedReferenceData(database.db);
  }
  return {
    ...database,
    url,
    async dispose() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
