import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enterprises } from '../enterprises/enterprises.schema.ts';
import type { IncomingFirm, Resolution } from '../resolution/resolution.types.ts';

/** Finds the registry firm of each incoming row (same order); the import centre only reads the decision. */
export type FirmMatcher = (db: Db, regionCode: string, firms: readonly IncomingFirm[]) => Promise<Resolution[]>;

/**
 * Exact matching: the USCC when given; otherwise (or when the USCC is not in the registry) the exact name of
 * a firm that has no USCC yet, when exactly one firm carries it.
 */
export const matchFirmsExactly: FirmMatcher = async (db, regionCode, firms) => {
  const usccs = firms.flatMap((f) => (f.uscc ? [f.uscc] : []));
  const names = firms.map((f) => f.name);
  const byUscc = new Map<string, string>();
  if (usccs.length > 0) {
    const rows = await db.select({ id: enterprises.id, uscc: enterprises.uscc }).from(enterprises).where(sql`${enterprises.regionCode} = ${regionCode} and ${enterprises.uscc} = any(${sql.param(usccs)}::text[])`);
    for (const r of rows) if (r.uscc) byUscc.set(r.uscc, r.id);
  }
  const byName = new Map<string, string | null>();
  const rows = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(sql`${enterprises.regionCode} = ${regionCode} and ${enterprises.uscc} is null and ${enterprises.name} = any(${sql.param(names)}::text[])`);
  for (const r of rows) byName.set(r.name, byName.has(r.name) ? null : r.id);
  return firms.map((f): Resolution => {
    const usccId = f.uscc ? byUscc.get(f.uscc) : undefined;
    if (usccId) return { decision: 'existing', enterpriseId: usccId, score: 1, rule: 'uscc' };
    const nameId = byName.get(f.name);
    if (nameId) return { decision: 'existing', enterpriseId: nameId, score: 1, rule: 'name' };
    return { decision: 'new', score: 0, rule: 'no-match' };
  });
};
