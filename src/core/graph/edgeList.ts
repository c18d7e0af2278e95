/** A weighted edge list over dense vertex indices 0..n-1 (parallel edges allowed; summed by the algorithms). */
export interface EdgeList {
  n: number;
  src: Int32Array;
  dst: Int32Array;
  w: Float64Array;
}

/**
 * Collects edges with string ids into typed arrays, growing them by doubling, so that a 2M-row CSV can be
 * streamed in without an intermediate array of row objects. Ids get dense indices in first-seen order
 * (a row's source before its target).
 */
export class EdgeListBuilder {
  private readonly index = new Map<string, number>();
  readonly ids: string[] = [];
  private src = new Int32Array(1024);
  private dst = new Int32Array(1024);
  private w = new Float64Array(1024);
  private m = 0;

  /** Adds one directed edge; the weight must be finite and ≥ 0 (callers name the offending row). */
  add(source: string, target: string, weight: number): void {
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`edge ${source}→${target}: weight must be a finite number ≥ 0, got ${weight}`);
    if (this.m === this.src.length) this.grow();
    this.src[this.m] = this.vertex(source);
    this.dst[this.m] = this.vertex(target);
    this.w[this.m] = weight;
    this.m++;
  }

  get edgeCount(): number {
    return this.m;
  }

  finish(): { ids: string[]; edges: EdgeList } {
    return {
      ids: this.ids,
      edges: { n: this.ids.length, src: this.src.slice(0, this.m), dst: this.dst.slice(0, this.m), w: this.w.slice(0, this.m) },
    };
  }

  private vertex(id: string): number {
    let v = this.index.get(id);
    if (v === undefined) {
      v = this.ids.length;
      this.index.set(id, v);
      this.ids.push(id);
    }
    return v;
  }

  private grow(): void {
    const size = this.src.length * 2;
    const src = new Int32Array(size);
    const dst = new Int32Array(size);
    const w = new Float64Array(size);
    src.set(this.src);
    dst.set(this.dst);
    w.set(this.w);
    this.src = src;
    this.dst = dst;
    this.w = w;
  }
}

/** Turns rows with string ids into an EdgeList; `ids[i]` is the id of vertex i (first-seen order). */
export function indexEdges(rows: Iterable<{ source: string; target: string; weight: number }>): { ids: string[]; edges: EdgeList } {
  const builder = new EdgeListBuilder();
  for (const row of rows) builder.add(row.source, row.target, row.weight);
  return builder.finish();
}

/** Throws unless every index lies in 0..n-1, the arrays have one length and every weight is finite and ≥ 0. */
export function assertEdgeList(edges: EdgeList): void {
  const { n, src, dst, w } = edges;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`edge list: n must be an integer ≥ 0, got ${n}`);
  if (dst.length !== src.length || w.length !== src.length) throw new RangeError('edge list: src, dst and w must have the same length');
  // One branch-free test per edge (`>>> 0` makes a negative index huge; NaN fails every comparison); the
  // offending edge is looked up only when something is wrong.
  let isValid = true;
  for (let e = 0; e < src.length; e++) {
    const weight = w[e] ?? Number.NaN;
    isValid = isValid && (src[e] ?? -1) >>> 0 < n && (dst[e] ?? -1) >>> 0 < n && weight >= 0 && weight < Number.POSITIVE_INFINITY;
  }
  if (isValid) return;
  for (let e = 0; e < src.length; e++) {
    const u = src[e] ?? -1;
    const v = dst[e] ?? -1;
    const weight = w[e] ?? Number.NaN;
    if (u < 0 || u >= n || v < 0 || v >= n) throw new RangeError(`edge list: edge ${e} joins ${u}→${v}, outside 0..${n - 1}`);
    if (!(weight >= 0) || weight === Number.POSITIVE_INFINITY) throw new RangeError(`edge list: edge ${e} has weight ${weight}; weights must be finite and ≥ 0`);
  }
}
