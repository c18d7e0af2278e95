import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enterprises } from '../enterprises/enterprises.schema.ts';
import { incomingKeyOf } from '../resolution/resolution.model.ts';
import { loadIncomingDecisions, type StoredDecision } from '../resolution/resolution.repo.ts';
import { ImportResolver, resolveFirms, type WrittenFirm } from '../resolution/resolution.service.ts';
import type { IncomingFirm, Resolution } from '../resolution/resolution.types.ts';

/**
 * Finds the registry firm of each incoming row (same order); the import centre only reads the decision. A matcher
 * that keeps state across an import's chunks is told about the firms the import inserts or changes (`remember`),
 * before they are written: the next chunk may be matched before the database holds them. It may also be given
 * the next chunk's firms early (`prefetch`), to send the reads their matching needs through `run`, behind the
 * writes already sent on the import's connection.
 */
export interface FirmMatcher {
  (db: Db, regionCode: string, firms: readonly IncomingFirm[], hooks?: MatchHooks): Promise<Resolution[]>;
  remember?: (regionCode: string, firms: readonly WrittenFirm[], how: 'inserted' | 'updated') => void;
  prefetch?: (db: Db, regionCode: string, firms: readonly IncomingFirm[], run: <T>(read: () => Promise<T>) => Promise<T>) => void;
}

/** From the import centre (ApplyContext): where the review pairs a matcher queues go, and whom to tell that its reads are done. */
export interface MatchHooks {
  defer?: (statement: SQL) => void;
  readsDone?: () => void;
}

/** What exact matching reads: registry firms by the USCCs asked for, and firms without USCC by the names asked for. */
interface ExactReads {
  byUscc: { id: string; uscc: string | null }[];
  byName: { id: string; name: string }[];
}

async function readExact(db: Db, regionCode: string, usccs: readonly string[], names: readonly string[]): Promise<ExactReads> {
  const byUscc = usccs.length > 0 ? await db.select({ id: enterprises.id, uscc: enterprises.uscc }).from(enterprises).where(sql`${enterprises.regionCode} = ${regionCode} and ${enterprises.uscc} = any(${sql.param(usccs)}::text[])`) : [];
  // Firms without a USCC through their partial index, the names as one array that PostgreSQL (14+) hashes. Not
  // `in (select unnest(…))`: in a table the import is filling, unanalysed, the planner then tested every firm
  // against every name (2.4 s for a 10,000-row chunk).
  const byName = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(sql`${enterprises.regionCode} = ${regionCode} and ${enterprises.uscc} is null and ${enterprises.name} = any(${sql.param(names)}::text[])`);
  return { byUscc, byName };
}

const usccsOf = (firms: readonly IncomingFirm[]) => [...new Set(firms.flatMap((f) => (f.uscc ? [f.uscc] : [])))];
const namesOf = (firms: readonly IncomingFirm[]) => [...new Set(firms.map((f) => f.name))];
const incomingKeysOf = (firms: readonly IncomingFirm[]) => [...new Set(firms.flatMap((f) => (f.uscc ? [] : [incomingKeyOf(f.name, f.address)])))];

/**
 * Exact matching: the USCC when given; otherwise (or when the USCC is not in the registry) the exact name of
 * a firm that has no USCC yet, when exactly one firm carries it. `written`: firms by id as a running import
 * leaves them, which the database may not show yet (they override what it shows).
 */
export async function matchFirmsExactly(db: Db, regionCode: string, firms: readonly IncomingFirm[], written?: ReadonlyMap<string, WrittenFirm>): Promise<Resolution[]> {
  return decideExactly(firms, await readExact(db, regionCode, usccsOf(firms), namesOf(firms)), written);
}

