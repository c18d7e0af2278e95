import { randomUUID } from 'node:crypto';
import { DEFAULT_THRESHOLDS, type Thresholds, decideMatch } from '../../core/names/decide.ts';
import { findDuplicatePairs } from '../../core/names/findDuplicatePairs.ts';
import { FirmIndex } from '../../core/names/firmIndex.ts';
import type { PlaceContext } from '../../core/names/placeContext.ts';
import { normalizeFirmName } from '../../core/names/normalizeFirmName.ts';
import { prepareRecord } from '../../core/names/prepareRecord.ts';
import { type MatchRecord, PENALTIES, scoreFirmPair, tradeNameOf } from '../../core/names/scoreFirmPair.ts';
import { checkUscc } from '../../core/uscc/uscc.ts';
import type { Db } from '../../db/client.ts';
import { placeContextOf } from './regionPlaces.ts';
import { MATCH_CODE_VERSION, firmPairKey, incomingKeyOf, incomingPairKey } from './resolution.model.ts';
import type { SQL } from 'drizzle-orm';
import { type NewPair, type RegistryFirm, type StoredDecision, insertPairs, insertPairsStatement, loadExistingPairKeys, loadIncomingDecisions, loadRegionNames, loadRegistryFirms } from './resolution.repo.ts';
import type { IncomingFirm, Resolution } from './resolution.types.ts';

function validUscc(code: string | null | undefined): string | null {
  if (!code) return null;
  const check = checkUscc(code);
  return check.valid ? check.code : null;
}

interface Registry {
  ctx: PlaceContext;
  /** town code → name: a firm written without a registered address is matched on its town, as loadRegistryFirms does */
  townNames: Map<string, string>;
  firms: RegistryFirm[];
  /**
   * Match records by firm index, made when a firm is first scored: indexing needs only the core name, and an
   * import adds every firm it writes while scoring only the few that resemble a row without USCC.
   */
  records: Map<number, MatchRecord>;
  index: FirmIndex;
  byUscc: Map<string, string>;
  /** firms without a USCC (uscc is null), by name: exact matching by name (imports.match.ts) */
  withoutUscc: Map<string, string[]>;
  candidateCache: Map<string, number[]>;
}

async function loadRegistry(db: Db, regionCode: string, ids?: readonly string[]): Promise<Registry> {
  const names = await loadRegionNames(db, regionCode);
  const reg: Registry = {
    ctx: placeContextOf(names, regionCode),
    townNames: new Map(names.filter((n) => n.parentCode === regionCode).map((n) => [n.code, n.nameZh])),
    firms: [],
    records: new Map(),
    index: new FirmIndex(),
    byUscc: new Map(),
    withoutUscc: new Map(),
    candidateCache: new Map(),
  };
  addToRegistry(reg, await loadRegistryFirms(db, regionCode, ids));
  return reg;
}

function addToRegistry(reg: Registry, firms: readonly RegistryFirm[]): void {
  for (const firm of firms) {
    const core = normalizeFirmName(firm.name, reg.ctx.places).core;
    reg.firms.push(firm);
    reg.index.add(core, tradeNameOf(core));
    if (firm.uscc) reg.byUscc.set(firm.uscc, firm.id);
    else if (firm.uscc === null) {
      const ids = reg.withoutUscc.get(firm.name);
      if (ids) ids.push(firm.id);
      else reg.withoutUscc.set(firm.name, [firm.id]);
    }
  }
  // a cached candidate list may now miss one of the new firms
  if (firms.length > 0) reg.candidateCache.clear();
}

/** A firm an import has just written, as the registry should know it from then on. */
export interface WrittenFirm {
  id: string;
  name: string;
  uscc: string | null;
  townCode: string | null;
}

/**
 * Resolution for one import, chunk by chunk: the registry is loaded and indexed once, at the first chunk, and
 * the firms the import writes are added to it as they are written (remember), so that a later row can match an
 * earlier one. Reloading the registry for every chunk made a large import quadratic in the registry size.
 * Firms that other users write while the import runs are not seen by it (as before, within one chunk).
 */
export class ImportResolver {
  private registry: Registry | undefined;
  private loading: Promise<Registry> | undefined;
  /**
   * Firms remembered before the registry was read. The read may come chunks later, and an import writes a
   * chunk after the next one has read what it needs, so the database may not hold all of them yet.
   */
  private pending: WrittenFirm[] = [];

  constructor(
    private readonly regionCode: string,
    private readonly thresholds: Thresholds = DEFAULT_THRESHOLDS,
  ) {}

  /** Reads the registry at the first call (only one read, however many calls wait for it); later calls read nothing. */
  async load(db: Db): Promise<void> {
    await this.registryOf(db);
  }

  async resolve(db: Db, firms: readonly IncomingFirm[], io: ResolveIo = {}): Promise<Resolution[]> {
    return resolveAgainst(db, await this.registryOf(db), this.regionCode, firms, this.thresholds, io);
  }

