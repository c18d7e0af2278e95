import { type Column, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { jsonParam } from './jsonInsert.ts';
import { columnsSetBy } from './unnestInsert.ts';

/** JSON text for a json column, stored as it is (spliced into a JSON document or into COPY data). */
export class JsonText {
  constructor(readonly text: string) {}
}

export type BulkValue = string | number | boolean | null | JsonText;

/**
 * Rows for one table, to be inserted as one batch: with COPY … FROM STDIN where the connection offers it
 * (PostgreSQL: the server parses plain text instead of a JSON document, a third less of its time for an
 * import's rows), else as `insert … select from json_to_recordset($1)` (PGlite, which gains nothing from COPY).
 */
export class BulkRows {
  /** `fixed`: columns with one value for every row (sent once in the JSON statement, on every line of COPY). */
  constructor(
    readonly table: string,
    readonly columns: readonly { name: string; type: string }[],
    readonly rows: readonly (readonly BulkValue[])[],
    readonly fixed: readonly { name: string; value: string }[] = [],
  ) {}

  /** `rows` of a Drizzle table; the columns are those any row sets (a column a row leaves undefined is null). */
  static of<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][]): BulkRows {
    const columns = columnsSetBy(table, rows);
    return new BulkRows(
      getTableName(table),
      columns.map(([, c]) => ({ name: c.name, type: c.getSQLType() })),
      rows.map((row) => columns.map(([key, column]) => bulkValueOf((row as Record<string, unknown>)[key], column))),
    );
  }

  /** The insert as one statement over a JSON document (json_to_recordset), for connections without COPY. */
  jsonStatement(): SQL {
    const names = sql.raw([...this.fixed, ...this.columns].map((c) => `"${c.name}"`).join(', '));
    const recordType = sql.raw(this.columns.map((c) => `"${c.name}" ${c.type}`).join(', '));
    const keys = this.columns.map((c) => `${JSON.stringify(c.name)}:`);
    const records = this.rows.map((row) => {
      let record = '';
      for (let i = 0; i < row.length; i++) {
        const value = row[i];
        if (value === null || value === undefined) continue;
        record += `${record === '' ? '{' : ','}${keys[i]}${value instanceof JsonText ? value.text : JSON.stringify(value)}`;
      }
      return record === '' ? '{}' : `${record}}`;
    });
    const fixed = this.fixed.map((c) => sql`${c.value}, `);
    return sql`insert into ${sql.raw(`"${this.table}"`)} (${names}) select ${sql.join(fixed)}x.* from json_to_recordset(${jsonParam(`[${records.join(',')}]`)}::json) as x(${recordType})`;
  }

  /** The COPY statement whose data copyText gives. */
  copyStatement(): string {
    return `copy "${this.table}" (${[...this.fixed, ...this.columns].map((c) => `"${c.name}"`).join(', ')}) from stdin`;
  }

  /** The rows in COPY's text format: tab-separated, \N for null, backslash escapes, one line per row. */
  copyText(): string {
    const prefix = this.fixed.map((c) => `${copyField(c.value)}\t`).join('');
    const lines = this.rows.map((row) => {
      let line = prefix;
      for (let i = 0; i < row.length; i++) line += `${i === 0 ? '' : '\t'}${copyField(row[i] ?? null)}`;
      return line;
    });
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  }
}

const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = new RegExp(SPECIAL.source, 'g');
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function copyField(value: BulkValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = value instanceof JsonText ? value.text : value;
  // most values need no escape: the test is much cheaper than a replace that finds nothing
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPED[c] ?? c) : text;
}

function bulkValueOf(value: unknown, column: Column): BulkValue {
  if (value === undefined || value === null) return null;
  if (column.dataType === 'json') return new JsonText(JSON.stringify(value));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${column.name}: ${value} cannot be stored`);
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  throw new Error(`${column.name}: a ${typeof value} cannot be stored in a ${column.getSQLType()} column`);
}

/** One of a chunk's writes: a statement, or rows to insert in bulk. */
export type ChunkWrite = SQL | BulkRows;

/** A write as one statement (bulk rows as their JSON statement), for a connection without COPY. */
export function statementOf(write: ChunkWrite): SQL {
  return write instanceof BulkRows ? write.jsonStatement() : write;
}

/** COPY … FROM STDIN on the connection of the transaction it was given with (PostgreSQL only). */
export type CopyIn = (statement: string, text: string) => Promise<void>;
