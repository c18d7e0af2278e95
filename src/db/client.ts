import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { CopyIn } from './bulkRows.ts';
import * as schema from './schema.ts';
import { acquireDirLock, type DirLock } from './dirLock.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Queryable {
  query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

/** One handle for both backends: Drizzle for typed queries, `query` for raw SQL with parameters. */
export interface Database {
  readonly kind: DbKind;
  readonly db: Db;
  query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs several statements (no parameters), e.g. a migration file or a backup's DDL. */
  exec(sql: string): Promise<void>;
  /** Runs fn on one connection inside BEGIN … COMMIT; any throw rolls everything back. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * A Drizzle transaction (as `db.transaction`) that also offers COPY … FROM STDIN on its connection where the
   * backend has it (PostgreSQL; `copy` is undefined on PGlite): bulk writes such as an import's rows.
   */
  bulkTransaction<T>(fn: (tx: Db, copy: CopyIn | undefined) => Promise<T>): Promise<T>;
  /** Applies the committed migrations in ./drizzle that are not yet applied. */
  migrate(): Promise<void>;
  /**
   * Housekeeping the server does on its own where PostgreSQL has background workers for it: on PGlite (no
   * autovacuum, no checkpointer) VACUUM (ANALYZE) reclaims dead rows and refreshes planner statistics, and a
   * CHECKPOINT lets the write-ahead log shrink back to max_wal_size. A no-op on PostgreSQL.
   */
  maintain(): Promise<void>;
  /** Lets PGlite's write-ahead log shrink back to max_wal_size (it never checkpoints on its own); a no-op on PostgreSQL. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Directory of the PGlite data folder; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** PGlite only: fsync on every commit. Off is only acceptable for throw-away test copies. */
  fsync: boolean;
  /** A PGlite instance to use as-is (tests clone a migrated template). */
  pglite?: PGlite;
}

// PGlite runs PostgreSQL in single-user mode: nothing checkpoints on its own, so the write-ahead log grows with
// every write (17.8 GiB after seeding the province demo) until a CHECKPOINT, which trims it to max_wal_size.
// A small max_wal_size keeps the data folder near the size of the data; `maintain()` checkpoints.
const PGLITE_WAL_PARAMS = ['-c', 'max_wal_size=128MB', '-c', 'min_wal_size=32MB'];
// PGlite's defaults start Postgres with -F (fsync off); user data gets fsync unless the caller opts out.
const PGLITE_FSYNC_OFF_PARAMS = [...PGlite.defaultStartParams, ...PGLITE_WAL_PARAMS];
const PGLITE_FSYNC_ON_PARAMS = PGLITE_FSYNC_OFF_PARAMS.filter((p) => p !== '-F');

// PGlite measures each text parameter's UTF-8 length with a JavaScript loop over its characters before copying it
// into the wire message: an import's chunk sends megabytes of JSON (a second of a 100k-row import). A json
// parameter given as bytes (jsonParam in src/db/jsonInsert.ts) is passed through here and copied as it is, in
// binary format, which for json is the same UTF-8 text (json_recv); Node encodes it natively. Anything else goes
// to PGlite's own json serializer (json[] elements too, whose serializer calls this one).
const pgliteJson = pgliteTypes.serializers[pgliteTypes.JSON];
const PGLITE_SERIALIZERS = {
  [pgliteTypes.JSON]: (value: unknown): string => (value instanceof Uint8Array ? (value as unknown as string) : (pgliteJson?.(value) ?? JSON.stringify(value))),
};

/** What every PGlite of the project is created with (the test helpers' too): pg_trgm and the serializers above. */
export const PGLITE_OPTIONS = { extensions: { pg_trgm }, serializers: PGLITE_SERIALIZERS };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (restart, admin command) must not crash the process; the pool
  // replaces it on the next query.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`));
  // A bad URL or an unreachable server fails here, at start, not at the first request.
  const client = await pool.connect();
  client.release();
  const pgDb = drizzlePg(pool, { schema });
  const db: Db = pgDb;
  return {
    kind: 'postgres',
    db,
    async query(sql, params = []) {
      const result = await pool.query(sql, params);
      return result.rows;
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const conn = await pool.connect();
      try {
        await conn.query('begin');
        const result = await fn({ query: async (sql, params = []) => (await conn.query(sql, params)).rows });
        await conn.query('commit');
        return result;
      } catch (error) {
        await conn.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        conn.release();
      }
    },
    async bulkTransaction(fn) {
      const conn = await pool.connect();
      let failed = false;
      try {
        // Drizzle over this one connection: its transaction runs there, and so does COPY.
        return await drizzlePg(conn, { schema }).transaction((tx) => fn(tx, (statement, text) => copyInto(conn, statement, text)));
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        conn.release(failed); // a connection whose COPY failed half-way is not reused
      }
    },
    migrate: () => migratePg(pgDb, { migrationsFolder: MIGRATIONS_FOLDER }),
    // autovacuum and the checkpointer do this on a server
    async maintain() {},
    async checkpoint() {},
    close: () => pool.end(),
  };
}