  private registryOf(db: Db): Promise<Registry> {
    this.loading ??= loadRegistry(db, this.regionCode).then((reg) => {
      const loaded = new Set(reg.firms.map((f) => f.id));
      this.registry = reg;
      this.add(this.pending.filter((f) => !loaded.has(f.id)));
      this.pending = [];
      return reg;
    });
    return this.loading;
  }

  /**
   * What exact matching would read (firms with these USCCs; firms without a USCC with these names), from the
   * registry as it was read plus the firms remembered since; undefined until it has been read.
   */
  exactly(usccs: Iterable<string>, names: Iterable<string>): { byUscc: { id: string; uscc: string }[]; byName: { id: string; name: string }[] } | undefined {
    const reg = this.registry;
    if (!reg) return undefined;
    const byUscc: { id: string; uscc: string }[] = [];
    const byName: { id: string; name: string }[] = [];
    for (const uscc of usccs) {
      const id = reg.byUscc.get(uscc);
      if (id !== undefined) byUscc.push({ id, uscc });
    }
    for (const name of names) for (const id of reg.withoutUscc.get(name) ?? []) byName.push({ id, name });
    return { byUscc, byName };
  }

  remember(firms: readonly WrittenFirm[]): void {
    if (this.registry) this.add(firms);
    else this.pending.push(...firms);
  }

  private add(firms: readonly WrittenFirm[]): void {
    const reg = this.registry;
    if (!reg) return;
    addToRegistry(reg, firms.map((f) => ({ id: f.id, name: f.name, uscc: f.uscc, address: f.townCode ? (reg.townNames.get(f.townCode) ?? null) : null })));
  }
}

function recordOf(reg: Registry, index: number): MatchRecord | undefined {
  const known = reg.records.get(index);
  if (known !== undefined) return known;
  const firm = reg.firms[index];
  if (firm === undefined) return undefined;
  const record = prepareRecord(firm.name, firm.address, reg.ctx);
  reg.records.set(index, record);
  return record;
}

/** Registry firms that can reach the review threshold; the same core gives the same candidates, so they are cached. */
function candidatesOf(reg: Registry, record: MatchRecord, thresholds: Thresholds): number[] {
  const cached = reg.candidateCache.get(record.name.core);
  if (cached !== undefined) return cached;
  const strict = Math.min(1, thresholds.review / PENALTIES.tradeName);
  const found = reg.index.query(record.name.core, strict, { key: tradeNameOf(record.name.core), threshold: thresholds.review }).map((m) => m.index);
  reg.candidateCache.set(record.name.core, found);
  return found;
}

type Pending = { kind: 'done'; resolution: Resolution } | { kind: 'pair'; pairKey: string; enterpriseId: string; score: number };

/** The best registry firm for one incoming record, skipping rejected firms and firms with another valid USCC. */
function bestMatch(reg: Registry, record: MatchRecord, uscc: string | null, rejected: ReadonlySet<string>, thresholds: Thresholds) {
  let best: { firm: RegistryFirm; score: number; parts: unknown } | undefined;
  for (const index of candidatesOf(reg, record, thresholds)) {
    const firm = reg.firms[index];
    const other = recordOf(reg, index);
    if (firm === undefined || other === undefined || rejected.has(firm.id)) continue;
    if (uscc && firm.uscc && firm.uscc !== uscc) continue;
    const s = scoreFirmPair(record, other, reg.ctx.towns);
    if (best === undefined || s.score > best.score || (s.score === best.score && firm.id < best.firm.id)) best = { firm, score: s.score, parts: s.parts };
  }
  return best;
}

/**
 * Resolves incoming firms against a region's registry (contract: resolution.types.ts): a valid USCC in the
 * registry → that firm; a confirmed or rejected pair for the same record is honoured (never asked again);
 * otherwise name + address scoring — ≥ auto: that firm (the decision is stored), review band: a queued pair,
 * below: a new firm. Writes pairs with `db` (pass a transaction to make them part of an import).
 */
export async function resolveFirms(db: Db, regionCode: string, firms: readonly IncomingFirm[], thresholds: Thresholds = DEFAULT_THRESHOLDS): Promise<Resolution[]> {
  return resolveAgainst(db, await loadRegistry(db, regionCode), regionCode, firms, thresholds);
}

/**
 * How resolution reads and writes, when the caller wants a say: `decisions`, the stored decisions of (at least)
 * these firms' incoming keys, already read; `defer`, takes the statement that queues the new pairs instead
 * of running it now (the pairs keep the ids made here: an existing pair for the same firm and incoming key would
 * be among the stored decisions).
 */
export interface ResolveIo {
  decisions?: readonly StoredDecision[];
  defer?: (statement: SQL) => void;
}

