/**
 * Candidate pairs for bigram-Dice matching without comparing all n² pairs: prefix filtering (Bayardo, Ma &
 * Srikant, "Scaling up all pairs similarity search", WWW 2007; Xiao et al., PPJoin, 2008) over an inverted
 * index of core bigrams.
 *
 * 1. Records with the same bigram set (the same normalised core) form one group; all their pairs score 1.
 * 2. Bigrams are ranked rarest first (document frequency over groups). Dice(x, y) ≥ t needs an overlap of at
 *    least α = ⌈t·|x| / (2 − t)⌉ bigrams, so two such sets must share a bigram within the first |x| − α + 1
 *    bigrams of each ("prefix"). Only prefix bigrams are indexed and probed; the frequent bigrams (业$, 泵业)
 *    mostly fall outside the prefixes, which is where the all-pairs cost would go.
 * 3. Every candidate group pair is verified with the exact Dice; the result is exactly the set of pairs an
 *    all-pairs scan would give at threshold t.
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

function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
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

/** Prefix length for Dice threshold t (see the file comment). */
export function prefixLength(size: number, threshold: number): number {
  const alpha = Math.max(1, Math.ceil((threshold * size) / (2 - threshold) - 1e-9));
  return Math.max(1, Math.min(size, size - alpha + 1));
}

/**
 * Calls `emit` once for every pair of record indexes (a < b) whose bigram Dice is ≥ threshold.
 * `bigrams[i]` must be sorted and de-duplicated (bigramsOf does that); empty lists never pair.
 */
export function forEachCandidatePair(bigrams: readonly (readonly string[])[], threshold: number, emit: (pair: CandidatePair) => void): void {
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
  const index = new Map<number, number[]>();
  const seen = new Int32Array(groups.length).fill(-1);
  groups.forEach((x, gx) => {
    const prefix = prefixLength(x.tokens.length, threshold);
    for (let p = 0; p < prefix; p++) {
      const token = x.tokens[p] ?? 0;
      const postings = index.get(token);
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
    for (let p = 0; p < prefix; p++) {
      const token = x.tokens[p] ?? 0;
      const postings = index.get(token);
      if (postings) postings.push(gx);
      else index.set(token, [gx]);
    }
  });
}
