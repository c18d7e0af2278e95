import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type Database, MIGRATIONS_FOLDER } from './client.ts';

const Journal = z.object({ entries: z.array(z.object({ idx: z.number(), tag: z.string() })) });

export interface MigrationStatus {
  applied: number;
  latest: number;
  latestTag: string | undefined;
  isCurrent: boolean;
}

export function readJournal(): z.infer<typeof Journal> {
  return Journal.parse(JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')));
}

/** How many committed migrations the database has applied, against how many the code ships. */
export async function readMigrationStatus(database: Database): Promise<MigrationStatus> {
  const journal = readJournal();
  const exists = await database.query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  let applied = 0;
  if (exists[0]?.present) {
    const rows = await database.query<{ n: string | number }>('select count(*) as n from drizzle.__drizzle_migrations');
    applied = Number(rows[0]?.n ?? 0);
  }
  const latest = journal.entries.length;
  return { applied, latest, latestTag: journal.entries.at(-1)?.tag, isCurrent: applied === latest };
}
