import { type Column, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { columnsSetBy } from './unnestInsert.ts';

/**
 * An insert of `rows` as `insert … select * from json_to_recordset($1)`: the whole batch travels as one JSON
 * document. For rows carrying JSON or long text this is about twice as fast as an unnest insert on PGlite,
 * because no value has to be escaped into a PostgreSQL array literal and JSON.stringify is native. The columns
 * are those any row sets; a column a row leaves undefined is null. A statement, so that callers can combine it
 * with others (src/db/oneStatement.ts).
 */
export function jsonInsertStatement<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][]): SQL {
  const columns = columnsSetBy(table, rows);
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  const recordType = sql.raw(columns.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(', '));
  const document = JSON.stringify(rows.map((r) => toJsonRecord(r as Record<string, unknown>, columns)));
  return sql`insert into ${sql.raw(`"${getTableName(table)}"`)} (${names}) select * from json_to_recordset(${jsonParam(document)}::json) as x(${recordType})`;
}

/**
 * A large JSON text as a query parameter: its UTF-8 bytes, sent in binary format, which for `json` is the same
 * text. Node encodes it natively, where PGlite would measure a string character by character in JavaScript
 * (PGLITE_OPTIONS in src/db/client.ts passes bytes through); node-postgres sends a Buffer as it is.
 */
export function jsonParam(text: string): Buffer {
  return Buffer.from(text);
}

function toJsonRecord(row: Record<string, unknown>, columns: [string, Column][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = row[key];
    if (value === undefined || value === null) continue;
    if (column.dataType === 'json') out[column.name] = value;
    else if (value instanceof Date) out[column.name] = value.toISOString();
    else if (typeof value === 'bigint') out[column.name] = value.toString();
    else if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${column.name}: ${value} cannot be stored`);
    else out[column.name] = value;
  }
  return out;
}
