import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.ts';

export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ThrowawayPostgres {
  database: Database;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** A fresh database on the local PostgreSQL server; the caller drops it (see onThrowawayPostgres for a scoped one). */
export async function createThrowawayPostgres(label: string): Promise<ThrowawayPostgres> {
  const probe = new pg.Client({ connectionString: PG_URL });
  await probe.connect();
  const name = `cb_bench_${label}_${process.pid}`;
  const dropDatabase = async () => {
    try {
      await probe.query(`drop database if exists ${name} with (force)`);
    } finally {
      await probe.end();
    }
  };
  await probe.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://', fsync: true });
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  return {
    database,
    async drop() {
      try {
        await database.close();
      } finally {
        await dropDatabase();
      }
    },
  };
}

/** Runs fn on a fresh database of the local PostgreSQL server, dropped afterwards whatever happens. */
export async function onThrowawayPostgres<T>(label: string, fn: (database: Database) => Promise<T>): Promise<T> {
  const throwaway = await createThrowawayPostgres(label);
  try {
    return await fn(throwaway.database);
  } finally {
    await throwaway.drop();
  }
}
