import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import type { Database, Queryable } from './client.ts';
import { readMigrationStatus } from './migrations.ts';
import { listTables, quoteIdent, type TableInfo } from './tables.ts';

const FORMAT = 'cluster-brain-backup/1';
const BATCH = 2000;

const Header = z.object({ format: z.literal(FORMAT), version: z.string(), migrations: z.number().int(), createdAt: z.string(), tables: z.array(z.string()) });
const TableStart = z.object({ table: z.string(), rows: z.number().int().min(0) });

export interface Progress {
  start(total: number, label: string): void;
  advance(by: number): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, advance() {}, stop() {} };

export interface BackupSummary {
  tables: { table: string; rows: number }[];
  bytes?: number;
}

/**
 * Writes every table as gzip'd JSON lines (one header, then per table a count line and its rows as
 * `row_to_json`). Rows are read in primary-key order with keyset paging, so memory stays bounded and the
 * same database always gives the same file body. Works the same on PGlite and PostgreSQL.
 */
export async function backupDatabase(database: Database, file: string, version: string, progress: Progress = silentProgress): Promise<BackupSummary> {
  const tables = listTables();
  const migration = await readMigrationStatus(database);
  const gzip = createGzip();
  const out = createWriteStream(file);
  const done = pipeline(gzip, out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  await write(JSON.stringify({ format: FORMAT, version, migrations: migration.applied, createdAt: new Date().toISOString(), tables: tables.map((t) => t.name) }));
  // One snapshot for the whole backup: counts and rows come from the same transaction.
  const counts = await database.transaction(async (tx) => {
    if (database.kind === 'postgres') await tx.query('set transaction isolation level repeatable read, read only');
    const rowCounts = await countRows(tx, tables);
    progress.start(rowCounts.reduce((a, c) => a + c.rows, 0), 'backup');
    for (const table of tables) {
      const expected = rowCounts.find((c) => c.table === table.name)?.rows ?? 0;
      await write(JSON.stringify({ table: table.name, rows: expected }));
      const rows = await readTable(tx, table, async (json) => {
        await write(json);
        progress.advance(1);
      });
      if (rows !== expected) throw new Error(`table ${table.name} changed during backup`);
      await write(JSON.stringify({ end: table.name, rows }));
    }
    return rowCounts;
  });
  gzip.end();
  await done;
  progress.stop();
  return { tables: counts };
}

async function countRows(database: Queryable, tables: TableInfo[]): Promise<{ table: string; rows: number }[]> {
  const result: { table: string; rows: number }[] = [];
  for (const t of tables) {
    const rows = await database.query<{ n: string | number }>(`select count(*) as n from ${quoteIdent(t.name)}`);
    result.push({ table: t.name, rows: Number(rows[0]?.n ?? 0) });
  }
  return result;
}

async function readTable(q: Queryable, table: TableInfo, onRow: (json: string) => Promise<void>): Promise<number> {
  const pk = table.primaryKey.map(quoteIdent);
  const tuple = `(${pk.join(', ')})`;
  let last: unknown[] | undefined;
  let total = 0;
  for (;;) {
    const params = last ?? [];
    const where = last ? `where ${tuple} > (${pk.map((_, i) => `$${i + 1}`).join(', ')})` : '';
    const rows = await q.query<{ j: string; k: unknown[] }>(
      `select row_to_json(t)::text as j, json_build_array(${pk.map((c) => `t.${c}`).join(', ')}) as k
         from ${quoteIdent(table.name)} t ${where} order by ${pk.map((c) => `t.${c}`).join(', ')} limit ${BATCH}`,
      params,
    );
    for (const row of rows) await onRow(row.j);
    total += rows.length;
    if (rows.length < BATCH) return total;
    const k = rows.at(-1)?.k;
    last = typeof k === 'string' ? z.array(z.unknown()).parse(JSON.parse(k)) : z.array(z.unknown()).parse(k);
  }
}

/**
 * Replaces every table's rows by the backup's, in one transaction: a bad or truncated file changes nothing.
 * The database must be at the backup's migration level (run `db migrate` first).
 */
export async function restoreDatabase(database: Database, file: string, progress: Progress = silentProgress): Promise<BackupSummary> {
  const tables = listTables();
  const known = new Map(tables.map((t) => [t.name, t]));
  const lines = createInterface({ input: openMaybeGzip(file), crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    const r = await lines.next();
    return r.done ? undefined : r.value;
  };
  const first = await next();
  const header = Header.safeParse(first?.startsWith('{') ? parseJson(first, 1) : undefined);
  if (!header.success) throw new DomainError('BACKUP_INVALID', { field: 'file', reason: 'not a Cluster Brain backup (bad header)' }, 'not a Cluster Brain backup');
  const migration = await readMigrationStatus(database);
  if (header.data.migrations !== migration.applied) {
    throw new DomainError(
      'MIGRATION_MISMATCH',
      { field: 'file', reason: `backup is at migration ${header.data.migrations}, database at ${migration.applied}` },
      `backup is at migration level ${header.data.migrations} but the database is at ${migration.applied}; migrate first`,
    );
  }
  for (const name of header.data.tables) {
    if (!known.has(name)) throw new DomainError('BACKUP_INVALID', { field: 'file', reason: `unknown table ${name}` }, `backup holds unknown table ${name}`);
  }
  const summary: BackupSummary = { tables: [] };
  let lineNo = 1;
  await database.transaction(async (tx) => {
    for (const t of [...tables].reverse()) await tx.query(`delete from ${quoteIdent(t.name)}`);
    progress.start(0, 'restore');
    for (const name of header.data.tables) {
      const table = known.get(name);
      const start = TableStart.safeParse(parseJson(await next(), ++lineNo));
      if (!table || !start.success || start.data.table !== name) {
        throw new DomainError('BACKUP_INVALID', { field: 'file', reason: `line ${lineNo}: expected the start of table ${name}` }, 'backup is damaged');
      }
      let batch: string[] = [];
      let rows = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await tx.query(
          `insert into ${quoteIdent(name)} select * from json_populate_recordset(null::${quoteIdent(name)}, $1::json)`,
          [`[${batch.join(',')}]`],
        );
        progress.advance(batch.length);
        batch = [];
      };
      for (;;) {
        const line = await next();
        lineNo++;
        if (line === undefined) throw new DomainError('BACKUP_INVALID', { field: 'file', reason: `truncated inside table ${name}` }, 'backup is truncated');
        if (line.startsWith('{"end":')) break;
        batch.push(line);
        rows++;
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      if (rows !== start.data.rows) {
        throw new DomainError('BACKUP_INVALID', { field: 'file', reason: `table ${name}: ${rows} rows, header says ${start.data.rows}` }, 'backup is damaged');
      }
      for (const col of table.identityColumns) {
        await tx.query(
          `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quoteIdent(col)}) from ${quoteIdent(name)}), 0) + 1, false)`,
          [name, col],
        );
      }
      summary.tables.push({ table: name, rows });
    }
  });
  progress.stop();
  return summary;
}

function parseJson(line: string | undefined, lineNo: number): unknown {
  if (line === undefined) return undefined;
  try {
    return JSON.parse(line);
  } catch {
    throw new DomainError('BACKUP_INVALID', { field: 'file', reason: `line ${lineNo} is not JSON` }, 'backup is damaged');
  }
}

function openMaybeGzip(file: string): NodeJS.ReadableStream {
  const out = new PassThrough();
  const input = createReadStream(file);
  input.once('error', (err) => out.destroy(err));
  input.once('readable', () => {
    const head: Buffer | null = input.read(2);
    if (head) input.unshift(head);
    const isGzip = head !== null && head[0] === 0x1f && head[1] === 0x8b;
    const source = isGzip ? input.pipe(createGunzip()) : input;
    source.once('error', (err: Error) => out.destroy(new DomainError('BACKUP_INVALID', { field: 'file', reason: `cannot read: ${err.message}` })));
    source.pipe(out);
  });
  return out;
}

/**
 * A digest per table over all rows in primary-key order — equal digests mean equal contents. Columns named in
 * `ignore` (e.g. created_at) are left out, for comparing data written at different times.
 */
export async function digestTables(database: Database, ignore: readonly string[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const minus = ignore.map((c) => ` - '${c.replaceAll("'", "''")}'`).join('');
  for (const t of listTables()) {
    const order = t.primaryKey.map((c) => `t.${quoteIdent(c)}`).join(', ');
    const rows = await database.query<{ d: string | null; n: string | number }>(
      `select md5(coalesce(string_agg((to_jsonb(t)${minus})::text, E'\\n' order by ${order}), '')) as d, count(*) as n from ${quoteIdent(t.name)} t`,
    );
    out[t.name] = `${Number(rows[0]?.n ?? 0)}:${rows[0]?.d ?? ''}`;
  }
  return out;
}
