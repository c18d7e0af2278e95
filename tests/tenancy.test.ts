import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_TABLES, SYSTEM_TABLES } from '../src/db/tenancy.ts';
import { openTestDatabase, type TestDatabase, testBackends } from './helpers/db.ts';

interface KeyRow extends Record<string, unknown> {
  table_name: string;
  constraint_name: string;
  kind: string;
  columns: string[] | string;
}

function asArray(value: string[] | string): string[] {
  return Array.isArray(value) ? value : value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}

describe.each(testBackends())('tenancy rule on the live schema (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(backend);
  });
  afterAll(() => db.dispose());

  it('gives every tenant table region_code first in its primary key and in every foreign key', async () => {
    const tables = await db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const keys = await db.query<KeyRow>(
      `select c.conrelid::regclass::text as table_name, c.conname as constraint_name, c.contype::text as kind,
              array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
                      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns
         from pg_constraint c join pg_namespace ns on ns.oid = c.connamespace
        where ns.nspname = 'public' and c.contype in ('p', 'f')`,
    );
    const exempt = new Set<string>([...REFERENCE_TABLES, ...SYSTEM_TABLES]);
    const violations: string[] = [];
    for (const { table_name: table } of tables) {
      if (exempt.has(table)) continue;
      const own = keys.filter((k) => k.table_name === table);
      const pk = own.find((k) => k.kind === 'p');
      if (!pk) violations.push(`${table}: no primary key`);
      else if (asArray(pk.columns)[0] !== 'region_code') violations.push(`${table}: primary key (${asArray(pk.columns).join(', ')}) does not start with region_code`);
      for (const fk of own.filter((k) => k.kind === 'f')) {
        const cols = asArray(fk.columns);
        if (cols[0] !== 'region_code') violations.push(`${table}: foreign key ${fk.constraint_name} (${cols.join(', ')}) does not start with region_code`);
      }
    }
    expect(violations).toEqual([]);
    expect(tables.length).toBeGreaterThan(exempt.size);
  });

  it('lists only tables that exist as reference or system tables', async () => {
    const tables = await db.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public'`);
    const names = new Set(tables.map((t) => t.table_name));
    for (const t of [...REFERENCE_TABLES, ...SYSTEM_TABLES]) expect(names.has(t), `${t} is listed but does not exist`).toBe(true);
  });
});
