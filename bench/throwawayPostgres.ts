import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.ts';

export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs fn on a fresh database of the local PostgreSQL server, dropped afterwards whatever happens. */
export async function onThrowawayPostgres<T>(label: string, fn: (database: Database) => Promise<T>): Promise<T> {
  const probe = new pg.Client({ connectionString: PG_URL });
  await probe.connect();
  const name = `cb_bench_${label}_${process.pid}`;
  await probe.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  try {
    const server = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://', fsync: true });
    try {
      return await fn(server);
    } finally {
      await server.close();
    }
  } finally {
    await probe.query(`drop database if exists ${name} with (force)`);
    await probe.end();
  }
}