function decideExactly(firms: readonly IncomingFirm[], reads: ExactReads, written?: ReadonlyMap<string, WrittenFirm>): Resolution[] {
  const byUscc = new Map<string, string>();
  const byName = new Map<string, string | null>();
  for (const r of reads.byUscc) if (r.uscc) byUscc.set(r.uscc, r.id);
  const carry = (name: string, id: string) => byName.set(name, byName.has(name) && byName.get(name) !== id ? null : id);
  for (const r of reads.byName) if (!written?.has(r.id)) carry(r.name, r.id);
  if (written) {
    const asked = new Set(firms.map((f) => f.name));
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

/** What the import matcher reads for a chunk, and the USCCs, names and incoming keys it was read for. */
interface ChunkReads {
  regionCode: string;
  usccs: ReadonlySet<string>;
  names: ReadonlySet<string>;
  keys: ReadonlySet<string>;
  reads: Promise<{ exact: ExactReads; decisions: StoredDecision[] }>;
}

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
  // The reads of a chunk (exact matches, the stored decisions of its rows without USCC, the registry when one of
  // them is the first), sent with `run`: at once, or — for the next chunk — behind the writes already sent.
  // Nothing written since can change them: a firm this import wrote is in `written` and in the resolver.
  const readsFor = (db: Db, regionCode: string, firms: readonly IncomingFirm[], run: <T>(read: () => Promise<T>) => Promise<T>): ChunkReads => {
    const usccs = usccsOf(firms);
    const names = namesOf(firms);
    const keys = incomingKeysOf(firms);
    const resolver = resolverOf(regionCode);
    const reads = run(async () => {
      const exact = await readExact(db, regionCode, usccs, names);
      const decisions = keys.length > 0 ? await loadIncomingDecisions(db, regionCode, keys) : [];
      if (keys.length > 0) await resolver.load(db);
      return { exact, decisions };
    });
    return { regionCode, usccs: new Set(usccs), names: new Set(names), keys: new Set(keys), reads };
  };
  let prefetched: ChunkReads | undefined;
  const covers = (ahead: ChunkReads, regionCode: string, firms: readonly IncomingFirm[]) =>
    ahead.regionCode === regionCode && firms.every((f) => (!f.uscc || ahead.usccs.has(f.uscc)) && ahead.names.has(f.name) && (f.uscc || ahead.keys.has(incomingKeyOf(f.name, f.address))));
  // Then `readsDone`: resolution itself reads nothing more, and its review pairs go with the chunk's writes.
  const matcher: FirmMatcher = async (db, regionCode, firms, hooks = {}) => {
    const ahead = prefetched;
    prefetched = undefined;
    const chunk = ahead && covers(ahead, regionCode, firms) ? ahead : readsFor(db, regionCode, firms, (read) => read());
    const { exact, decisions } = await chunk.reads;
    hooks.readsDone?.();
    return matchThenResolve(decideExactly(firms, exact, writtenOf(regionCode)), firms, (open) => resolverOf(regionCode).resolve(db, open, { decisions, defer: hooks.defer }));
  };
  matcher.prefetch = (db, regionCode, firms, run) => {
    prefetched = readsFor(db, regionCode, firms, run);
    prefetched.reads.catch(() => undefined); // a failed read is reported to the chunk that uses it
  };
  matcher.remember = (regionCode, firms, how) => {
    const written = writtenOf(regionCode);
    for (const f of firms) written.set(f.id, f);
    if (how === 'inserted') resolverOf(regionCode).remember(firms);
  };
  return matcher;
}

/** `exact` (one fresh result per firm) with the open rows without USCC resolved in place. */
async function matchThenResolve(results: Resolution[], firms: readonly IncomingFirm[], resolve: (open: IncomingFirm[]) => Promise<Resolution[]>): Promise<Resolution[]> {
  const open = firms.flatMap((f, i) => (!f.uscc && results[i]?.decision !== 'existing' ? [i] : []));
  if (open.length === 0) return results;
  const resolved = await resolve(open.map((i) => firms[i] ?? { sourceKey: '', name: '' }));
  open.forEach((index, k) => {
    const r = resolved[k];
    if (r) results[index] = r;
  });
  return results;
}
