import { afterAll, describe, expect, it } from 'vitest';
import { readJournal, readMigrationStatus } from '../src/db/migrations.ts';
import { openTestDatabase, type TestDatabase, testBackends } from './helpers/db.ts';

describe.each(testBackends())('migrations from zero (%s)', (backend) => {
  const opened: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of opened) await db.dispose();
  });

  it('apply every committed migration to an empty database, and a second run changes nothing', async () => {
    const db = await openTestDatabase(backend, { isMigrated: false });
    opened.push(db);
    expect((await readMigrationStatus(db)).applied).toBe(0);
    await db.migrate();
    const first = await readMigrationStatus(db);
    expect(first).toMatchObject({ applied: readJournal().entries.length, isCurrent: true });
    await db.migrate();
    expect(await readMigrationStatus(db)).toEqual(first);
    const users = await db.query<{ n: number | string }>('select count(*) as n from users');
    expect(Number(users[0]?.n)).toBe(0);
  });
});
