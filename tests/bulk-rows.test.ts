import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkRows, JsonText } from '../src/db/bulkRows.ts';
import { rowsOf } from '../src/modules/supply/supply.rows.ts';
import { openTestDatabase, type TestDatabase, testBackends } from './helpers/db.ts';

// Bulk rows (an import's firms and raw rows) go in with COPY where the connection offers it (PostgreSQL) and as
// one JSON statement otherwise: both must store exactly the same values.
const TEXTS = ['温岭市大浪泵业有限公司', 'tab\there', 'line\nbreak', 'cr\rreturn', 'back\\slash \\N \\.', '"quoted"', '', '🚀 泵', '\\'];

function sample(): BulkRows {
  return new BulkRows(
    'bulk_sample',
    [
      { name: 'n', type: 'integer' },
      { name: 'label', type: 'text' },
      { name: 'flag', type: 'boolean' },
      { name: 'doc', type: 'json' },
    ],
    TEXTS.map((text, i) => [i, text, i % 2 === 0, new JsonText(JSON.stringify({ text, list: [text, null] }))]),
    [{ name: 'tag', value: 'fixed\tvalue' }],
  );
}

const withNulls = () => new BulkRows('bulk_sample', [{ name: 'n', type: 'integer' }, { name: 'label', type: 'text' }, { name: 'flag', type: 'boolean' }, { name: 'doc', type: 'json' }], [[100, null, null, null]], [{ name: 'tag', value: 't' }]);

describe.each(testBackends())('bulk rows (%s)', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await database.exec('create table bulk_sample (tag text, n integer primary key, label text, flag boolean, doc json)');
  });
  afterAll(() => database.dispose());

  const stored = async () => rowsOf(await database.db.execute(sql`select tag, n, label, flag, doc::text as doc from bulk_sample order by n`));
  const expected = [
    ...TEXTS.map((text, i) => ({ tag: 'fixed\tvalue', n: i, label: text, flag: i % 2 === 0, doc: JSON.stringify({ text, list: [text, null] }) })),
    { tag: 't', n: 100, label: null, flag: null, doc: null },
  ];

  it('stores the same values through the JSON statement', async () => {
    await database.exec('truncate bulk_sample');
    await database.db.execute(sample().jsonStatement());
    await database.db.execute(withNulls().jsonStatement());
    expect(await stored()).toEqual(expected);
  });

  it('stores the same values through COPY on the transaction that offers it (PostgreSQL), and rolls back with it', async () => {
    await database.exec('truncate bulk_sample');
    const offered = await database.bulkTransaction(async (tx, copy) => {
      if (!copy) return false;
      await copy(sample().copyStatement(), sample().copyText());
      await copy(withNulls().copyStatement(), withNulls().copyText());
      const [count] = rowsOf(await tx.execute(sql`select count(*)::int as n from bulk_sample`));
      expect(count).toEqual({ n: TEXTS.length + 1 });
      return true;
    });
    expect(offered).toBe(backend === 'postgres');
    if (!offered) return;
    expect(await stored()).toEqual(expected);
    await expect(
      database.bulkTransaction(async (_tx, copy) => {
        const one = new BulkRows('bulk_sample', [{ name: 'n', type: 'integer' }], [[200]], []);
        await copy?.(one.copyStatement(), one.copyText());
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await stored()).toEqual(expected);
  });

  it('reports a COPY that fails, and the connection goes on working', async () => {
    if (backend !== 'postgres') return;
    await database.exec('truncate bulk_sample');
    const duplicate = new BulkRows('bulk_sample', [{ name: 'n', type: 'integer' }], [[1], [1]], []);
    await expect(database.bulkTransaction((_tx, copy) => copy?.(duplicate.copyStatement(), duplicate.copyText()) ?? Promise.resolve())).rejects.toThrow(/duplicate key/);
    const missing = new BulkRows('no_such_table', [{ name: 'n', type: 'integer' }], [[1]], []);
    await expect(database.bulkTransaction((_tx, copy) => copy?.(missing.copyStatement(), missing.copyText()) ?? Promise.resolve())).rejects.toThrow(/no_such_table/);
    await database.bulkTransaction(async (_tx, copy) => copy?.(sample().copyStatement(), sample().copyText()));
    expect(await stored()).toEqual(expected.slice(0, TEXTS.length));
  });
});
