import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, PGLITE_OPTIONS } from '../../src/db/client.ts';
import { seedReferenceData } from '../../src/db/referenceData.ts';
import { TEMPLATE_FILE, TMP_DIR } from './paths.ts';

/**
 * Once per `vitest run`: builds a migrated PGlite data folder as a tarball that every test clones (creating
 * a PGlite database costs seconds, loading a tarball a fraction), and checks that the PostgreSQL server
 * named by TEST_DATABASE_URL answers — a run that was asked to test PostgreSQL fails if it cannot.
 */
export default async function setup(): Promise<void> {
  mkdirSync(TMP_DIR, { recursive: true });
  const lite = await PGlite.create(PGLITE_OPTIONS);
  const database = await openDatabase({ dataDir: 'memory://', fsync: false, pglite: lite });
  await database.migrate();
  await seedReferenceData(database.db);
  const tarball = await lite.dumpDataDir('gzip');
  writeFileSync(TEMPLATE_FILE, Buffer.from(await tarball.arrayBuffer()));
  await lite.close();

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('select 1');
    } catch (error) {
      throw new Error(`TEST_DATABASE_URL is set but PostgreSQL cannot be reached at ${url}: ${String(error)}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  writeFileSync(join(TMP_DIR, 'ready'), new Date().toISOString());
}
