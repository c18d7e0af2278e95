import { describe, expect, it } from 'vitest';
import { readReferenceCsv, readReferenceEdges, readReferenceJson, referenceColumn } from '../../../tests/helpers/reference.ts';
import { indexEdges } from './edgeList.ts';
import { modularity } from './modularity.ts';

const PARTITIONS = ['planted', 'nx_louvain_undirected', 'igraph_multilevel_undirected', 'igraph_leiden_modularity_undirected'] as const;

/** A stored partition of graph2k in the vertex order of `ids`. */
function partitionOf(ids: string[], column: string): Int32Array {
  const table = readReferenceCsv('graph2k_louvain.csv');
  const nodes = referenceColumn(table, 'node');
  const labels = referenceColumn(table, column);
  const byNode = new Map(nodes.map((node, i) => [node, Number(labels[i])]));
  return Int32Array.from(ids, (id) => byNode.get(id) ?? Number.NaN);
}

/** The stored modularity of each partition column: the best run of each method, and the planted one. */
function storedModularity(column: string): number {
  const best = readReferenceJson('graph2k_modularity_best.json');
  if (typeof best !== 'object' || best === null) throw new Error('graph2k_modularity_best.json is not an object');
  const key = column === 'planted' ? 'planted_undirected' : column;
  const value: unknown = Object.entries(best).find(([name]) => name === key)?.[1];
  if (typeof value !== 'number') throw new Error(`no stored modularity for ${key}`);
  return value;
}

describe('modularity', () => {
  const directed = readReferenceEdges('graph2k_edges.csv');
  const undirected = readReferenceEdges('graph2k_undirected_edges.csv');

  it.each(PARTITIONS)('equals the stored modularity of the %s partition to 1e-12 (undirected edge file)', (column) => {
    expect(Math.abs(modularity(undirected.edges, partitionOf(undirected.ids, column)) - storedModularity(column))).toBeLessThan(1e-12);
  });

  it.each(PARTITIONS)('equals it too on the directed file, projected by summing both directions (%s)', (column) => {
    expect(Math.abs(modularity(directed.edges, partitionOf(directed.ids, column)) - storedModularity(column))).toBeLessThan(1e-12);
  });

  it('scores two triangles joined by one edge by hand: Q = 2·(3/7 − (7/14)²) = 5/14', () => {
    const { edges } = indexEdges(
      [['a', 'b'], ['b', 'c'], ['a', 'c'], ['d', 'e'], ['e', 'f'], ['d', 'f'], ['c', 'd']].map(([source = '', target = '']) => ({ source, target, weight: 1 })),
    );
    expect(modularity(edges, Int32Array.from([0, 0, 0, 1, 1, 1]))).toBeCloseTo(5 / 14, 15);
    expect(modularity(edges, Int32Array.from([0, 0, 0, 0, 0, 0]))).toBeCloseTo(0, 15);
    // γ = 0.5 halves the expected-edge term: 2·(3/7 − 0.5·1/4)
    expect(modularity(edges, Int32Array.from([7, 7, 7, -3, -3, -3]), 0.5)).toBeCloseTo(2 * (3 / 7 - 0.125), 15);
  });

  it('counts a self loop once inside its community and twice in its degree (NetworkX convention)', () => {
    const { edges } = indexEdges([
      { source: 'a', target: 'a', weight: 2 },
      { source: 'a', target: 'b', weight: 1 },
    ]);
    // m = 3; community {a}: L = 2, degree 5; {b}: L = 0, degree 1 → 2/3 − (5/6)² − (1/6)²
    expect(modularity(edges, Int32Array.from([0, 1]))).toBeCloseTo(2 / 3 - 25 / 36 - 1 / 36, 15);
  });

  it('is 0 for a graph without weight and rejects a partition of the wrong length', () => {
    expect(modularity({ n: 2, src: new Int32Array(0), dst: new Int32Array(0), w: new Float64Array(0) }, Int32Array.from([0, 1]))).toBe(0);
    expect(() => modularity({ n: 2, src: new Int32Array(0), dst: new Int32Array(0), w: new Float64Array(0) }, Int32Array.from([0]))).toThrow(/2 vertices/);
  });
});
