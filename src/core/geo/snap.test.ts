import { describe, expect, it } from 'vitest';
import { Rng } from '../random/seeded.ts';
import { METERS_PER_DEGREE } from './haversine.ts';
import type { RoadGraph } from './roadGraph.ts';
import { snap, snapToVertex } from './snap.ts';
import { buildRandomGrid, buildTestNetwork, vertexOf } from './testNetwork.ts';

/** Distance to every segment, the slow way, in the same local frame. */
function bruteNearest(g: RoadGraph, lon: number, lat: number): number {
  const kx = METERS_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  let best = Number.POSITIVE_INFINITY;
  for (let s = 0; s < g.segments.count; s++) {
    const a = g.segments.from[s] ?? 0;
    const b = g.segments.to[s] ?? 0;
    const ax = ((g.lon[a] ?? 0) - lon) * kx;
    const ay = ((g.lat[a] ?? 0) - lat) * METERS_PER_DEGREE;
    const bx = ((g.lon[b] ?? 0) - lon) * kx;
    const by = ((g.lat[b] ?? 0) - lat) * METERS_PER_DEGREE;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.min(1, Math.max(0, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

describe('snap', () => {
  it('projects onto the nearest edge, not the nearest node', () => {
    const g = buildTestNetwork();
    // 10 m south of the middle of 1-2: nodes 1 and 2 are ~50 m away, the edge 10 m
    const s = snap(g, 121.0005, 28.0 - 10 / METERS_PER_DEGREE);
    const a = g.segments.from[s.segment] ?? -1;
    const b = g.segments.to[s.segment] ?? -1;
    expect([g.osmIds[a], g.osmIds[b]]).toEqual([1, 2]);
    expect(s.fraction).toBeCloseTo(0.5, 6);
    expect(s.distanceM).toBeCloseTo(10, 3);
    expect(s.lat).toBeCloseTo(28.0, 9);
  });

  it('finds the same distance as a scan of every segment, inside and far outside the network', () => {
    const g = buildRandomGrid(11);
    const rng = new Rng(3);
    for (let i = 0; i < 300; i++) {
      const far = i % 10 === 0;
      const lon = 121 + (far ? -0.05 + rng.next() * 0.12 : rng.next() * 0.02);
      const lat = 28 + (far ? -0.05 + rng.next() * 0.12 : rng.next() * 0.018);
      expect(snap(g, lon, lat).distanceM).toBeCloseTo(bruteNearest(g, lon, lat), 6);
    }
  });

  it('places a vertex snap at fraction 0 or 1 of a segment touching it', () => {
    const g = buildTestNetwork();
    const v = vertexOf(g, 5);
    const s = snapToVertex(g, v);
    const end = s.fraction === 0 ? g.segments.from[s.segment] : g.segments.to[s.segment];
    expect(end).toBe(v);
  });
});
