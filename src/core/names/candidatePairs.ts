/**
 * Candidate pairs for bigram-Dice matching without comparing all n² pairs: prefix filtering (Bayardo, Ma &
 * Srikant, "Scaling up all pairs similarity search", WWW 2007; Xiao et al., PPJoin, 2008) over an inverted
 * index of core bigrams.
 *
 * 1. Records with the same bigram set (the same normalised core) form one group; all their pairs score 1.
 * 2. Bigrams are ranked rarest first (document frequency over groups). Dice(x, y) ≥ t needs an overlap of at
 *    least α = ⌈t·|x| / (2 − t)⌉ bigrams, so two such sets must share a bigram within the first |x| − α + 1
 *    bigrams of each ("prefix"). Groups are processed smallest first; against a larger partner the overlap is
 *    at least ⌈t·|x|⌉, so only the first |x| − ⌈t·|x|⌉ + 1 bigrams are indexed (AllPairs). The frequent
 *    bigrams (业$, 泵业) fall outside these short index prefixes, so their huge posting lists are never built
 *    or walked — which is where an all-pairs or plain inverted-index scan spends its time.
 * 3. Every candidate group pair is verified with the exact Dice; the result is exactly the set of pairs an
 *    all-pairs scan would give at threshold t.
 * 4. Optionally (SharedKeyRule) pairs below t but at or above a looser threshold are added when their keys
 *    (the trade names) share a character, blocked by an index of key characters. The scoring penalises a pair
 *    whose trade names share nothing, so such a pair needs a higher Dice to reach review — without this rule
 *    every 摩托车配件 firm would be a candidate for every other one.
 */
export interface CandidatePair {
  a: number;
  b: number;
  /** bigram Dice of the two records' cores */
  dice: number;
}

interface Group {
  tokens: Int32Array;
  members: number[];
}

/** A second, looser rule: pairs whose blocking keys share a character need only Dice ≥ `threshold`. */
export interface SharedKeyRule {
  /** per record, e.g. the trade name (字号) */
  keys: readonly string[];
  threshold: number;
}

function groupRecords(bigrams: readonly (readonly string[])[]): Group[] {
  const byKey = new Map<string, { tokens: readonly string[]; members: number[] }>();
  bigrams.forEach((list, index) => {
    if (list.length === 0) return;
    const key = list.join('\u0001');
    const g = byKey.get(key);
    if (g) g.members.push(index);
    else byKey.set(key, { tokens: list, members: [index] });
  });
  const df = new Map<string, number>();
  for (const g of byKey.values()) for (const t of g.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const ranked = [...df.keys()].sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0) || (x < y ? -1 : x > y ? 1 : 0));
  const rank = new Map(ranked.map((t, i) => [t, i]));
  return [...byKey.values()].map((g) => ({
    tokens: Int32Array.from(g.tokens.map((t) => rank.get(t) ?? 0)).sort(),
    members: g.members,
  }));
}

/** Number of ids two sorted, distinct Int32Array sets share; `b` may be a range of a larger array (no subarray made). */
export function overlap(a: Int32Array, b: Int32Array, bStart = 0, bEnd = b.length): number {
  let i = 0;
  let j = bStart;
  let shared = 0;
  while (i < a.length && j < bEnd) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Probe prefix for Dice threshold t: Dice ≥ t needs an overlap ≥ ⌈t·|x| / (2 − t)⌉ whatever the other size. */
export function prefixLength(size: number, threshold: number): number {
  const alpha = Math.max(1, Math.ceil((threshold * size) / (2 - threshold) - 1e-9));
  return Math.max(1, Math.min(size, size - alpha + 1));
}

/** Index prefix: against a record at least as large, Dice ≥ t needs an overlap ≥ ⌈t·|x|⌉ (AllPairs' shorter index). */
export function indexPrefixLength(size: number, threshold: number): number {
  const alpha = Math.max(1, Math.ceil(threshold * size - 1e-9));
  return Math.max(1, Math.min(size, size - alpha + 1));
}

/**
 * Calls `emit` once for every pair of record indexes (a < b) whose bigram Dice is ≥ threshold.
 * `bigrams[i]` must be sorted and de-duplicated (bigramsOf does that); empty lists never pair.
 */
export function forEachCandidatePair(bigrams: readonly (readonly string[])[], threshold: number, emit: (pair: CandidatePair) => void, shared?: SharedKeyRule): void {
  const groups = groupRecords(bigrams);
  const emitGroups = (x: Group, y: Group, dice: number) => {
    for (const a of x.members) for (const b of y.members) emit(a < b ? { a, b, dice } : { a: b, b: a, dice });
  };
  for (const g of groups) {
    for (let i = 0; i < g.members.length; i++) {
      for (let j = i + 1; j < g.members.length; j++) {
        const a = g.members[i] ?? 0;
        const b = g.members[j] ?? 0;
        emit(a < b ? { a, b, dice: 1 } : { a: b, b: a, dice: 1 });
      }
    }
  }
  // smallest first, so every indexed group is at most as large as the probing one (index prefixes stay short)
  groups.sort((x, y) => x.tokens.length - y.tokens.length);
  const index = new Map<number, number[]>();
  const seen = new Int32Array(groups.length).fill(-1);
  groups.forEach((x, gx) => {
    const probe = prefixLength(x.tokens.length, threshold);
    for (let p = 0; p < probe; p++) {
      const postings = index.get(x.tokens[p] ?? 0);
      if (postings === undefined) continue;
      for (const gy of postings) {
        if (seen[gy] === gx) continue;
        seen[gy] = gx;
        const y = groups[gy];
        if (y === undefined) continue;
        const dice = (2 * overlap(x.tokens, y.tokens)) / (x.tokens.length + y.tokens.length);
        if (dice >= threshold) emitGroups(y, x, dice);
      }
    }
    const indexed = indexPrefixLength(x.tokens.length, threshold);
    for (let p = 0; p < indexed; p++) {
      const token = x.tokens[p] ?? 0;
      const postings = index.get(token);
      if (postings) postings.push(gx);
      else index.set(token, [gx]);
    }
  });
  if (shared !== undefined) forEachSharedKeyPair(groups, threshold, shared, emitGroups);
}

/**
 * Pairs of groups whose keys share a character and whose Dice is in [shared.threshold, threshold): blocked
 * by an inverted index of key characters (a trade-name character is rare among 3,755 common characters).
 */
function forEachSharedKeyPair(groups: readonly Group[], threshold: number, shared: SharedKeyRule, emitGroups: (x: Group, y: Group, dice: number) => void): void {
  const byChar = new Map<string, number[]>();
  const seen = new Int32Array(groups.length).fill(-1);
  groups.forEach((x, gx) => {
    const chars = [...new Set(shared.keys[x.members[0] ?? -1] ?? '')];
    for (const c of chars) {
      for (const gy of byChar.get(c) ?? []) {
        if (seen[gy] === gx) continue;
        seen[gy] = gx;
        const y = groups[gy];
        if (y === undefined) continue;
        const dice = (2 * overlap(x.tokens, y.tokens)) / (x.tokens.length + y.tokens.length);
        if (dice >= shared.threshold && dice < threshold) emitGroups(y, x, dice);
      }
    }
    for (const c of chars) {
      const list = byChar.get(c);
      if (list) list.push(gx);
      else byChar.set(c, [gx]);
    }
  });
}
