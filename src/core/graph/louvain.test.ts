import { describe, expect, it } from 'vitest';
import { readReferenceEdges } from '../../../tests/helpers/reference.ts';
import { type EdgeList, indexEdges } from './edgeList.ts';
import { louvain } from './louvain.ts';
import { modularity } from './modularity.ts';
import { pagerank } from './pagerank.ts';

function clique(prefix: string, size: number): { source: string; target: string; weight: number }[] {
  const rows = [];
  for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) rows.push({ source: `${prefix}${i}`, target: `${prefix}${j}`, weight: 1 });
  return rows;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return ((sorted[Math.floor(mid - 0.5)] ?? 0) + (sorted[Math.ceil(mid - 0.5)] ?? 0)) / 2;
}

const empty = (n: number): EdgeList => ({ n, src: new Int32Array(0), dst: new Int32Array(0), w: new Float64Array(0) });

describe('louvain', () => {
  const graph2k = readReferenceEdges('graph2k_undirected_edges.csv');

  it('reaches a median modularity ≥ 0.745 over seeds 0–9 on the 2k supply graph (NetworkX 0.7460, igraph 0.7461)', () => {
    const results = Array.from({ length: 10 }, (_, seed) => louvain(graph2k.edges, { seed }));
    expect(median(results.map((r) => r.modularity))).toBeGreaterThanOrEqual(0.745);
    for (const r of results) expect(r.modularity).toBeCloseTo(modularity(graph2k.edges, r.community), 14);
  });

  it('gives the same quality from the directed file as from its undirected projection', () => {
    const directed = readReferenceEdges('graph2k_edges.csv');
    const a = louvain(directed.edges, { seed: 3 });
    const b = louvain(graph2k.edges, { seed: 3 });
    expect(Math.abs(a.modularity - b.modularity)).toBeLessThan(0.01);
    expect(a.levels).toBeGreaterThan(1);
  });

  it('is reproducible for a seed and numbers communities 0..k-1 in order of their lowest vertex', () => {
    const a = louvain(graph2k.edges, { seed: 7 });
    const b = louvain(graph2k.edges, { seed: 7 });
    expect(b.community).toEqual(a.community);
    let next = 0;
    for (const c of a.community) {
      expect(c).toBeLessThanOrEqual(next);
      if (c === next) next++;
    }
  });

  it('splits two 5-cliques joined by one edge into the two cliques', () => {
    const { ids, edges } = indexEdges([...clique('a', 5), ...clique('b', 5), { source: 'a0', target: 'b0', weight: 1 }]);
    const { community, modularity: q, levels } = louvain(edges, { seed: 1 });
    const communityOf = new Map(ids.map((id, v) => [id, community[v]]));
    for (let i = 1; i < 5; i++) {
      expect(communityOf.get(`a${i}`)).toBe(communityOf.get('a0'));
      expect(communityOf.get(`b${i}`)).toBe(communityOf.get('b0'));
    }
    expect(communityOf.get('a0')).not.toBe(communityOf.get('b0'));
    // m = 21, each clique L = 10, degree 21 → 2·(10/21 − 1/4)
    expect(q).toBeCloseTo(2 * (10 / 21 - 0.25), 14);
    expect(levels).toBeGreaterThanOrEqual(1);
  });

  it('merges more at a lower resolution: γ = 0.01 puts the two cliques together', () => {
    const { edges } = indexEdges([...clique('a', 5), ...clique('b', 5), { source: 'a0', target: 'b0', weight: 1 }]);
    expect(new Set(louvain(edges, { resolution: 0.01 }).community).size).toBe(1);
  });

  it('keeps a vertex with only a self loop alone and ignores dangling direction', () => {
    const { ids, edges } = indexEdges([...clique('a', 4), { source: 's', target: 's', weight: 5 }, { source: 'x', target: 'a0', weight: 1 }]);
    const { community } = louvain(edges);
    const s = ids.indexOf('s');
    expect(community.filter((c) => c === community[s])).toHaveLength(1);
    expect(community[ids.indexOf('x')]).toBe(community[ids.indexOf('a0')]);
  });

  it('leaves every vertex alone on a graph without edges, and handles the empty graph', () => {
    expect(louvain(empty(3))).toEqual({ community: Int32Array.from([0, 1, 2]), modularity: 0, levels: 0 });
    expect(louvain(empty(0))).toEqual({ community: new Int32Array(0), modularity: 0, levels: 0 });
  });

  it('rejects a negative resolution', () => {
    expect(() => louvain(empty(1), { resolution: -1 })).toThrow(/resolution/);
  });
});

describe('graph input checks', () => {
  const bad: [string, EdgeList][] = [
    ['a vertex index outside 0..n-1', { n: 2, src: Int32Array.from([0]), dst: Int32Array.from([2]), w: Float64Array.from([1]) }],
    ['a negative weight', { n: 2, src: Int32Array.from([0]), dst: Int32Array.from([1]), w: Float64Array.from([-1]) }],
    ['a NaN weight', { n: 2, src: Int32Array.from([0]), dst: Int32Array.from([1]), w: Float64Array.from([Number.NaN]) }],
    ['arrays of different lengths', { n: 2, src: Int32Array.from([0, 1]), dst: Int32Array.from([1]), w: Float64Array.from([1]) }],
  ];
  it.each(bad)('louvain, pagerank and modularity reject %s', (_, edges) => {
    expect(() => louvain(edges)).toThrow(/edge list/);
    expect(() => pagerank(edges)).toThrow(/edge list/);
    expect(() => modularity(edges, Int32Array.from([0, 1]))).toThrow(/edge list/);
  });

  it('louvain does not mutate its input', () => {
    const { edges } = indexEdges([...clique('a', 4), { source: 'a0', target: 'b', weight: 2 }]);
    const copy = { src: edges.src.slice(), dst: edges.dst.slice(), w: edges.w.slice() };
    louvain(edges);
    expect(edges).toEqual({ n: edges.n, ...copy });
  });
});
