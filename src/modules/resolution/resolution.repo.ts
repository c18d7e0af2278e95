import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { RegionName } from './regionPlaces.ts';

function rowsOf(result: unknown): unknown[] {
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) return result.rows;
  return [];
}

/** Runs a query and checks its rows against a schema (rows are outside data). */
export async function selectRows<T>(db: Db, query: SQL, schema: z.ZodType<T>): Promise<T[]> {
  return z.array(schema).parse(rowsOf(await db.execute(query)));
}

const RegistryFirm = z.object({ id: z.string(), name: z.string(), uscc: z.string().nullable(), address: z.string().nullable() });
export type RegistryFirm = z.infer<typeof RegistryFirm>;

const RegionRow = z.object({ code: z.string(), nameZh: z.string(), level: z.string(), parentCode: z.string().nullable() });

/** The region, its parents and its towns. */
export function loadRegionNames(db: Db, regionCode: string): Promise<RegionName[]> {
  return selectRows(
    db,
    sql`select code, name_zh as "nameZh", level, parent_code as "parentCode" from regions
         where code in (${regionCode}, ${regionCode.slice(0, 4)}, ${regionCode.slice(0, 2)}) or parent_code = ${regionCode}`,
    RegionRow,
  );
}

/** Firms of a region with an address for matching: the registered site's address, else the town's name. */
export function loadRegistryFirms(db: Db, regionCode: string, ids?: readonly string[]): Promise<RegistryFirm[]> {
  const only = ids === undefined ? sql`true` : sql`e.id = any(${sql.param([...ids])}::text[])`;
  return selectRows(
    db,
    sql`select e.id, e.name, e.uscc, coalesce(
              (select s.address from enterprise_sites s where s.region_code = e.region_code and s.enterprise_id = e.id and s.kind = 'registered' and s.address is not null order by s.id limit 1),
              t.name_zh) as address
          from enterprises e left join regions t on t.code = e.town_code
         where e.region_code = ${regionCode} and ${only}
         order by e.id`,
    RegistryFirm,
  );
}

const Decision = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  incomingKey: z.string(),
  status: z.string(),
  score: z.coerce.number(),
});
export type StoredDecision = z.infer<typeof Decision>;

/** Stored pairs of incoming records with these keys (any status). */
export function loadIncomingDecisions(db: Db, regionCode: string, keys: readonly string[]): Promise<StoredDecision[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return selectRows(
    db,
    sql`select id, enterprise_id as "enterpriseId", incoming_key as "incomingKey", status, score from match_pairs
         where region_code = ${regionCode} and incoming_key = any(${sql.param([...keys])}::text[])`,
    Decision,
  );
}

/** Pair keys of firm–firm pairs already stored (any status) among these keys. */
export async function loadExistingPairKeys(db: Db, regionCode: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await selectRows(
    db,
    sql`select pair_key as "pairKey" from match_pairs where region_code = ${regionCode} and pair_key = any(${sql.param([...keys])}::text[])`,
    z.object({ pairKey: z.string() }),
  );
  return new Set(rows.map((r) => r.pairKey));
}

export interface NewPair {
  id: string;
  pairKey: string;
  enterpriseId: string;
  otherEnterpriseId: string | null;
  sourceKey: string | null;
  incomingKey: string | null;
  incomingName: string | null;
  incomingAddress: string | null;
  incomingUscc: string | null;
  score: number;
  rule: string;
  codeVersion: string;
  status: 'queued' | 'confirmed';
  parts: unknown;
}

/** Inserts pairs whose key is not stored yet; returns the id stored under each key (new or earlier). */
export async function insertPairs(db: Db, regionCode: string, pairs: readonly NewPair[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < pairs.length; i += 500) {
    const chunk = pairs.slice(i, i + 500);
    await db.execute(insertPairsStatement(regionCode, chunk));
    const stored = await selectRows(
      db,
      sql`select id, pair_key as "pairKey" from match_pairs where region_code = ${regionCode} and pair_key = any(${sql.param(chunk.map((p) => p.pairKey))}::text[])`,
      z.object({ id: z.string(), pairKey: z.string() }),
    );
    for (const r of stored) ids.set(r.pairKey, r.id);
  }
  return ids;
}

/** The insert of insertPairs without the read-back (a pair already stored under the same key is left as it is). */
export function insertPairsStatement(regionCode: string, pairs: readonly NewPair[]): SQL {
  const json = JSON.stringify(pairs.map((p) => ({ ...p, parts: p.parts === undefined ? null : p.parts })));
  return sql`
      insert into match_pairs (region_code, id, pair_key, enterprise_id, other_enterprise_id, source_key, incoming_key, incoming_name, incoming_address, incoming_uscc, score, rule, code_version, status, parts, decided_at)
      select ${regionCode}, p.id, p."pairKey", p."enterpriseId", p."otherEnterpriseId", p."sourceKey", p."incomingKey", p."incomingName", p."incomingAddress", p."incomingUscc",
             p.score, p.rule, p."codeVersion", p.status, p.parts, case when p.status = 'queued' then null else now() end
        from json_to_recordset(${json}::json) as p(id text, "pairKey" text, "enterpriseId" text, "otherEnterpriseId" text, "sourceKey" text, "incomingKey" text,
             "incomingName" text, "incomingAddress" text, "incomingUscc" text, score numeric, rule text, "codeVersion" text, status text, parts json)
      on conflict (region_code, pair_key) do nothing`;
}
