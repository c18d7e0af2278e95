import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { firmPairKey } from './resolution.model.ts';
import type { MergeRecord } from './resolution.model.ts';
import { selectRows } from './resolution.repo.ts';

/** Child rows of a firm (deleted with it): moved to the survivor unless it already has the same key. */
const CHILDREN = [
  { table: 'enterprise_nodes', key: ['node_id'] },
  { table: 'enterprise_metrics', key: ['year'] },
  { table: 'enterprise_aliases', key: ['alias'] },
  { table: 'enterprise_sites', key: ['id'] },
] as const;

/** Rows elsewhere that point at a firm: all re-pointed to the survivor. */
const REFERENCES = [
  { table: 'trade_flows', column: 'seller_enterprise_id', key: ['id'] },
  { table: 'trade_flows', column: 'buyer_enterprise_id', key: ['id'] },
  { table: 'projects', column: 'enterprise_id', key: ['id'] },
  { table: 'platform_members', column: 'enterprise_id', key: ['platform_id', 'member_id'] },
  { table: 'import_rows', column: 'enterprise_id', key: ['import_id', 'row_number'] },
] as const;

const keyExpr = (alias: string, key: readonly string[]) => sql.raw(`json_build_array(${key.map((k) => `${alias}.${k}`).join(', ')})::text`);
const Keys = z.object({ k: z.string() });
const Snapshot = z.object({ enterprise: z.record(z.string(), z.unknown()), children: z.record(z.string(), z.array(z.unknown())), matchPairs: z.array(z.unknown()) });
const Moved = z.object({ children: z.record(z.string(), z.array(z.string())), references: z.record(z.string(), z.array(z.string())), aliasAdded: z.string().nullable() });

const Version = z.object({ id: z.string(), name: z.string(), version: z.number().int() });

async function firmVersion(tx: Db, regionCode: string, id: string) {
  const [row] = await selectRows(tx, sql`select id, name, version from enterprises where region_code = ${regionCode} and id = ${id} for update`, Version);
  if (row === undefined) throw new DomainError('NOT_FOUND', { field: 'id', reason: `no firm ${id}` }, 'firm not found');
  return row;
}

async function jsonRows(tx: Db, table: string, regionCode: string, id: string, column = 'enterprise_id'): Promise<unknown[]> {
  const rows = await selectRows(tx, sql`select row_to_json(x) as r from ${sql.raw(table)} x where x.region_code = ${regionCode} and x.${sql.raw(column)} = ${id}`, z.object({ r: z.unknown() }));
  return rows.map((r) => r.r);
}

/**
 * Merges firm `mergedId` into `intoId`: memberships, metrics, aliases and sites move unless the survivor has
 * the same key; flows, projects, platform memberships and import history are re-pointed; the merged name
 * becomes an alias; the merged firm is deleted with a full snapshot kept for a split. `version` is the merged
 * firm's version (stale → 409).
 */
export async function mergeFirms(db: Db, input: { regionCode: string; mergedId: string; intoId: string; version: number; username: string }): Promise<MergeRecord> {
  const { regionCode, mergedId, intoId } = input;
  if (mergedId === intoId) throw new DomainError('VALIDATION', { field: 'intoId', reason: 'a firm cannot be merged into itself' }, 'a firm cannot be merged into itself');
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const merged = await firmVersion(tx, regionCode, mergedId);
    await firmVersion(tx, regionCode, intoId);
    if (merged.version !== input.version) throw new DomainError('STALE_VERSION', { field: 'version', reason: `stale: current version is ${merged.version}`, current: merged }, 'the firm changed since it was loaded; reload');
    await tx.execute(sql`update match_pairs set status = 'confirmed', decided_by = ${input.username}, decided_at = now(), version = version + 1
                          where region_code = ${regionCode} and pair_key = ${firmPairKey(mergedId, intoId)}`);
    const [enterprise] = await jsonRows(tx, 'enterprises', regionCode, mergedId, 'id');
    const children: Record<string, unknown[]> = {};
    for (const c of CHILDREN) children[c.table] = await jsonRows(tx, c.table, regionCode, mergedId);
    const matchPairs = await selectRows(tx, sql`select row_to_json(x) as r from match_pairs x where x.region_code = ${regionCode} and (x.enterprise_id = ${mergedId} or x.other_enterprise_id = ${mergedId})`, z.object({ r: z.unknown() }));
    const moved: z.infer<typeof Moved> = { children: {}, references: {}, aliasAdded: null };
    for (const c of CHILDREN) {
      const match = sql.raw(c.key.map((k) => `t.${k} = s.${k}`).join(' and '));
      const rows = await selectRows(tx, sql`update ${sql.raw(c.table)} s set enterprise_id = ${intoId}
          where s.region_code = ${regionCode} and s.enterprise_id = ${mergedId}
            and not exists (select 1 from ${sql.raw(c.table)} t where t.region_code = ${regionCode} and t.enterprise_id = ${intoId} and ${match})
          returning ${keyExpr('s', c.key)} as k`, Keys);
      moved.children[c.table] = rows.map((r) => r.k);
    }
    for (const r of REFERENCES) {
      const rows = await selectRows(tx, sql`update ${sql.raw(r.table)} s set ${sql.raw(r.column)} = ${intoId}
          where s.region_code = ${regionCode} and s.${sql.raw(r.column)} = ${mergedId} returning ${keyExpr('s', r.key)} as k`, Keys);
      moved.references[`${r.table}.${r.column}`] = rows.map((x) => x.k);
    }
    const alias = await selectRows(tx, sql`insert into enterprise_aliases (region_code, enterprise_id, alias, source) values (${regionCode}, ${intoId}, ${merged.name}, 'merge')
        on conflict do nothing returning alias`, z.object({ alias: z.string() }));
    moved.aliasAdded = alias[0]?.alias ?? null;
    await tx.execute(sql`delete from enterprises where region_code = ${regionCode} and id = ${mergedId}`);
    await tx.execute(sql`update enterprises set version = version + 1, updated_at = now() where region_code = ${regionCode} and id = ${intoId}`);
    const snapshot = { enterprise, children, matchPairs: matchPairs.map((m) => m.r) };
    await tx.execute(sql`insert into enterprise_merges (region_code, id, merged_id, merged_name, merged_into_id, snapshot, moved, merged_by)
        values (${regionCode}, ${id}, ${mergedId}, ${merged.name}, ${intoId}, ${JSON.stringify(snapshot)}::json, ${JSON.stringify(moved)}::json, ${input.username})`);
  });
  return getMerge(db, regionCode, id);
}

