import { forEachCandidatePair } from './candidatePairs.ts';
import { DEFAULT_THRESHOLDS, type Thresholds, decideMatch } from './decide.ts';
import type { PlaceContext } from './placeContext.ts';
import { prepareRecord } from './prepareRecord.ts';
import { PENALTIES, scoreFirmPair, tradeNameOf } from './scoreFirmPair.ts';

export interface FirmRecord {
  id: string;
  name: string;
  address?: string | null;
  /** a valid, normalised USCC or null */
  uscc?: string | null;
}

export interface DuplicatePair {
  idA: string;
  idB: string;
  score: number;
  decision: 'auto' | 'review';
  rule: 'uscc' | 'name';
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Duplicate pairs in a list of firms (METHODS §2): the same USCC → auto with score 1; two different USCCs
 * → never a pair; otherwise name + address scoring over prefix-filtered candidates. Pairs below the review
 * threshold are left out. Sorted by idA then idB, with idA < idB.
 */
export function findDuplicatePairs(firms: readonly FirmRecord[], ctx: PlaceContext, thresholds: Thresholds = DEFAULT_THRESHOLDS): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>();
  const add = (i: number, j: number, score: number, rule: DuplicatePair['rule']) => {
    const x = firms[i];
    const y = firms[j];
    if (x === undefined || y === undefined || x.id === y.id) return;
    const [idA, idB] = compareIds(x.id, y.id) < 0 ? [x.id, y.id] : [y.id, x.id];
    const key = `${idA}\u0001${idB}`;
    const decision = decideMatch(score, thresholds);
    if (decision === 'new' || pairs.has(key)) return;
    pairs.set(key, { idA, idB, score, decision, rule });
  };
  const byUscc = new Map<string, number[]>();
  firms.forEach((f, i) => {
    if (!f.uscc) return;
    const list = byUscc.get(f.uscc);
    if (list) list.push(i);
    else byUscc.set(f.uscc, [i]);
  });
  for (const members of byUscc.values()) for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) add(members[i] ?? 0, members[j] ?? 0, 1, 'uscc');

  const records = firms.map((f) => prepareRecord(f.name, f.address, ctx));
  const tradeNames = records.map((r) => tradeNameOf(r.name.core));
  // a pair whose trade names share no character is scored × PENALTIES.tradeName, so it needs a higher Dice
  const strict = Math.min(1, thresholds.review / PENALTIES.tradeName);
  forEachCandidatePair(records.map((r) => r.bigrams), strict, ({ a, b }) => {
    const ua = firms[a]?.uscc;
    const ub = firms[b]?.uscc;
    if (ua && ub) return; // equal codes were paired above; different codes are different firms
    const x = records[a];
    const y = records[b];
    if (x === undefined || y === undefined) return;
    add(a, b, scoreFirmPair(x, y, ctx.towns).score, 'name');
  }, { keys: tradeNames, threshold: thresholds.review });
  return [...pairs.values()].sort((p, q) => compareIds(p.idA, q.idA) || compareIds(p.idB, q.idB));
}
