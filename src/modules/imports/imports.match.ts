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

/** The distinct USCCs, names and (rows without USCC) incoming keys of a chunk's firms. */
function keysOfChunk(firms: readonly IncomingFirm[]): { usccs: Set<string>; names: Set<string>; keys: Set<string> } {
  const usccs = new Set<string>();
  const names = new Set<string>();
  const keys = new Set<string>();
  for (const f of firms) {
    names.add(f.name);
    if (f.uscc) usccs.add(f.uscc);
    else keys.add(incomingKeyOf(f.name, f.address));
  }
  return { usccs, names, keys };
}

/**
 * Exact matching: the USCC when given; otherwise (or when the USCC is not in the registry) the exact name of
 * a firm that has no USCC yet, when exactly one firm carries it. `written`: firms by id as a running import
 * leaves them, which the database may not show yet (they override what it shows).
 */
export async function matchFirmsExactly(db: Db, regionCode: string, firms: readonly IncomingFirm[], written?: Written): Promise<Resolution[]> {
  const { usccs, names } = keysOfChunk(firms);
  return decideExactly(firms, await readExact(db, regionCode, [...usccs], [...names]), written);
}

/** Firms a running import wrote, by id, and those without a USCC by name (as the import leaves them). */
export class Written {
  readonly byId = new Map<string, WrittenFirm>();
  private readonly withoutUscc = new Map<string, Set<string>>();

  set(firm: WrittenFirm): void {
    const before = this.byId.get(firm.id);
    if (before?.uscc === null) this.withoutUscc.get(before.name)?.delete(firm.id);
    this.byId.set(firm.id, firm);
    if (firm.uscc !== null) return;
    const ids = this.withoutUscc.get(firm.name) ?? new Set<string>();
    ids.add(firm.id);
    this.withoutUscc.set(firm.name, ids);
  }

  /** ids of written firms without a USCC named `name` */
  withoutUsccNamed(name: string): ReadonlySet<string> | undefined {
    return this.withoutUscc.get(name);
  }
}

function decideExactly(firms: readonly IncomingFirm[], reads: ExactReads, written?: Written): Resolution[] {
  const byUscc = new Map<string, string>();
  const byName = new Map<string, string | null>();
  for (const r of reads.byUscc) if (r.uscc) byUscc.set(r.uscc, r.id);
  const carry = (name: string, id: string) => byName.set(name, byName.has(name) && byName.get(name) !== id ? null : id);
  for (const r of reads.byName) if (!written?.byId.has(r.id)) carry(r.name, r.id);
  if (written) {
    for (const name of new Set(firms.map((f) => f.name))) for (const id of written.withoutUsccNamed(name) ?? []) carry(name, id);
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
  const writtenIn = new Map<string, Written>();
  const writtenOf = (regionCode: string) => {
    const known = writtenIn.get(regionCode) ?? new Written();
    writtenIn.set(regionCode, known);
    return known;
  };
  // The reads of a chunk (exact matches, the stored decisions of its rows without USCC, the registry when one of
  // them is the first), sent with `run`: at once, or — for the next chunk — behind the writes already sent.
  // Nothing written since can change them: a firm this import wrote is in `written` and in the resolver. Once
  // the resolver has read the registry, exact matches come from it too instead of a read per chunk: it holds
  // the region's firms as they were then and every firm this import has written since (a firm another user
  // writes in the meantime is not seen, as for entity resolution).
  const readsFor = (db: Db, regionCode: string, firms: readonly IncomingFirm[], run: <T>(read: () => Promise<T>) => Promise<T>): ChunkReads => {
    const { usccs, names, keys } = keysOfChunk(firms);
    const resolver = resolverOf(regionCode);
    const reads = run(async () => {
      const exact = resolver.exactly(usccs, names) ?? (await readExact(db, regionCode, [...usccs], [...names]));
      const decisions = keys.size > 0 ? await loadIncomingDecisions(db, regionCode, [...keys]) : [];
      if (keys.size > 0) await resolver.load(db);
      return { exact, decisions };
    });
    return { regionCode, usccs, names, keys, reads };
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
    for (const f of firms) written.set(f);
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
