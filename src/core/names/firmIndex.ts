import { overlap, prefixLength } from './candidatePairs.ts';

/**
 * An inverted index of core bigrams over a list of firms, for matching records one by one against it (an
 * import against the registry). A query probes only its |x| − ⌈t·|x|/(2−t)⌉ + 1 rarest bigrams: any firm with
 * Dice ≥ t shares at least one of them (see candidatePairs.ts), and rare bigrams have short posting lists.
 * Postings are kept by set size, and the j-th rarest bigram (from 0) is read only for sizes |y| ≤ 2(|x| − j)/t − |x|:
 * a firm first met there shares at most |x| − j bigrams with the query (length filtering, as in PPJoin; Xiao et
 * al. 2011). A common bigram such as 泵业 is then read only for the few firms as short as the query allows.
 * Firms can be added after construction (an import adds the firms it writes). The index takes core names and
 * reads their bigrams (bigrams.ts bigramsOf: the same set, with the boundary markers ^ and $) straight from the
 * characters as integers: an import adds a firm for every row it writes, and making the bigram strings took
 * longer than indexing them. Inside, bigrams are numbered and each firm's set is a sorted Int32Array: Dice over
 * integers is several times faster than over strings, and a common bigram's posting list may hold thousands
 * of firms.
 */
export class FirmIndex {
  /** bigram → id: two characters of the Basic Multilingual Plane as (a << 16) | b, any other pair by its text */
  private readonly pairIds = new IntTable();
  private readonly otherIds = new Map<string, number>();
  /**
   * Postings as linked lists in flat arrays (a registry has hundreds of thousands of bigrams, most of them in one
   * trade name: one array each kept the collector busy): (bigram id, set size) → its newest entry; per entry, the
   * firm and the next (older) entry, −1 at the end.
   */
  private readonly heads = new IntTable();
  private entryFirm: Int32Array = new Int32Array(4096);
  private entryNext: Int32Array = new Int32Array(4096);
  private entries = 0;
  /** the largest set size indexed */
  private largestSize = 0;
  /** bigram id → how many firms have it */
  private frequency: Int32Array = new Int32Array(4096);
  private bigrams = 0;
  /** a key's character (code point) → its list in keyLists: the firms whose key has it, in the order added */
  private readonly byKeyChar = new IntTable();
  private readonly keyLists: number[][] = [];
  /** firm i's sorted, distinct bigram ids are setIds[setStart[i] .. setStart[i + 1]) (one growing array, not one per firm) */
  private setIds: Int32Array = new Int32Array(4096);
  private setStart: Int32Array = new Int32Array(1025);
  private count = 0;
  /** per firm, the number of the last query pass that visited it: a visited-set without allocating one per query */
  private visited = new Uint32Array(1024);
  private pass = 0;

  /** `keys` (optional, per firm): trade names for the looser shared-character rule of `query`. */
  constructor(cores: readonly string[] = [], keys: readonly string[] = []) {
    for (const [i, core] of cores.entries()) this.add(core, keys[i]);
  }

  get size(): number {
    return this.count;
  }

