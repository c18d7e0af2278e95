import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enterprises } from '../enterprises/enterprises.schema.ts';
import { incomingKeyOf } from '../resolution/resolution.model.ts';
import { loadIncomingDecisions } from '../resolution/resolution.repo.ts';
import { ImportResolver, resolveFirms, type WrittenFirm } from '../resolution/resolution.service.ts';
import type { IncomingFirm, Resolution } from '../resolution/resolution.types.ts';

/**
 * Finds the registry firm of each incoming row (same order); the import centre only reads the decision. A matcher
 * that keeps state across an import's chunks is told about the firms the import inserts or changes (`remember`),
 * before they are written: the next chunk may be matched before the database holds them.
 */
export interface FirmMatcher {
  (db: Db, regionCode: string, firms: readonly IncomingFirm[], hooks?: MatchHooks): Promise<Resolution[]>;
  remember?: (regionCode: string, firms: readonly WrittenFirm[], how: 'inserted' | 'updated') => void;
}

/** From the import centre (ApplyContext): where the review pairs a matcher queues go, and whom to tell that its reads are done. */
export interface MatchHooks {
  defer?: (statement: SQL) => void;
  readsDone?: () => void;
}

/**
 * Exact matching: the USCC when given; otherwise (or when the USCC is not in the registry) the exact name of
 * a firm that has no USCC yet, when exactly one firm carries it. `written`: firms by id as a running import
 * leaves them, which the database may not show yet (they override what it shows).
 */
export async function matchFirmsExactly(db: Db, regionCode: string, firms: readonly IncomingFirm[], written?: ReadonlyMap<string, WrittenFirm>): Promise<Resolution[]> {
  const usccs = firms.flatMap((f) => (f.uscc ? [f.uscc] : []));
  const names = firms.map((f) => f.name);
  const byUscc = new Map<string, string>();
  const byName = new Map<string, string | null>();
  const usccRows = usccs.length > 0 ? await db.select({ id: enterprises.id, uscc: enterprises.uscc }).from(enterprises).where(sql`${enterprises.regionCode} = ${regionCode} and ${enterprises.uscc} = any(${sql.param(usccs)}::text[])`) : [];
  // Firms without a USCC through their partial index, the names as one array that PostgreSQL (14+) hashes. Not
  // `in (select unnest(…))`: in a table the import is filling, unanalysed, the planner then tested every firm
  // against every name (2.4 s for a 10,000-row chunk).
  const rows = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(sql`${enterprises.regionCode} = ${regionCode} and ${enterprises.uscc} is null and ${enterprises.name} = any(${sql.param([...new Set(names)])}::text[])`);
  for (const r of usccRows) if (r.uscc) byUscc.set(r.uscc, r.id);
  const carry = (name: string, id: string) => byName.set(name, byName.has(name) && byName.get(name) !== id ? null : id);
  for (const r of rows) if (!written?.has(r.id)) carry(r.name, r.id);
  if (written) {
    const asked = new Set(names);
    for (const w of written.values()) if (w.uscc === null && asked.has(w.name)) carry(w.name, w.id);
  }
  return firms.map((f): Resolution => {
    const usccId = f.uscc ? byUscc.get(f.uscc) : undefined;
    if (usccId) return { decision: 'existing', enterpriseId: usccId, score: 1, rule: 'uscc' };
    const nameId = byName.get(f.name);
    if (nameId) return { decision: 'existing', enterpriseId: nameId, score: 1, rule: 'name' };
    return { decision: 'new', score: 0, rule: 'no-match' };
  });
}

/**
 * Rows with a USCC match exactly (above); rows without one go to entity resolution (METHODS §2: bigram name
 * similarity with address tokens; automatic, review or new; remembered decisions). Review pairs it queues are
 * written in the import's transaction, so a rolled-back import leaves none behind.
 */
export const matchFirms: FirmMatcher = async (db, regionCode, firms) => matchThenResolve(await matchFirmsExactly(db, regionCode, firms), firms, (open) => resolveFirms(db, regionCode, open));

/** matchFirms for the chunks of one import: the registry is indexed once and grows with the firms the import writes. */
export function importMatcher(): FirmMatcher {
  const resolvers = new Map<string, ImportResolver>();
  const resolverOf = (regionCode: string) => {
    const known = resolvers.get(regionCode);
    if (known) return known;
    const resolver = new ImportResolver(regionCode);
    resolvers.set(regionCode, resolver);
    return resolver;
  };
  const writtenIn = new Map<string, Map<string, WrittenFirm>>();
  const writtenOf = (regionCode: string) => {
    const known = writtenIn.get(regionCode) ?? new Map<string, WrittenFirm>();
    writtenIn.set(regionCode, known);
    return known;
  };
  // The chunk's reads first (exact matches, the registry at the first chunk, the stored decisions of the rows
  // without USCC), then `readsDone`: resolution itself reads nothing more, and its review pairs go with the
  // chunk's writes.
  const matcher: FirmMatcher = async (db, regionCode, firms, hooks = {}) => {
    const resolver = resolverOf(regionCode);
    const exact = await matchFirmsExactly(db, regionCode, firms, writtenOf(regionCode));
    const withoutUscc = firms.filter((f) => !f.uscc);
    const decisions = withoutUscc.length > 0 ? await loadIncomingDecisions(db, regionCode, [...new Set(withoutUscc.map((f) => incomingKeyOf(f.name, f.address)))]) : [];
    if (withoutUscc.length > 0) await resolver.load(db);
    hooks.readsDone?.();
    return matchThenResolve(exact, firms, (open) => resolver.resolve(db, open, { decisions, defer: hooks.defer }));
  };
  matcher.remember = (regionCode, firms, how) => {
    const written = writtenOf(regionCode);
    for (const f of firms) written.set(f.id, f);
    if (how === 'inserted') resolverOf(regionCode).remember(firms);
  };
  return matcher;
}

async function matchThenResolve(exact: Resolution[], firms: readonly IncomingFirm[], resolve: (open: IncomingFirm[]) => Promise<Resolution[]>): Promise<Resolution[]> {
  const results = [...exact];
  const open = firms.flatMap((f, i) => (!f.uscc && results[i]?.decision !== 'existing' ? [i] : []));
  if (open.length === 0) return results;
  const resolved = await resolve(open.map((i) => firms[i] ?? { sourceKey: '', name: '' }));
  open.forEach((index, k) => {
    const r = resolved[k];
    if (r) results[index] = r;
  });
  return results;
}
