import { describe, expect, it } from 'vitest';
import { haversineMeters } from './haversine.ts';
import { buildRoadGraph } from './roadGraph.ts';
import { buildTestNetwork, TEST_COORDS, vertexOf } from './testNetwork.ts';

describe('buildRoadGraph', () => {
  it('has a vertex for every node of every routable way, intermediate nodes included, and none for unrouted ways', () => {
    const g = buildTestNetwork();
    expect([...g.osmIds].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('has one segment per consecutive node pair and directed edges per allowed direction', () => {
    const g = buildTestNetwork();
    expect(g.segments.count).toBe(6); // 1-2, 2-3, 2-4, 3-5, 5-4, 6-7
    expect(g.targets.length).toBe(2 * 4 + 2); // four two-way segments, two one-way
    const out = (osm: number) => {
      const v = vertexOf(g, osm);
      return [...g.targets.subarray(g.offsets[v], g.offsets[v + 1])].map((w) => g.osmIds[w]).sort();
    };
    expect(out(3)).toEqual([2, 5]);
    expect(out(5)).toEqual([4]);
    expect(out(4)).toEqual([2]); // 4 → 5 would be against the one-way
  });

  it('costs each edge its haversine length at the class speed', () => {
    const g = buildTestNetwork();
    const v1 = vertexOf(g, 1);
    const e = g.offsets[v1] ?? 0;
    const [lon1, lat1] = TEST_COORDS.get(1) ?? [0, 0];
    const [lon2, lat2] = TEST_COORDS.get(2) ?? [0, 0];
    expect(g.seconds[e]).toBeCloseTo(haversineMeters(lon1, lat1, lon2, lat2) / (25 / 3.6), 9);
  });

  it('keeps a reverse graph that lists every forward edge under its head', () => {
    const g = buildTestNetwork();
    const forward: string[] = [];
    const reverse: string[] = [];
    for (let v = 0; v < g.vertexCount; v++) {
      for (let e = g.offsets[v] ?? 0; e < (g.offsets[v + 1] ?? 0); e++) forward.push(`${v}>${g.targets[e]}@${g.seconds[e]}`);
      for (let e = g.reverse.offsets[v] ?? 0; e < (g.reverse.offsets[v + 1] ?? 0); e++) reverse.push(`${g.reverse.targets[e]}>${v}@${g.reverse.seconds[e]}`);
    }
    expect(reverse.sort()).toEqual(forward.sort());
  });

  it('leaves out nodes without coordinates and the pieces touching them, and repeated consecutive nodes', () => {
    const g = buildRoadGraph([{ id: 1, nodeIds: [1, 2, 2, 99, 3], tags: { highway: 'primary' } }], (id) => TEST_COORDS.get(id));
    expect([...g.osmIds]).toEqual([1, 2, 3]);
    expect(g.segments.count).toBe(1);
  });
});
