import { describe, expect, it } from 'vitest';
import { readReferenceCsv, readReferenceEdges, referenceColumn } from '../../../tests/helpers/reference.ts';
import { indexEdges } from './edgeList.ts';
import { pagerank } from './pagerank.ts';

function edgesOf(list: [string, string, number][]) {
  return indexEdges(list.map(([source, target, weight]) => ({ source, target, weight })));
}

/** Largest per-vertex difference between our vector (in `ids` order) and a reference column keyed by node. */
function maxDiffToReference(ids: string[], ours: Float64Array, column: string): number {
  const table = readReferenceCsv('graph2k_pagerank.csv');
  const nodes = referenceColumn(table, 'node');
  const values = referenceColumn(table, column).map(Number);
  const expected = new Map(nodes.map((node, i) => [node, values[i] ?? Number.NaN]));
  expect(expected.size).toBe(ids.length);
  let worst = 0;
  ids.forEach((id, v) => {
    worst = Math.max(worst, Math.abs((ours[v] ?? Number.NaN) - (expected.get(id) ?? Number.NaN)));
  });
  return worst;
}

describe('pagerank', () => {
  const graph2k = readReferenceEdges('graph2k_edges.csv');

  it('matches the exact weighted PageRank of the 2k supply graph to 1e-9 per node', () => {
    expect(maxDiffToReference(graph2k.ids, pagerank(graph2k.edges), 'pr_w_exact')).toBeLessThan(1e-9);
  });

  it('matches the exact unweighted PageRank of the 2k supply graph to 1e-9 per node', () => {
    expect(maxDiffToReference(graph2k.ids, pagerank(graph2k.edges, { weighted: false }), 'pr_u_exact')).toBeLessThan(1e-9);
  });

  it('is further from the exact vector with a loose tolerance (the tolerance is honoured)', () => {
    const loose = maxDiffToReference(graph2k.ids, pagerank(graph2k.edges, { tolerance: 1e-3 }), 'pr_w_exact');
    expect(loose).toBeGreaterThan(1e-9);
  });

  it('does not mutate its input', () => {
    const { edges } = edgesOf([['a', 'b', 2], ['b', 'c', 1], ['c', 'a', 3]]);
    const copy = { src: edges.src.slice(), dst: edges.dst.slice(), w: edges.w.slice() };
    pagerank(edges);
    expect(edges.src).toEqual(copy.src);
    expect(edges.dst).toEqual(copy.dst);
    expect(edges.w).toEqual(copy.w);
  });

  it('spreads dangling mass uniformly (a→b alone: closed form)', () => {
    // x_a = (1-d)/2 + d·x_b/2, x_b = (1-d)/2 + d·x_a + d·x_b/2 → x_a = 1/(2+d), x_b = (1+d)/(2+d).
    const d = 0.85;
    const pr = pagerank(edgesOf([['a', 'b', 5]]).edges, { damping: d });
    expect(pr[0]).toBeCloseTo(1 / (2 + d), 14);
    expect(pr[1]).toBeCloseTo((1 + d) / (2 + d), 14);
  });

  it('sums parallel edges: two edges a→b of 1 and 2 equal one of 3', () => {
    const parallel = pagerank(edgesOf([['a', 'b', 1], ['a', 'b', 2], ['a', 'c', 3], ['c', 'a', 1]]).edges);
    const merged = pagerank(edgesOf([['a', 'b', 3], ['a', 'c', 3], ['c', 'a', 1]]).edges);
    for (let v = 0; v < 3; v++) expect(parallel[v]).toBeCloseTo(merged[v] ?? 0, 14);
  });

  it('keeps self loops as ordinary edges of the random walk', () => {
    // a↺ (w 3) and a→b (w 1), b dangling: the plain power iteration written out by hand.
    const d = 0.85;
    const pr = pagerank(edgesOf([['a', 'a', 3], ['a', 'b', 1]]).edges, { damping: d });
    let xa = 0.5;
    let xb = 0.5;
    for (let i = 0; i < 2000; i++) {
      const na = (1 - d) / 2 + d * 0.75 * xa + (d * xb) / 2;
      const nb = (1 - d) / 2 + d * 0.25 * xa + (d * xb) / 2;
      xa = na;
      xb = nb;
    }
    expect(pr[0]).toBeCloseTo(xa, 12);
    expect(pr[1]).toBeCloseTo(xb, 12);
    expect((pr[0] ?? 0) + (pr[1] ?? 0)).toBeCloseTo(1, 14);
  });

  it('treats a vertex whose out-edges all weigh 0 as dangling', () => {
    const zero = pagerank(edgesOf([['a', 'b', 0], ['b', 'c', 1]]).edges);
    const none = pagerank(edgesOf([['b', 'c', 1], ['a', 'a', 0]]).edges);
    // vertex order differs: zero = [a, b, c], none = [b, c, a]
    expect(zero[0]).toBeCloseTo(none[2] ?? 0, 14);
    expect(zero[1]).toBeCloseTo(none[0] ?? 0, 14);
    expect(zero[2]).toBeCloseTo(none[1] ?? 0, 14);
  });

  it('gives the uniform vector on a graph without edges and nothing on an empty graph', () => {
    expect(Array.from(pagerank({ n: 4, src: new Int32Array(0), dst: new Int32Array(0), w: new Float64Array(0) }))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(pagerank({ n: 0, src: new Int32Array(0), dst: new Int32Array(0), w: new Float64Array(0) })).toHaveLength(0);
  });

  it('rejects a damping outside [0, 1)', () => {
    const { edges } = edgesOf([['a', 'b', 1]]);
    expect(() => pagerank(edges, { damping: 1 })).toThrow(/damping/);
    expect(() => pagerank(edges, { damping: -0.1 })).toThrow(/damping/);
  });

  it('gives the same vector when it runs again after a larger and a smaller graph (its memory is reused)', () => {
    const { edges } = edgesOf([['a', 'b', 2], ['b', 'c', 1], ['c', 'a', 3], ['c', 'c', 1], ['d', 'a', 1]]);
    const first = pagerank(edges);
    pagerank(graph2k.edges);
    pagerank(edgesOf([['x', 'y', 1]]).edges);
    expect(Array.from(pagerank(edges))).toEqual(Array.from(first));
    expect(maxDiffToReference(graph2k.ids, pagerank(graph2k.edges), 'pr_w_exact')).toBeLessThan(1e-9);
  });

  it('names the first bad edge: an index outside 0..n-1, a negative or an infinite weight', () => {
    const edge = (src: number, dst: number, w: number) => ({ n: 3, src: Int32Array.of(0, src), dst: Int32Array.of(1, dst), w: Float64Array.of(1, w) });
    expect(() => pagerank(edge(0, 3, 1))).toThrow('edge list: edge 1 joins 0→3, outside 0..2');
    expect(() => pagerank(edge(-1, 2, 1))).toThrow('edge list: edge 1 joins -1→2, outside 0..2');
    expect(() => pagerank(edge(0, 2, -2))).toThrow('edge list: edge 1 has weight -2; weights must be finite and ≥ 0');
    expect(() => pagerank(edge(0, 2, Number.POSITIVE_INFINITY))).toThrow('edge 1 has weight Infinity');
    expect(() => pagerank(edge(0, 2, Number.NaN))).toThrow('edge 1 has weight NaN');
  });

  it('agrees with a plain power iteration on a random graph of 5,000 vertices with loops and parallel edges', () => {
    const rng = mulberry32(7);
    const n = 5000;
    const m = 60_000;
    const src = Int32Array.from({ length: m }, () => Math.floor(rng() * n * 0.9)); // the last 10 % are dangling
    const dst = Int32Array.from({ length: m }, () => Math.floor(rng() * n));
    const w = Float64Array.from({ length: m }, () => Math.round(rng() * 1000) / 100);
    const ours = pagerank({ n, src, dst, w });
    const reference = powerIteration(n, src, dst, w, 0.85);
    let l1 = 0;
    for (let v = 0; v < n; v++) l1 += Math.abs((ours[v] ?? 0) - (reference[v] ?? 0));
    expect(l1).toBeLessThan(1e-10);
  });
});

/** Deterministic test numbers (mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The textbook iteration x ← (1−d)/n + d·(Pᵀx + dangling mass/n), run until it stops moving. */
function powerIteration(n: number, src: Int32Array, dst: Int32Array, w: Float64Array, d: number): Float64Array {
  const out = new Float64Array(n);
  for (let e = 0; e < src.length; e++) out[src[e] ?? 0] = (out[src[e] ?? 0] ?? 0) + (w[e] ?? 0);
  let x = new Float64Array(n).fill(1 / n);
  for (let iteration = 0; iteration < 1000; iteration++) {
    let dangling = 0;
    for (let u = 0; u < n; u++) if ((out[u] ?? 0) === 0) dangling += x[u] ?? 0;
    const next = new Float64Array(n).fill((1 - d) / n + (d * dangling) / n);
    for (let e = 0; e < src.length; e++) {
      const u = src[e] ?? 0;
      next[dst[e] ?? 0] = (next[dst[e] ?? 0] ?? 0) + (d * (w[e] ?? 0) * (x[u] ?? 0)) / (out[u] ?? 1);
    }
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs((next[v] ?? 0) - (x[v] ?? 0));
    x = next;
    if (change < 1e-14) break;
  }
  return x;
}