/** Undoes a merge: the firm comes back with its rows, and exactly what the merge moved moves back. */
export async function splitMerge(db: Db, input: { regionCode: string; mergeId: string; username: string }): Promise<MergeRecord> {
  const { regionCode, mergeId } = input;
  await db.transaction(async (tx) => {
    const [m] = await selectRows(tx, sql`select merged_id as "mergedId", merged_into_id as "intoId", status, snapshot, moved from enterprise_merges where region_code = ${regionCode} and id = ${mergeId} for update`,
      z.object({ mergedId: z.string(), intoId: z.string(), status: z.string(), snapshot: Snapshot, moved: Moved }));
    if (m === undefined) throw new DomainError('NOT_FOUND', { field: 'id', reason: `no merge ${mergeId}` }, 'merge not found');
    if (m.status !== 'merged') throw new DomainError('CONFLICT', { field: 'status', reason: 'this merge was already split' }, 'already split');
    const restore = (table: string, rows: readonly unknown[]) =>
      tx.execute(sql`insert into ${sql.raw(table)} select * from json_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(rows)}::json) on conflict do nothing`);
    await restore('enterprises', [m.snapshot.enterprise]);
    for (const c of CHILDREN) {
      const keys = m.moved.children[c.table] ?? [];
      if (keys.length > 0) await tx.execute(sql`update ${sql.raw(c.table)} s set enterprise_id = ${m.mergedId} where s.region_code = ${regionCode} and s.enterprise_id = ${m.intoId} and ${keyExpr('s', c.key)} = any(${sql.param(keys)}::text[])`);
      await restore(c.table, m.snapshot.children[c.table] ?? []);
    }
    for (const r of REFERENCES) {
      const keys = m.moved.references[`${r.table}.${r.column}`] ?? [];
      if (keys.length > 0) await tx.execute(sql`update ${sql.raw(r.table)} s set ${sql.raw(r.column)} = ${m.mergedId} where s.region_code = ${regionCode} and s.${sql.raw(r.column)} = ${m.intoId} and ${keyExpr('s', r.key)} = any(${sql.param(keys)}::text[])`);
    }
    if (m.moved.aliasAdded !== null) await tx.execute(sql`delete from enterprise_aliases where region_code = ${regionCode} and enterprise_id = ${m.intoId} and alias = ${m.moved.aliasAdded} and source = 'merge'`);
    await restore('match_pairs', m.snapshot.matchPairs);
    await tx.execute(sql`update match_pairs set status = 'rejected', decided_by = ${input.username}, decided_at = now(), version = version + 1 where region_code = ${regionCode} and pair_key = ${firmPairKey(m.mergedId, m.intoId)}`);
    await tx.execute(sql`update enterprises set version = version + 1, updated_at = now() where region_code = ${regionCode} and id in (${m.intoId}, ${m.mergedId})`);
    await tx.execute(sql`update enterprise_merges set status = 'split', split_by = ${input.username}, split_at = now() where region_code = ${regionCode} and id = ${mergeId}`);
  });
  return getMerge(db, regionCode, mergeId);
}

const MergeRow = z.object({
  id: z.string(), mergedId: z.string(), mergedName: z.string(), mergedIntoId: z.string(), mergedBy: z.string(), mergedAt: z.coerce.date(),
  status: z.enum(['merged', 'split']), splitBy: z.string().nullable(), splitAt: z.coerce.date().nullable(), moved: Moved,
});

export async function getMerge(db: Db, regionCode: string, id: string): Promise<MergeRecord> {
  const [m] = await selectRows(db, sql`select id, merged_id as "mergedId", merged_name as "mergedName", merged_into_id as "mergedIntoId", merged_by as "mergedBy",
      merged_at as "mergedAt", status, split_by as "splitBy", split_at as "splitAt", moved from enterprise_merges where region_code = ${regionCode} and id = ${id}`, MergeRow);
  if (m === undefined) throw new DomainError('NOT_FOUND', { field: 'id', reason: `no merge ${id}` }, 'merge not found');
  const movedCounts: Record<string, number> = {};
  for (const [k, v] of Object.entries({ ...m.moved.children, ...m.moved.references })) movedCounts[k] = v.length;
  const { moved: _moved, ...rest } = m;
  return { ...rest, mergedAt: m.mergedAt.toISOString(), splitAt: m.splitAt?.toISOString() ?? null, movedCounts };
}
