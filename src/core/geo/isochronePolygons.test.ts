import type { MultiPolygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { driveTimes } from './driveTimes.ts';
import { isochronePolygons } from './isochronePolygons.ts';
import { snap } from './snap.ts';
import { buildRandomGrid } from './testNetwork.ts';

function isInRing(ring: Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function isInMultiPolygon(g: MultiPolygon, x: number, y: number): boolean {
  return g.coordinates.some(([outer, ...holes]) => outer !== undefined && isInRing(outer, x, y) && !holes.some((h) => isInRing(h, x, y)));
}

describe('isochronePolygons', () => {
  const g = buildRandomGrid(21, 30);
  const origin = snap(g, 121.012, 28.011);
  const times = driveTimes(g, origin, 240);
  const collection = isochronePolygons(g, origin, times, [120, 240], { cellMeters: 20 });

  it('gives one MultiPolygon feature per limit, in the order asked', () => {
    expect(collection.features.map((f) => f.properties)).toEqual([
      { minutes: 2, seconds: 120 },
      { minutes: 4, seconds: 240 },
    ]);
    for (const f of collection.features) expect(f.geometry.coordinates.length).toBeGreaterThan(0);
  });

  it('covers every vertex reached within each limit', () => {
    collection.features.forEach((f) => {
      let covered = 0;
      times.forEach((t, v) => {
        if (t > f.properties.seconds) return;
        expect(isInMultiPolygon(f.geometry, g.lon[v] ?? 0, g.lat[v] ?? 0), `vertex ${v} at ${t} s`).toBe(true);
        covered++;
      });
      expect(covered).toBeGreaterThan(10);
    });
  });

  it('leaves out vertices far beyond the limit', () => {
    const all = driveTimes(g, origin, Number.POSITIVE_INFINITY);
    const small = collection.features[0];
    let outside = 0;
    all.forEach((t, v) => {
      if (t > 600 && small && !isInMultiPolygon(small.geometry, g.lon[v] ?? 0, g.lat[v] ?? 0)) outside++;
      if (t > 600 && small) expect(isInMultiPolygon(small.geometry, g.lon[v] ?? 0, g.lat[v] ?? 0)).toBe(false);
    });
    expect(outside).toBeGreaterThan(0);
  });
});