/**
 * COPY … FROM STDIN with the data written right behind the command, as one node-postgres query: the server
 * reads the data once it has started the COPY (and, should the command fail, ignores it, as the protocol
 * says). Waiting for CopyInResponse first would need the event loop between command and data, which an
 * import's main thread, busy matching the next chunk, gives only now and then.
 */
class CopyInQuery implements pg.Submittable {
  private error: Error | undefined;
  private settled = false;

  constructor(
    private readonly statement: string,
    private readonly data: Buffer,
    private readonly done: (error: Error | undefined) => void,
  ) {}

  submit(connection: pg.Connection): void {
    connection.query(this.statement);
    const header = Buffer.alloc(5);
    header.write('d', 0, 'latin1'); // CopyData
    header.writeUInt32BE(this.data.length + 4, 1);
    connection.stream.write(header);
    connection.stream.write(this.data);
    connection.stream.write(COPY_DONE);
  }

  handleCopyInResponse(): void {} // the data is on its way already
  handleCommandComplete(): void {}

  handleError(error: Error): void {
    this.error ??= error;
    this.settle(); // node-postgres gives the connection's ReadyForQuery after an error to no query
  }

  handleReadyForQuery(): void {
    this.settle();
  }

  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    this.done(this.error);
  }
}

const COPY_DONE = Buffer.from([0x63, 0, 0, 0, 4]); // 'c', length 4

/** Sends `text` (COPY text format) through `statement` (COPY … FROM STDIN) on `conn`. */
function copyInto(conn: pg.PoolClient, statement: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    conn.query(new CopyInQuery(statement, Buffer.from(text), (error) => (error ? reject(error) : resolve())));
  });
}

async function openPglite(options: OpenOptions): Promise<Database> {
  let lock: DirLock | undefined;
  let client = options.pglite;
  if (!client) {
    const isMemory = options.dataDir.startsWith('memory://');
    let dataDir = options.dataDir;
    if (!isMemory) {
      mkdirSync(options.dataDir, { recursive: true });
      lock = acquireDirLock(options.dataDir);
      dataDir = join(options.dataDir, 'pgdata');
    }
    try {
      client = await PGlite.create({
        ...PGLITE_OPTIONS,
        dataDir,
        startParams: options.fsync ? PGLITE_FSYNC_ON_PARAMS : PGLITE_FSYNC_OFF_PARAMS,
      });
    } catch (error) {
      lock?.release();
      throw error;
    }
  }
  const pglite = client;
  const liteDb = drizzlePglite(pglite, { schema });
  const db: Db = liteDb;
  return {
    kind: 'pglite',
    db,
    async query(sql, params = []) {
      const result = await pglite.query(sql, params);
      return result.rows as never;
    },
    async exec(sql) {
      await pglite.exec(sql);
    },
    transaction: (fn) =>
      pglite.transaction((tx) => fn({ query: async (sql, params = []) => (await tx.query(sql, params)).rows as never })),
    bulkTransaction: (fn) => liteDb.transaction((tx) => fn(tx, undefined)),
    migrate: () => migratePglite(liteDb, { migrationsFolder: MIGRATIONS_FOLDER }),
    async maintain() {
      await pglite.exec('vacuum (analyze)');
      await pglite.exec('checkpoint');
    },
    async checkpoint() {
      await pglite.exec('checkpoint');
    },
    async close() {
      try {
        // a short process (a CLI command) leaves no more write-ahead log behind than max_wal_size
        if (!pglite.closed) await pglite.exec('checkpoint').catch(() => undefined);
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}
