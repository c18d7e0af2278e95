import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import type { PairDecision, PairSide, PairStatus, ReviewPairDetail } from './resolution.model.ts';
import { applyHeldRow } from '../imports/imports.heldRows.ts';
import { selectRows } from './resolution.repo.ts';

const Row = z.object({
  id: z.string(),
  score: z.coerce.number(),
  rule: z.string(),
  codeVersion: z.string(),
  status: z.enum(['queued', 'confirmed', 'rejected']),
  sourceKey: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.coerce.date().nullable(),
  version: z.number().int(),
  createdAt: z.coerce.date(),
  parts: z.record(z.string(), z.unknown()).nullable(),
  incomingName: z.string().nullable(),
  incomingAddress: z.string().nullable(),
  incomingUscc: z.string().nullable(),
  aId: z.string(),
  aName: z.string(),
  aUscc: z.string().nullable(),
  aAddress: z.string().nullable(),
  aTown: z.string().nullable(),
  aScale: z.string().nullable(),
  aVersion: z.number().int(),
  bId: z.string().nullable(),
  bName: z.string().nullable(),
  bUscc: z.string().nullable(),
  bAddress: z.string().nullable(),
  bTown: z.string().nullable(),
  bScale: z.string().nullable(),
  bVersion: z.number().int().nullable(),
});
type Row = z.infer<typeof Row>;

const side = (alias: string) => sql.raw(`
  ${alias}.id as "${alias}Id", ${alias}.name as "${alias}Name", ${alias}.uscc as "${alias}Uscc", ${alias}.scale as "${alias}Scale", ${alias}.version as "${alias}Version",
  (select s.address from enterprise_sites s where s.region_code = ${alias}.region_code and s.enterprise_id = ${alias}.id and s.kind = 'registered' order by s.id limit 1) as "${alias}Address",
  (select t.name_zh from regions t where t.code = ${alias}.town_code) as "${alias}Town"`);

const SELECT = sql`select p.id, p.score, p.rule, p.code_version as "codeVersion", p.status, p.source_key as "sourceKey", p.decided_by as "decidedBy",
       p.decided_at as "decidedAt", p.version, p.created_at as "createdAt", p.parts, p.incoming_name as "incomingName",
       p.incoming_address as "incomingAddress", p.incoming_uscc as "incomingUscc", ${side('a')}, ${side('b')}
  from match_pairs p
  join enterprises a on a.region_code = p.region_code and a.id = p.enterprise_id
  left join enterprises b on b.region_code = p.region_code and b.id = p.other_enterprise_id`;

function toDetail(r: Row): ReviewPairDetail {
  const left: PairSide = { enterpriseId: r.aId, name: r.aName, uscc: r.aUscc, address: r.aAddress, townName: r.aTown, scale: r.aScale, version: r.aVersion };
  const right: PairSide =
    r.bId === null
      ? { enterpriseId: null, name: r.incomingName ?? '', uscc: r.incomingUscc, address: r.incomingAddress, townName: null, scale: null, version: null }
      : { enterpriseId: r.bId, name: r.bName ?? '', uscc: r.bUscc, address: r.bAddress, townName: r.bTown, scale: r.bScale, version: r.bVersion };
  return {
    id: r.id, kind: r.bId === null ? 'incoming' : 'firms', score: r.score, rule: r.rule, codeVersion: r.codeVersion, status: r.status, sourceKey: r.sourceKey,
    decidedBy: r.decidedBy, decidedAt: r.decidedAt?.toISOString() ?? null, version: r.version, createdAt: r.createdAt.toISOString(), left, right, parts: r.parts,
  };
}

/** Review pairs of a region, highest score first, paged; `status` filters (default: queued). */
export async function listReviewPairs(db: Db, q: { regionCode: string; status: PairStatus; limit: number; offset: number }) {
  const rows = await selectRows(db, sql`${SELECT} where p.region_code = ${q.regionCode} and p.status = ${q.status} order by p.score desc, p.created_at, p.id limit ${q.limit} offset ${q.offset}`, Row);
  const [count] = await selectRows(db, sql`select count(*)::int as n from match_pairs where region_code = ${q.regionCode} and status = ${q.status}`, z.object({ n: z.number().int() }));
  return { items: rows.map((r) => { const { parts: _parts, ...pair } = toDetail(r); return pair; }), total: count?.n ?? 0 };
}

export async function getReviewPair(db: Db, regionCode: string, id: string): Promise<ReviewPairDetail> {
  const [row] = await selectRows(db, sql`${SELECT} where p.region_code = ${regionCode} and p.id = ${id}`, Row);
  if (row === undefined) throw new DomainError('NOT_FOUND', { field: 'id', reason: `no review pair ${id}` }, 'review pair not found');
  return toDetail(row);
}

/** Confirms or rejects a pair (and applies an import row held for it); a stale version → 409 with the current pair. */
export async function decideReviewPair(db: Db, regionCode: string, id: string, input: PairDecision, username: string): Promise<ReviewPairDetail> {
  const current = await getReviewPair(db, regionCode, id);
  const status = input.decision === 'confirm' ? 'confirmed' : 'rejected';
  await db.transaction(async (tx) => {
    const updated = await selectRows(
      tx,
      sql`update match_pairs set status = ${status}, decided_by = ${username}, decided_at = now(), version = version + 1
           where region_code = ${regionCode} and id = ${id} and version = ${input.version} returning enterprise_id as "enterpriseId", source_key as "sourceKey"`,
      z.object({ enterpriseId: z.string(), sourceKey: z.string().nullable() }),
    );
    const [pair] = updated;
    if (pair === undefined) throw new DomainError('STALE_VERSION', { field: 'version', reason: `stale: current version is ${current.version}`, current }, 'someone else decided this pair; reload');
    // An import row held for this pair is applied now, in the same transaction as the decision.
    await applyHeldRow(tx, regionCode, pair.sourceKey, { decision: input.decision, enterpriseId: pair.enterpriseId });
  });
  return getReviewPair(db, regionCode, id);
}