  /** Adds one firm by its core name (and, optionally, its key); it gets the next index, which is returned. */
  add(core: string, key?: string): number {
    const i = this.count++;
    const start = this.setStart[i] ?? 0;
    // a core of n code units has at most n + 1 bigrams
    if (start + core.length + 1 > this.setIds.length) this.setIds = grown(this.setIds, start + core.length + 1);
    if (i + 2 > this.setStart.length) this.setStart = grown(this.setStart, i + 2);
    // ids of the bigrams, sorted by insertion (a name has a handful) and deduplicated in place
    let end = start;
    forEachBigram(core, (a, b) => {
      const id = this.idOf(a, b, true);
      let at = end;
      while (at > start && (this.setIds[at - 1] ?? 0) > id) {
        this.setIds[at] = this.setIds[at - 1] ?? 0;
        at--;
      }
      if (at > start && this.setIds[at - 1] === id) {
        this.setIds.copyWithin(at, at + 1, end + 1); // already there: undo the shift
        return;
      }
      this.setIds[at] = id;
      end++;
    });
    this.setStart[i + 1] = end;
    const size = end - start;
    if (this.entries + size > this.entryFirm.length) {
      this.entryFirm = grown(this.entryFirm, this.entries + size);
      this.entryNext = grown(this.entryNext, this.entries + size);
    }
    for (let k = start; k < end; k++) {
      const id = this.setIds[k] ?? 0;
      const head = postingKey(id, size);
      const e = this.entries++;
      this.entryFirm[e] = i;
      this.entryNext[e] = this.heads.get(head);
      this.heads.set(head, e);
      this.frequency[id] = (this.frequency[id] ?? 0) + 1;
    }
    if (size > this.largestSize) this.largestSize = size;
    if (i >= this.visited.length) {
      const grown = new Uint32Array(this.visited.length * 2);
      grown.set(this.visited);
      this.visited = grown;
    }
    if (key !== undefined) {
      forEachDistinctCharacter(key, (c) => {
        const list = this.byKeyChar.get(c);
        if (list >= 0) this.keyLists[list]?.push(i);
        else {
          this.byKeyChar.set(c, this.keyLists.length);
          this.keyLists.push([i]);
        }
      });
    }
    return i;
  }

  /**
   * Indexes of firms whose bigram Dice with the core `query` is ≥ threshold, with that Dice; with `shared`, also
   * firms whose key shares a character with `shared.key` and whose Dice is ≥ `shared.threshold`.
   */
  query(query: string, threshold: number, shared?: { key: string; threshold: number }): { index: number; dice: number }[] {
    // A bigram no firm has gets a negative id of its own: it counts in |x| and matches nothing.
    const known = new Set<number>();
    const unknown = new Set<string>();
    forEachBigram(query, (a, b) => {
      const id = this.idOf(a, b, false);
      if (id >= 0) known.add(id);
      else unknown.add(String.fromCodePoint(a, b));
    });
    if (known.size + unknown.size === 0) return [];
    const ids = Int32Array.from([...known, ...Array.from(unknown, (_, k) => -1 - k)]).sort();
    const frequencyOf = (id: number) => (id >= 0 ? (this.frequency[id] ?? 0) : 0);
    const byRarity = [...ids].sort((a, b) => frequencyOf(a) - frequencyOf(b));
    const out: { index: number; dice: number }[] = [];
    let pass = this.nextPass();
    const size = ids.length;
    for (const [j, id] of byRarity.slice(0, prefixLength(size, threshold)).entries()) {
      if (id < 0) continue;
      const largest = Math.min(this.largestSize, Math.floor((2 * (size - j)) / threshold - size + 1e-9));
      for (let other = 1; other <= Math.min(largest, SIZE_CAP); other++) {
        for (let e = this.heads.get(postingKey(id, other)); e >= 0; e = this.entryNext[e] ?? -1) {
          const i = this.entryFirm[e] ?? 0;
          if (this.visited[i] === pass || (other === SIZE_CAP && this.sizeOf(i) > largest)) continue;
          this.visited[i] = pass;
          const dice = this.diceWith(ids, i);
          if (dice >= threshold) out.push({ index: i, dice });
        }
      }
    }
    if (shared === undefined) return out;
    pass = this.nextPass();
    forEachDistinctCharacter(shared.key, (c) => {
      for (const i of this.keyLists[this.byKeyChar.get(c)] ?? []) {
        if (this.visited[i] === pass) continue;
        this.visited[i] = pass;
        const dice = this.diceWith(ids, i);
        // pairs at or above the strict threshold were found by the first pass
        if (dice >= shared.threshold && dice < threshold) out.push({ index: i, dice });
      }
    });
    return out;
  }

  /** Sørensen–Dice of the sorted, distinct ids `a` and firm i's set (bigrams.ts diceSorted, on ids). */
  private diceWith(a: Int32Array, i: number): number {
    const start = this.setStart[i] ?? 0;
    const end = this.setStart[i + 1] ?? 0;
    if (a.length + end - start === 0) return 0;
    return (2 * overlap(a, this.setIds, start, end)) / (a.length + end - start);
  }

