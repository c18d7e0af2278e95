/**
 * A binary min-heap of (key, value) pairs on typed arrays, growing by doubling. Dijkstra uses it lazily: a
 * vertex is pushed again when its distance improves and stale entries are skipped when popped, which beats a
 * decrease-key heap on sparse road graphs and keeps the heap code short.
 */
export class MinHeap {
  private keys: Float64Array;
  private values: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(Math.max(capacity, 16));
    this.values = new Int32Array(Math.max(capacity, 16));
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const values = this.values;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent] ?? 0;
      if (pk <= key) break;
      keys[i] = pk;
      values[i] = values[parent] ?? 0;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** The smallest key; only meaningful when size > 0. */
  peekKey(): number {
    return this.keys[0] ?? Number.POSITIVE_INFINITY;
  }

  /** Removes the smallest entry and returns its value; only call when size > 0. */
  pop(): number {
    const keys = this.keys;
    const values = this.values;
    const top = values[0] ?? 0;
    const last = --this.size;
    if (last === 0) return top;
    const key = keys[last] ?? 0;
    const value = values[last] ?? 0;
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      let ck = keys[child] ?? 0;
      const right = child + 1;
      if (right < last) {
        const rk = keys[right] ?? 0;
        if (rk < ck) {
          child = right;
          ck = rk;
        }
      }
      if (ck >= key) break;
      keys[i] = ck;
      values[i] = values[child] ?? 0;
      i = child;
    }
    keys[i] = key;
    values[i] = value;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const values = new Int32Array(this.values.length * 2);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
  }
}
