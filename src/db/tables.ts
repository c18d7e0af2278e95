import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { isTable } from 'drizzle-orm';
import * as schema from './schema.ts';

export interface TableInfo {
  name: string;
  primaryKey: string[];
  /** Tables this one references (by name). */
  references: string[];
  identityColumns: string[];
}

/** Every table of the schema, ordered so that a table comes after the tables it references. */
export function listTables(): TableInfo[] {
  const values: unknown[] = Object.values(schema);
  const infos = values.filter((value): value is PgTable => isTable(value)).map(describe);
  return orderByReferences(infos);
}

/**
 * References kept by statement-level triggers instead of foreign keys (drizzle/0011): the parent is checked once
 * per statement rather than once per row, which a 100k-row import pays for 100k times. A restore must still
 * write the parent first.
 */
const CHECKED_BY_TRIGGERS: Readonly<Record<string, readonly string[]>> = { enterprises: ['tenants'], import_rows: ['imports'] };

function describe(table: PgTable): TableInfo {
  const cfg = getTableConfig(table);
  const singlePk = cfg.columns.filter((c) => c.primary).map((c) => c.name);
  const compositePk = cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
  const references = new Set<string>(CHECKED_BY_TRIGGERS[cfg.name] ?? []);
  for (const fk of cfg.foreignKeys) {
    const target = getTableConfig(fk.reference().foreignTable).name;
    if (target !== cfg.name) references.add(target);
  }
  return {
    name: cfg.name,
    primaryKey: compositePk.length > 0 ? compositePk : singlePk,
    references: [...references],
    identityColumns: cfg.columns.filter((c) => c.generatedIdentity !== undefined).map((c) => c.name),
  };
}

function orderByReferences(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name)) return;
    if (path.has(t.name)) throw new Error(`foreign keys form a cycle through ${t.name}`);
    path.add(t.name);
    for (const ref of t.references) {
      const target = byName.get(ref);
      if (target) visit(target, path);
    }
    path.delete(t.name);
    done.add(t.name);
    ordered.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, new Set());
  return ordered;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
