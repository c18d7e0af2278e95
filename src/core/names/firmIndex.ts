import { overlap, prefixLength } from './candidatePairs.ts';

/**
 * An inverted index of core bigrams over a list of firms, for matching records one by one against it (an
 * import against the registry). A query probes only its |x| − ⌈t·|x|/(2−t)⌉ + 1 rarest bigrams: any firm with
 * Dice ≥ t shares at least one of them (see candidatePairs.ts), and rare bigrams have short posting lists.
 * Postings are kept by set size, and the j-th rarest bigram (from 0) is read only for sizes |y| ≤ 2(|x| − j)/t − |x|:
 * a firm first met there shares at most |x| − j bigrams with the query (length filtering, as in PPJoin; Xiao et
 * al. 2011). A common bigram such as 泵业 is then read only for the few firms as short as the query allows.
 * Firms can be added after construction (an import adds the firms it writes). Inside, bigrams are numbered and
 * each firm's set is a sorted Int32Array: Dice over integers is several times faster than over strings, and a
 * common bigram's posting list may hold thousands of firms.
 */
export class FirmIndex {
  private readonly bigramIds = new Map<string, number>();
  /** bigram id → set size → firms of that size that have it */
  private readonly postings: (number[] | undefined)[][] = [];
  /** bigram id → how many firms have it */
  private readonly frequency: number[] = [];
  private readonly byKeyChar = new Map<string, number[]>();
  /** firm i's sorted, distinct bigram ids are setIds[setStart[i] .. setStart[i + 1]) (one growing array, not one per firm) */
  private setIds: Int32Array = new Int32Array(4096);
  private setStart: Int32Array = new Int32Array(1025);
  private count = 0;
  /** per firm, the number of the last query pass that visited it: a visited-set without allocating one per query */
  private visited = new Uint32Array(1024);
  private pass = 0;

  /** `keys` (optional, per firm): trade names for the looser shared-character rule of `query`. */
  constructor(bigrams: readonly (readonly string[])[] = [], keys: readonly string[] = []) {
    for (const [i, list] of bigrams.entries()) this.add(list, keys[i]);
  }

  get size(): number {
    return this.count;
  }

  /** Adds one firm (its core bigrams and, optionally, its key); it gets the next index, which is returned. */
  add(bigrams: readonly string[], key?: string): number {
    const i = this.count++;
    const start = this.setStart[i] ?? 0;
    if (start + bigrams.length > this.setIds.length) this.setIds = grown(this.setIds, start + bigrams.length);
    if (i + 2 > this.setStart.length) this.setStart = grown(this.setStart, i + 2);
    // ids of the bigrams, sorted by insertion (a name has a handful) and deduplicated in place
    let end = start;
    for (const b of bigrams) {
      let id = this.bigramIds.get(b);
      if (id === undefined) {
        id = this.postings.length;
        this.bigramIds.set(b, id);
        this.postings.push([]);
        this.frequency.push(0);
      }
      let at = end;
      while (at > start && (this.setIds[at - 1] ?? 0) > id) {
        this.setIds[at] = this.setIds[at - 1] ?? 0;
        at--;
      }
      if (at > start && this.setIds[at - 1] === id) {
        this.setIds.copyWithin(at, at + 1, end + 1); // already there: undo the shift
        continue;
      }
      this.setIds[at] = id;
      end++;
    }
    this.setStart[i + 1] = end;
    const size = end - start;
    for (let k = start; k < end; k++) {
      const id = this.setIds[k] ?? 0;
      const bySize = this.postings[id] ?? [];
      const list = bySize[size];
      if (list) list.push(i);
      else bySize[size] = [i];
      this.frequency[id] = (this.frequency[id] ?? 0) + 1;
    }
    if (i >= this.visited.length) {
      const grown = new Uint32Array(this.visited.length * 2);
      grown.set(this.visited);
      this.visited = grown;
    }
    if (key !== undefined) {
      const chars = [...key];
      for (const [k, c] of chars.entries()) {
        if (chars.indexOf(c) !== k) continue; // a character the key repeats counts once
        const list = this.byKeyChar.get(c);
        if (list) list.push(i);
        else this.byKeyChar.set(c, [i]);
      }
    }
    return i;
  }

  /**
   * Indexes of firms whose bigram Dice with `query` is ≥ threshold, with that Dice; with `shared`, also firms
   * whose key shares a character with `shared.key` and whose Dice is ≥ `shared.threshold`.
   */
  query(query: readonly string[], threshold: number, shared?: { key: string; threshold: number }): { index: number; dice: number }[] {
    const distinct = [...new Set(query)];
    if (distinct.length === 0) return [];
    // A bigram no firm has gets a negative id of its own: it counts in |x| and matches nothing.
    const ids = Int32Array.from(distinct, (b, k) => this.bigramIds.get(b) ?? -1 - k).sort();
    const frequencyOf = (id: number) => (id >= 0 ? (this.frequency[id] ?? 0) : 0);
    const byRarity = [...ids].sort((a, b) => frequencyOf(a) - frequencyOf(b));
    const out: { index: number; dice: number }[] = [];
    let pass = this.nextPass();
    const size = ids.length;
    for (const [j, id] of byRarity.slice(0, prefixLength(size, threshold)).entries()) {
      const bySize = id >= 0 ? (this.postings[id] ?? []) : [];
      const largest = Math.min(bySize.length - 1, Math.floor((2 * (size - j)) / threshold - size + 1e-9));
      for (let other = 1; other <= largest; other++) {
        for (const i of bySize[other] ?? []) {
          if (this.visited[i] === pass) continue;
          this.visited[i] = pass;
          const dice = this.diceWith(ids, i);
          if (dice >= threshold) out.push({ index: i, dice });
        }
      }
    }
    if (shared === undefined) return out;
    pass = this.nextPass();
    for (const c of new Set(shared.key)) {
      for (const i of this.byKeyChar.get(c) ?? []) {
        if (this.visited[i] === pass) continue;
        this.visited[i] = pass;
        const dice = this.diceWith(ids, i);
        // pairs at or above the strict threshold were found by the first pass
        if (dice >= shared.threshold && dice < threshold) out.push({ index: i, dice });
      }
    }
    return out;
  }

  /** Sørensen–Dice of the sorted, distinct ids `a` and firm i's set (bigrams.ts diceSorted, on ids). */
  private diceWith(a: Int32Array, i: number): number {
    const start = this.setStart[i] ?? 0;
    const size = (this.setStart[i + 1] ?? 0) - start;
    if (a.length + size === 0) return 0;
    return (2 * overlap(a, this.setIds.subarray(start, start + size))) / (a.length + size);
  }

  private nextPass(): number {
    if (this.pass === 0xffffffff) {
      this.visited.fill(0);
      this.pass = 0;
    }
    return ++this.pass;
  }
}

function grown(array: Int32Array, atLeast: number): Int32Array {
  const next = new Int32Array(Math.max(atLeast, array.length * 2));
  next.set(array);
  return next;
}
