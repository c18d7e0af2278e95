import { describe, expect, it } from 'vitest';
import { Rng } from '../random/seeded.ts';
import { driveTimes, driveTimesFromSeeds, plainDriveTimesFromSeeds, seedsOf } from './driveTimes.ts';
import type { RoadGraph } from './roadGraph.ts';
import { type Snap, snap } from './snap.ts';
import { buildRandomGrid, buildTestNetwork, vertexOf } from './testNetwork.ts';

/** Bellman-Ford relaxation over every directed edge until nothing changes: slow, obviously right. */
function bruteTimes(g: RoadGraph, origin: Snap, direction: 'out' | 'in'): Float64Array {
  const dist = new Float64Array(g.vertexCount).fill(Number.POSITIVE_INFINITY);
  for (const s of seedsOf(g, origin, direction)) dist[s.vertex] = Math.min(dist[s.vertex] ?? 0, s.seconds);
  for (let changed = true; changed; ) {
    changed = false;
    for (let v = 0; v < g.vertexCount; v++) {
      for (let e = g.offsets[v] ?? 0; e < (g.offsets[v + 1] ?? 0); e++) {
        const w = g.targets[e] ?? 0;
        const [from, to] = direction === 'out' ? [v, w] : [w, v];
        const t = (dist[from] ?? 0) + (g.seconds[e] ?? 0);
        if (t < (dist[to] ?? 0)) {
          dist[to] = t;
          changed = true;
        }
      }
    }
  }
  return dist;
}

function segmentSeconds(g: RoadGraph, fromOsm: number, toOsm: number): number {
  const a = vertexOf(g, fromOsm);
  for (let e = g.offsets[a] ?? 0; e < (g.offsets[a + 1] ?? 0); e++) if (g.osmIds[g.targets[e] ?? 0] === toOsm) return g.seconds[e] ?? 0;
  throw new Error(`no edge ${fromOsm}→${toOsm}`);
}

describe('driveTimes', () => {
  it('counts the partial edge from the snapped point to both ends of a two-way segment', () => {
    const g = buildTestNetwork();
    const origin = snap(g, 121.00025, 28.0); // a quarter along 1 → 2
    const t = driveTimes(g, origin, 3600);
    const full = segmentSeconds(g, 1, 2);
    expect(t[vertexOf(g, 1)]).toBeCloseTo(0.25 * full, 9);
    expect(t[vertexOf(g, 2)]).toBeCloseTo(0.75 * full, 9);
  });

  it('follows one-way streets only forwards', () => {
    const g = buildTestNetwork();
    const fromNear5 = snap(g, 121.0019, 27.999); // on 5 → 4, near 5
    const t = driveTimes(g, fromNear5, 3600);
    // 5 is behind the point on a one-way street: reached only round the block 4 → 2 → 3 → 5
    const around = segmentSeconds(g, 4, 2) + segmentSeconds(g, 2, 3) + segmentSeconds(g, 3, 5);
    expect(t[vertexOf(g, 5)]).toBeCloseTo((t[vertexOf(g, 4)] ?? 0) + around, 9);
    expect(t[vertexOf(g, 6)]).toBe(Number.POSITIVE_INFINITY); // another piece of road
  });

  it('includes a vertex exactly at the bound and nothing beyond it', () => {
    const g = buildTestNetwork();
    const at1 = snap(g, 121.0, 28.0);
    const all = driveTimes(g, at1, 3600);
    const t3 = all[vertexOf(g, 3)] ?? 0;
    const bounded = driveTimes(g, at1, t3);
    expect(bounded[vertexOf(g, 3)]).toBe(t3);
    for (const t of bounded) expect(t <= t3 || t === Number.POSITIVE_INFINITY).toBe(true);
    expect(driveTimes(g, at1, Math.max(0, t3 - 1e-9))[vertexOf(g, 3)]).toBe(Number.POSITIVE_INFINITY);
  });

  it('equals Bellman-Ford on random grids, from and to the point', () => {
    for (const seed of [1, 2, 3]) {
      const g = buildRandomGrid(seed);
      const rng = new Rng(seed * 17);
      for (let k = 0; k < 5; k++) {
        const origin = snap(g, 121 + rng.next() * 0.02, 28 + rng.next() * 0.018);
        for (const direction of ['out', 'in'] as const) {
          const ours = driveTimes(g, origin, Number.POSITIVE_INFINITY, direction);
          const brute = bruteTimes(g, origin, direction);
          ours.forEach((t, v) => {
            const b = brute[v] ?? 0;
            if (b === Number.POSITIVE_INFINITY) expect(t).toBe(b);
            else expect(t).toBeCloseTo(b, 9);
          });
        }
      }
    }
  });

  it('equals plain Dijkstra on every vertex when chains of shape nodes are folded, for seeds inside chains too', () => {
    for (const seed of [4, 8]) {
      const g = buildRandomGrid(seed, 12, 3);
      const rng = new Rng(seed);
      for (let k = 0; k < 20; k++) {
        const origin = snap(g, 121 + rng.next() * 0.016, 28 + rng.next() * 0.011);
        for (const direction of ['out', 'in'] as const) {
          for (const limit of [60, 240, Number.POSITIVE_INFINITY]) {
            const seeds = seedsOf(g, origin, direction);
            const folded = driveTimesFromSeeds(g, seeds, limit, direction);
            const plain = plainDriveTimesFromSeeds(g, seeds, limit, direction);
            plain.forEach((t, v) => {
              const f = folded[v] ?? 0;
              // summation order differs: equal to 1e-9 s, and a vertex within 1e-9 s of the bound may differ
              if (t === Number.POSITIVE_INFINITY || f === Number.POSITIVE_INFINITY) {
                if (t !== f) expect(Math.abs(Math.min(t, f) - limit)).toBeLessThan(1e-9);
              } else expect(Math.abs(f - t)).toBeLessThan(1e-9);
            });
          }
        }
      }
    }
  });

  it('gives the same set at a bound as filtering the unbounded search', () => {
    const g = buildRandomGrid(5);
    const origin = snap(g, 121.01, 28.009);
    const unbounded = driveTimes(g, origin, Number.POSITIVE_INFINITY);
    const bounded = driveTimes(g, origin, 120);
    unbounded.forEach((t, v) => {
      expect(bounded[v]).toBe(t <= 120 ? t : Number.POSITIVE_INFINITY);
    });
  });

  it('starts from several seeds at once', () => {
    const g = buildTestNetwork();
    const t = driveTimesFromSeeds(g, [{ vertex: vertexOf(g, 1), seconds: 0 }, { vertex: vertexOf(g, 6), seconds: 5 }], 3600);
    expect(t[vertexOf(g, 7)]).toBeCloseTo(5 + segmentSeconds(g, 6, 7), 9);
    expect(t[vertexOf(g, 1)]).toBe(0);
  });
});
