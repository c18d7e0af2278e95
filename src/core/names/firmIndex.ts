import { diceSorted } from './bigrams.ts';
import { prefixLength } from './candidatePairs.ts';

/**
 * An inverted index of core bigrams over a list of firms, for matching records one by one against it (an
 * import against the registry). A query probes only its |x| − ⌈t·|x|/(2−t)⌉ + 1 rarest bigrams: any firm with
 * Dice ≥ t shares at least one of them (see candidatePairs.ts), and rare bigrams have short posting lists.
 */
export class FirmIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly byKeyChar = new Map<string, number[]>();

  /** `keys` (optional, per firm): trade names for the looser shared-character rule of `query`. */
  constructor(
    private readonly bigrams: readonly (readonly string[])[],
    keys: readonly string[] = [],
  ) {
    const add = (map: Map<string, number[]>, k: string, i: number) => {
      const p = map.get(k);
      if (p) p.push(i);
      else map.set(k, [i]);
    };
    bigrams.forEach((list, i) => {
      for (const b of list) add(this.postings, b, i);
    });
    keys.forEach((key, i) => {
      for (const c of new Set(key)) add(this.byKeyChar, c, i);
    });
  }

  /**
   * Indexes of firms whose bigram Dice with `query` is ≥ threshold, with that Dice; with `shared`, also firms
   * whose key shares a character with `shared.key` and whose Dice is ≥ `shared.threshold`.
   */
  query(query: readonly string[], threshold: number, shared?: { key: string; threshold: number }): { index: number; dice: number }[] {
    if (query.length === 0) return [];
    const byRarity = [...query].sort((a, b) => (this.postings.get(a)?.length ?? 0) - (this.postings.get(b)?.length ?? 0));
    const seen = new Set<number>();
    const out: { index: number; dice: number }[] = [];
    for (const b of byRarity.slice(0, prefixLength(query.length, threshold))) {
      for (const i of this.postings.get(b) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const dice = diceSorted(query, this.bigrams[i] ?? []);
        if (dice >= threshold) out.push({ index: i, dice });
      }
    }
    if (shared === undefined) return out;
    const sharedSeen = new Set<number>();
    for (const c of new Set(shared.key)) {
      for (const i of this.byKeyChar.get(c) ?? []) {
        if (sharedSeen.has(i)) continue;
        sharedSeen.add(i);
        const dice = diceSorted(query, this.bigrams[i] ?? []);
        // pairs at or above the strict threshold were found by the first pass
        if (dice >= shared.threshold && dice < threshold) out.push({ index: i, dice });
      }
    }
    return out;
  }
}
