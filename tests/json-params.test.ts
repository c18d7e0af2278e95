import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonParam } from '../src/db/jsonInsert.ts';
import { rowsOf } from '../src/modules/supply/supply.rows.ts';
import { openTestDatabase, type TestDatabase, testBackends } from './helpers/db.ts';

// Large JSON documents go to the database as UTF-8 bytes (jsonParam; PGLITE_OPTIONS in src/db/client.ts).
describe.each(testBackends())('json parameters (%s)', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.dispose());

  it('reads a document given as bytes exactly as the same text, Chinese and escapes included', async () => {
    const rows = [{ name: '温岭市大浪泵业有限公司', note: 'a "quoted" \\ line\nbreak 🚀' }, { name: 'ABC（泽国）', note: null }];
    const result = await database.db.execute(sql`select x.name, x.note from json_to_recordset(${jsonParam(JSON.stringify(rows))}::json) as x(name text, note text)`);
    expect(rowsOf(result)).toEqual(rows);
  });

  it('refuses a document that is not JSON, as for text', async () => {
    await expect(database.db.execute(sql`select ${jsonParam('{"name": 温岭}')}::json`)).rejects.toThrow();
  });

  it('still takes json as text, objects and arrays of json', async () => {
    const result = await database.db.execute(sql`select ${'{"a":1}'}::json ->> 'a' as text, (${sql.param([{ b: '泵' }, { b: '鞋' }])}::json[])[2] ->> 'b' as element`);
    expect(rowsOf(result)).toEqual([{ text: '1', element: '鞋' }]);
  });
});
