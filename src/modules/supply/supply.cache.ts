import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { num, rowsOf } from './supply.rows.ts';

/**
 * The region's supply data version: statement triggers (drizzle/0002_supply_cache.sql) give it a new value from
 * one sequence in the same transaction as any change to flows, firms, memberships, sites, nodes or reach pairs,
 * whichever path made it (demo, imports, merges, edits, restores). 0 before the first change.
 */
export async function readDataVersion(db: Db, regionCode: string): Promise<number> {
  const rows = rowsOf(await db.execute(sql`select version from supply_data_versions where region_code = ${regionCode}`));
  return num(rows[0]?.version);
}

/**
 * A cached result of an expensive supply query, computed again when the region's data version has moved.
 * The version is read before computing: a change committed meanwhile stores the result under the old version,
 * which is never served again, so a stale result can never be filed under a new version.
 */
export async function cachedSupplyResult<T>(db: Db, args: { regionCode: string; key: string; schema: z.ZodType<T>; compute: () => Promise<T> }): Promise<T> {
  const version = await readDataVersion(db, args.regionCode);
  const hit = rowsOf(
    await db.execute(sql`select payload from supply_cache where region_code = ${args.regionCode} and cache_key = ${args.key} and data_version = ${version}`),
  );
  if (hit[0]) {
    const payload = hit[0].payload;
    const parsed = args.schema.safeParse(typeof payload === 'string' ? JSON.parse(payload) : payload);
    // A payload of an older shape (after an upgrade) is simply recomputed.
    if (parsed.success) return parsed.data;
  }
  const value = await args.compute();
  await db.execute(sql`
    insert into supply_cache (region_code, cache_key, data_version, payload, computed_at)
    values (${args.regionCode}, ${args.key}, ${version}, ${JSON.stringify(value)}::jsonb, now())
    on conflict (region_code, cache_key) do update set data_version = excluded.data_version, payload = excluded.payload, computed_at = excluded.computed_at
    where supply_cache.data_version <= excluded.data_version`);
  // Results of older versions can never be served again; dropping them keeps the table to the live set.
  await db.execute(sql`delete from supply_cache where region_code = ${args.regionCode} and data_version < ${version}`);
  return value;
}