  private sizeOf(i: number): number {
    return (this.setStart[i + 1] ?? 0) - (this.setStart[i] ?? 0);
  }

  /** The id of bigram (a, b), code points; a new one when `create`, else −1 for a bigram no firm has. */
  private idOf(a: number, b: number, create: boolean): number {
    const isPair = a <= 0xffff && b <= 0xffff;
    const text = isPair ? '' : String.fromCodePoint(a, b);
    const known = isPair ? this.pairIds.get((a << 16) | b) : (this.otherIds.get(text) ?? -1);
    if (known >= 0 || !create) return known;
    const id = this.bigrams++;
    if (isPair) this.pairIds.set((a << 16) | b, id);
    else this.otherIds.set(text, id);
    if (id >= this.frequency.length) this.frequency = grown(this.frequency, id + 1);
    return id;
  }

  private nextPass(): number {
    if (this.pass === 0xffffffff) {
      this.visited.fill(0);
      this.pass = 0;
    }
    return ++this.pass;
  }
}

/** Sets this large or larger share one posting list per bigram (no firm name comes near). */
const SIZE_CAP = 255;

/** (bigram id, set size) as one number: a Smi for the first 8 million bigrams, exact beyond */
function postingKey(id: number, size: number): number {
  return id * (SIZE_CAP + 1) + Math.min(size, SIZE_CAP);
}

const START = 0x5e; // ^
const END = 0x24; // $

/** Calls `visit` with the code points of each bigram of bigramsOf(core), in order and with repeats: no strings made. */
function forEachBigram(core: string, visit: (a: number, b: number) => void): void {
  if (core.length === 0) return;
  let previous = START;
  for (let k = 0; k < core.length; k++) {
    const c = core.codePointAt(k) ?? 0;
    if (c > 0xffff) k++;
    visit(previous, c);
    previous = c;
  }
  visit(previous, END);
}

/**
 * Integer keys → non-negative integers, by open addressing in two typed arrays: an index holds hundreds of
 * thousands of bigrams and posting lists, and a Map entry per key cost the import more time than the lookups.
 * Keys are exact for any safe integer; −1 means absent.
 */
class IntTable {
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024).fill(-1);
  private count = 0;

  get(key: number): number {
    const mask = this.values.length - 1;
    for (let slot = slotOf(key, mask); ; slot = (slot + 1) & mask) {
      const value = this.values[slot] ?? -1;
      if (value < 0 || this.keys[slot] === key) return value;
    }
  }

  set(key: number, value: number): void {
    const mask = this.values.length - 1;
    for (let slot = slotOf(key, mask); ; slot = (slot + 1) & mask) {
      if ((this.values[slot] ?? -1) < 0) {
        this.keys[slot] = key;
        this.values[slot] = value;
        if (++this.count * 2 > this.values.length) this.grow();
        return;
      }
      if (this.keys[slot] === key) {
        this.values[slot] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(values.length * 2);
    this.values = new Int32Array(values.length * 2).fill(-1);
    this.count = 0;
    for (let slot = 0; slot < values.length; slot++) if ((values[slot] ?? -1) >= 0) this.set(keys[slot] ?? 0, values[slot] ?? 0);
  }
}

/** Calls `visit` with each code point of `text` once, in order of first occurrence (a key's characters). */
function forEachDistinctCharacter(text: string, visit: (c: number) => void): void {
  for (let at = 0; at < text.length; at++) {
    const c = text.codePointAt(at) ?? 0;
    let isRepeat = false;
    for (let k = 0; k < at && !isRepeat; k++) {
      const d = text.codePointAt(k) ?? 0;
      isRepeat = d === c;
      if (d > 0xffff) k++;
    }
    if (c > 0xffff) at++;
    if (!isRepeat) visit(c);
  }
}

/** A key's first slot: its low and high 32 bits mixed (Murmur3's finaliser), masked to the table. */
function slotOf(key: number, mask: number): number {
  let h = (key | 0) ^ Math.imul((key / 0x100000000) | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}

function grown(array: Int32Array, atLeast: number): Int32Array {
  const next = new Int32Array(Math.max(atLeast, array.length * 2));
  next.set(array);
  return next;
}
