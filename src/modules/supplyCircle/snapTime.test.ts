import { describe, expect, it } from 'vitest';
import { driveTimes, seedsOf } from '../../core/geo/driveTimes.ts';
import { buildRoadGraph, type WayInput } from '../../core/geo/roadGraph.ts';
import { snap } from '../../core/geo/snap.ts';
import { Rng } from '../../core/random/seeded.ts';
import { secondsToSiteFrom } from './snapTime.ts';

/** A 6×6 grid of two-way residential streets with a one-way row and a one-way column (100 m apart, 25 km/h). */
function gridGraph() {
  const coords = new Map<number, [number, number]>();
  const ways: WayInput[] = [];
  const id = (i: number, j: number) => 100 + j * 10 + i;
  for (let j = 0; j < 6; j++) for (let i = 0; i < 6; i++) coords.set(id(i, j), [121 + i * 0.001, 28 + j * 0.0009]);
  for (let j = 0; j < 6; j++) ways.push({ id: ways.length + 1, nodeIds: [0, 1, 2, 3, 4, 5].map((i) => id(i, j)), tags: { highway: 'residential', ...(j === 2 ? { oneway: 'yes' } : {}) } });
  for (let i = 0; i < 6; i++) ways.push({ id: ways.length + 1, nodeIds: [0, 1, 2, 3, 4, 5].map((j) => id(i, j)), tags: { highway: i === 3 ? 'secondary' : 'residential', ...(i === 4 ? { oneway: '-1' } : {}) } });
  return buildRoadGraph(ways, (n) => coords.get(n));
}

/** The same drive time by the other route: a forward Dijkstra from the supplier, entering the site's segment. */
function forwardSeconds(graph: ReturnType<typeof gridGraph>, from: ReturnType<typeof snap>, to: ReturnType<typeof snap>): number {
  const times = driveTimes(graph, from, Number.POSITIVE_INFINITY, 'out');
  let best = Number.POSITIVE_INFINITY;
  for (const seed of seedsOf(graph, to, 'in')) best = Math.min(best, (times[seed.vertex] ?? Number.POSITIVE_INFINITY) + seed.seconds);
  return best;
}

describe('secondsToSiteFrom', () => {
  const graph = gridGraph();

  it('equals a forward Dijkstra from the supplier for random points, one-way streets included', () => {
    const rng = new Rng(11);
    for (let k = 0; k < 300; k++) {
      const site = snap(graph, 121 + rng.next() * 0.005, 28 + rng.next() * 0.0045);
      const supplier = snap(graph, 121 + rng.next() * 0.005, 28 + rng.next() * 0.0045);
      if (site.segment === supplier.segment) continue;
      const reverse = driveTimes(graph, site, Number.POSITIVE_INFINITY, 'in');
      expect(secondsToSiteFrom(graph.segments, reverse, supplier, site)).toBeCloseTo(forwardSeconds(graph, supplier, site), 6);
    }
  });

  it('drives straight along a shared segment, and only the allowed way on a one-way one', () => {
    // row 2 is one-way eastward: from x=121.0012 to x=121.0018 is direct, the other way round goes around the block
    const west = snap(graph, 121.0012, 28.0018);
    const east = snap(graph, 121.0018, 28.0018);
    expect(west.segment).toBe(east.segment);
    const toEast = driveTimes(graph, east, Number.POSITIVE_INFINITY, 'in');
    const toWest = driveTimes(graph, west, Number.POSITIVE_INFINITY, 'in');
    const segmentSeconds = graph.segments.forwardSeconds[west.segment] ?? 0;
    expect(secondsToSiteFrom(graph.segments, toEast, west, east)).toBeCloseTo((east.fraction - west.fraction) * segmentSeconds, 9);
    expect(secondsToSiteFrom(graph.segments, toWest, east, west)).toBeGreaterThan(segmentSeconds);
  });

  it('is Infinity when the site cannot be reached within the bound', () => {
    const site = snap(graph, 121, 28);
    const far = snap(graph, 121.005, 28.0045);
    const bounded = driveTimes(graph, site, 10, 'in');
    expect(secondsToSiteFrom(graph.segments, bounded, far, site)).toBe(Number.POSITIVE_INFINITY);
  });
});
