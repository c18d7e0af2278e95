import type { AddressTokens } from './addressTokens.ts';
import { diceSorted } from './bigrams.ts';
import type { NormalizedName } from './normalizeFirmName.ts';

/** A firm prepared for matching: normalised name, its bigrams and address tokens. */
export interface MatchRecord {
  name: NormalizedName;
  bigrams: string[];
  address: AddressTokens;
}

export type Agreement = 'agree' | 'disagree' | 'unknown';

export interface PairScore {
  score: number;
  parts: {
    /** bigram Dice of the core names */
    name: number;
    /** whether the trade names (字号, by convention the first two characters of the core) share a character */
    tradeNameShared: boolean;
    town: Agreement;
    /** true when one name carries a town (泽国恒达泵业厂) that nothing on the other side confirms or denies */
    townUnconfirmed: boolean;
    road: Agreement;
    number: Agreement;
    /** 'differs' when one is a branch (分公司) and the other not, or two different branches */
    branch: 'same' | 'differs';
    /** the factor applied for disagreeing address parts and branches */
    factor: number;
  };
}

/** Multipliers applied to the name similarity; chosen so that a different town alone drops an exact core below 0.5. */
export const PENALTIES = { tradeName: 0.7, town: 0.45, townUnconfirmed: 0.75, road: 0.7, number: 0.8, branch: 0.65 } as const;

/** The trade name (字号) of a core name: by convention its first two characters. */
export function tradeNameOf(core: string): string {
  let end = 0;
  for (let n = 0; n < 2 && end < core.length; n++) end += (core.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  return core.slice(0, end);
}

function agreement(a: string | null, b: string | null): Agreement {
  if (a === null || b === null) return 'unknown';
  return a === b ? 'agree' : 'disagree';
}

/** The town of a record: from its address, else from a town name stripped from its firm name. */
function hasTownInName(r: MatchRecord, towns: ReadonlySet<string>): boolean {
  return r.name.places.some((p) => towns.has(p));
}

function townOf(r: MatchRecord, towns: ReadonlySet<string>): string | null {
  return r.address.town ?? r.name.places.find((p) => towns.has(p)) ?? null;
}

/**
 * Score of two firms (METHODS §2): bigram Dice of the core names times a penalty for each address part
 * (town, road, house number) that is present on both sides and differs, and for branch vs head office.
 * A pair whose trade names share no character is penalised too (the rest of the name is the industry word).
 * The house number only counts when the road agrees (the same number on another road says nothing).
 */
export function scoreFirmPair(a: MatchRecord, b: MatchRecord, towns: ReadonlySet<string>): PairScore {
  const name = diceSorted(a.bigrams, b.bigrams);
  const tradeA = tradeNameOf(a.name.core);
  const tradeNameShared = [...tradeNameOf(b.name.core)].some((c) => tradeA.includes(c));
  const townA = townOf(a, towns);
  const townB = townOf(b, towns);
  const town = agreement(townA, townB);
  // a town-prefixed name (泽国恒达泵业厂) is a legally different name from 温岭市恒达泵业有限公司 unless the other side is in that town
  const townUnconfirmed = town === 'unknown' && (townA ?? townB) !== null && hasTownInName(townA === null ? b : a, towns);
  const road = agreement(a.address.road, b.address.road);
  const number = road === 'agree' ? agreement(a.address.number, b.address.number) : 'unknown';
  const branch = a.name.branch === b.name.branch ? 'same' : 'differs';
  let factor = 1;
  if (town === 'disagree') factor *= PENALTIES.town;
  // 恒铭流体设备 vs 兴力流体设备: only the industry word is shared
  if (!tradeNameShared) factor *= PENALTIES.tradeName;
  if (townUnconfirmed) factor *= PENALTIES.townUnconfirmed;
  if (road === 'disagree') factor *= PENALTIES.road;
  if (number === 'disagree') factor *= PENALTIES.number;
  if (branch === 'differs') factor *= PENALTIES.branch;
  return { score: Math.round(name * factor * 1000) / 1000, parts: { name, tradeNameShared, town, townUnconfirmed, road, number, branch, factor } };
}
