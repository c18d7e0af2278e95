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
});