async function resolveAgainst(db: Db, reg: Registry, regionCode: string, firms: readonly IncomingFirm[], thresholds: Thresholds, io: ResolveIo = {}): Promise<Resolution[]> {
  const keys = firms.map((f) => incomingKeyOf(f.name, f.address));
  const stored = new Map<string, StoredDecision[]>();
  for (const d of await (io.decisions ?? loadIncomingDecisions(db, regionCode, [...new Set(keys)]))) stored.set(d.incomingKey, [...(stored.get(d.incomingKey) ?? []), d]);
  const newPairs = new Map<string, NewPair>();
  const pending = firms.map((f, i): Pending => {
    const uscc = validUscc(f.uscc);
    const byCode = uscc ? reg.byUscc.get(uscc) : undefined;
    if (byCode) return { kind: 'done', resolution: { decision: 'existing', enterpriseId: byCode, score: 1, rule: 'uscc' } };
    const key = keys[i] ?? '';
    const decisions = stored.get(key) ?? [];
    const confirmed = decisions.find((d) => d.status === 'confirmed');
    if (confirmed) return { kind: 'done', resolution: { decision: 'existing', enterpriseId: confirmed.enterpriseId, score: confirmed.score, rule: 'remembered' } };
    const queued = decisions.find((d) => d.status === 'queued');
    if (queued) return { kind: 'done', resolution: { decision: 'review', enterpriseId: queued.enterpriseId, score: queued.score, rule: 'name', pairId: queued.id } };
    const rejected = new Set(decisions.filter((d) => d.status === 'rejected').map((d) => d.enterpriseId));
    const best = bestMatch(reg, prepareRecord(f.name, f.address, reg.ctx), uscc, rejected, thresholds);
    const decision = best ? decideMatch(best.score, thresholds) : 'new';
    if (best === undefined || decision === 'new') return { kind: 'done', resolution: { decision: 'new', score: best?.score ?? 0, rule: rejected.size > 0 ? 'remembered' : 'no-match' } };
    const pairKey = incomingPairKey(best.firm.id, key);
    if (!newPairs.has(pairKey)) {
      newPairs.set(pairKey, {
        id: randomUUID(), pairKey, enterpriseId: best.firm.id, otherEnterpriseId: null, sourceKey: f.sourceKey, incomingKey: key,
        incomingName: f.name, incomingAddress: f.address ?? null, incomingUscc: uscc, score: best.score, rule: 'name',
        codeVersion: MATCH_CODE_VERSION, status: decision === 'auto' ? 'confirmed' : 'queued', parts: best.parts,
      });
    }
    if (decision === 'auto') return { kind: 'done', resolution: { decision: 'existing', enterpriseId: best.firm.id, score: best.score, rule: 'name' } };
    return { kind: 'pair', pairKey, enterpriseId: best.firm.id, score: best.score };
  });
  const pairs = [...newPairs.values()];
  const ids = io.defer ? deferPairs(io.defer, regionCode, pairs) : await insertPairs(db, regionCode, pairs);
  return pending.map((p): Resolution => {
    if (p.kind === 'done') return p.resolution;
    return { decision: 'review', enterpriseId: p.enterpriseId, score: p.score, rule: 'name', pairId: ids.get(p.pairKey) ?? '' };
  });
}

function deferPairs(defer: (statement: SQL) => void, regionCode: string, pairs: readonly NewPair[]): Map<string, string> {
  if (pairs.length > 0) defer(insertPairsStatement(regionCode, pairs));
  return new Map(pairs.map((p) => [p.pairKey, p.id]));
}

/**
 * Scores the region's firms against each other and queues every pair at or above the review threshold
 * that has not been decided before (automatic-band pairs are queued too: merging firms is a person's call).
 * With `enterpriseIds`, only pairs involving those firms.
 */
export async function scanFirmPairs(db: Db, regionCode: string, enterpriseIds?: readonly string[]): Promise<{ scanned: number; queued: number; remembered: number }> {
  const reg = await loadRegistry(db, regionCode);
  const only = enterpriseIds === undefined ? undefined : new Set(enterpriseIds);
  const pairs = findDuplicatePairs(reg.firms, reg.ctx).filter((p) => only === undefined || only.has(p.idA) || only.has(p.idB));
  const existing = await loadExistingPairKeys(db, regionCode, pairs.map((p) => firmPairKey(p.idA, p.idB)));
  const fresh = pairs.filter((p) => !existing.has(firmPairKey(p.idA, p.idB)));
  const byId = new Map(reg.firms.map((f, i) => [f.id, i]));
  await insertPairs(
    db,
    regionCode,
    fresh.map((p): NewPair => {
      const a = recordOf(reg, byId.get(p.idA) ?? -1);
      const b = recordOf(reg, byId.get(p.idB) ?? -1);
      return {
        id: randomUUID(), pairKey: firmPairKey(p.idA, p.idB), enterpriseId: p.idA, otherEnterpriseId: p.idB, sourceKey: null, incomingKey: null,
        incomingName: null, incomingAddress: null, incomingUscc: null, score: p.score, rule: p.rule, codeVersion: MATCH_CODE_VERSION, status: 'queued',
        parts: a && b && p.rule === 'name' ? scoreFirmPair(a, b, reg.ctx.towns).parts : null,
      };
    }),
  );
  return { scanned: only?.size ?? reg.firms.length, queued: fresh.length, remembered: pairs.length - fresh.length };
}
