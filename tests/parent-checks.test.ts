import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testBackends } from './helpers/db.ts';

// enterprises → tenants and import_rows → imports are kept by statement-level triggers instead of foreign keys
// (drizzle/0011): the same guarantees, checked once per statement rather than once per row.
const REGION = '331081';
const FK_VIOLATION = '23503';

/** The SQLSTATE of what `fn` threw, from the driver's error or the error it wraps. */
async function sqlStateOf(fn: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await fn();
  } catch (error) {
    const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
    return { code: e.code ?? e.cause?.code ?? '', message: e.cause?.message ?? e.message ?? '' };
  }
  throw new Error('expected the statement to fail');
}

describe.each(testBackends())('parents checked per statement (%s)', (backend) => {
  let database: TestDatabase;
  const count = async (sql: string, params: unknown[] = []) => Number((await database.query<{ n: string }>(sql, params))[0]?.n);
  const addImport = (id: string) => database.query(`insert into imports (region_code, id, kind, file_name, sha256, status, by_user) values ($1, $2, 'enterprises', 'f.csv', $2, 'applied', 't')`, [REGION, id]);
  const addRows = (importId: string, rows: number[]) =>
    database.query(`insert into import_rows (region_code, import_id, row_number, raw, outcome) select $1, $2, n, '{}'::json, 'valid' from unnest($3::int[]) as n`, [REGION, importId, rows]);

  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.dispose());

  it('refuses a firm of a region that is no tenant, naming the key, and writes none of the statement', async () => {
    const error = await sqlStateOf(() => database.query(`insert into enterprises (region_code, id, name) values ($1, 'ok-1', '甲'), ('330000', 'bad-1', '乙')`, [REGION]));
    expect(error.code).toBe(FK_VIOLATION);
    expect(error.message).toContain('enterprises_region_code_tenants_region_code_fk');
    expect(await count(`select count(*) as n from enterprises where id in ('ok-1', 'bad-1')`)).toBe(0);
  });

  it('refuses moving a firm to a region that is no tenant', async () => {
    await database.query(`insert into enterprises (region_code, id, name) values ($1, 'move-1', '丙')`, [REGION]);
    expect((await sqlStateOf(() => database.query(`update enterprises set region_code = '330000' where id = 'move-1'`))).code).toBe(FK_VIOLATION);
    expect(await count(`select count(*) as n from enterprises where id = 'move-1' and region_code = $1`, [REGION])).toBe(1);
  });

  it('keeps a tenant that still has firms', async () => {
    const error = await sqlStateOf(() => database.query('delete from tenants where region_code = $1', [REGION]));
    expect(error.code).toBe(FK_VIOLATION);
    expect(error.message).toContain('enterprises_region_code_tenants_region_code_fk');
    expect(await count('select count(*) as n from tenants where region_code = $1', [REGION])).toBe(1);
  });

  it('refuses raw rows of an import that does not exist', async () => {
    await addImport('imp-a');
    const error = await sqlStateOf(() => addRows('no-such-import', [1, 2]));
    expect(error.code).toBe(FK_VIOLATION);
    expect(error.message).toContain('import_rows_region_code_import_id_imports_region_code_id_fk');
    expect(await count(`select count(*) as n from import_rows where import_id = 'no-such-import'`)).toBe(0);
    await addRows('imp-a', [1, 2, 3]);
    expect((await sqlStateOf(() => database.query(`update import_rows set import_id = 'no-such-import' where import_id = 'imp-a'`))).code).toBe(FK_VIOLATION);
  });

  it('deletes an import with its raw rows, and only its own', async () => {
    await addImport('imp-b');
    await addImport('imp-c');
    await addRows('imp-b', [1, 2]);
    await addRows('imp-c', [1]);
    await database.query(`delete from imports where id = 'imp-b'`);
    expect(await count(`select count(*) as n from import_rows where import_id = 'imp-b'`)).toBe(0);
    expect(await count(`select count(*) as n from import_rows where import_id = 'imp-c'`)).toBe(1);
  });

  it('keeps the key of an import that has raw rows', async () => {
    await addImport('imp-d');
    await addRows('imp-d', [1]);
    expect((await sqlStateOf(() => database.query(`update imports set id = 'imp-e' where id = 'imp-d'`))).code).toBe(FK_VIOLATION);
    await database.query(`update imports set status = 'partial' where id = 'imp-d'`);
    expect(await count(`select count(*) as n from imports where id = 'imp-d' and status = 'partial'`)).toBe(1);
  });

  it.runIf(backend === 'postgres')('makes a delete of the import wait for rows being written to it, then deletes them too', async () => {
    await addImport('imp-f');
    const writer = new pg.Client({ connectionString: database.url });
    const deleter = new pg.Client({ connectionString: database.url });
    await Promise.all([writer.connect(), deleter.connect()]);
    try {
      await writer.query('begin');
      await writer.query(`insert into import_rows (region_code, import_id, row_number, raw, outcome) values ($1, 'imp-f', 1, '{}', 'valid')`, [REGION]);
      let deleted = false;
      const deleting = deleter.query(`delete from imports where id = 'imp-f'`).then(() => {
        deleted = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(deleted).toBe(false); // the writer's FOR KEY SHARE lock holds it
      await writer.query('commit');
      await deleting;
      expect(await count(`select count(*) as n from import_rows where import_id = 'imp-f'`)).toBe(0);
    } finally {
      await Promise.all([writer.end(), deleter.end()]);
    }
  });
});
