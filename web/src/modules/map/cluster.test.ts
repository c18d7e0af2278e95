import { describe, expect, it } from 'vitest';
import { cellForZoom, clusterPoints } from './cluster.ts';

describe('clusterPoints', () => {
  const points = [
    { id: 'a', lon: 121.001, lat: 28.001 },
    { id: 'b', lon: 121.003, lat: 28.003 },
    { id: 'c', lon: 121.2, lat: 28.2 },
  ];

  it('merges points of one cell at their mean position and keeps distant ones apart', () => {
    const clusters = clusterPoints(points, 0.01).sort((x, y) => y.count - x.count);
    expect(clusters).toHaveLength(2);
    expect(clusters[0]?.ids).toEqual(['a', 'b']);
    expect(clusters[0]?.lon).toBeCloseTo(121.002, 9);
    expect(clusters[0]?.lat).toBeCloseTo(28.002, 9);
    expect(clusters[1]).toEqual({ lon: 121.2, lat: 28.2, count: 1, ids: ['c'] });
  });

  it('counts every point exactly once', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ id: String(i), lon: 121 + (i % 37) * 0.003, lat: 28 + (i % 23) * 0.004 }));
    const clusters = clusterPoints(many, 0.02);
    expect(clusters.reduce((n, c) => n + c.count, 0)).toBe(500);
    expect(new Set(clusters.flatMap((c) => c.ids)).size).toBe(500);
  });

  it('leaves every point alone when the cell size is zero', () => {
    expect(clusterPoints(points, 0)).toHaveLength(3);
  });
});

describe('cellForZoom', () => {
  it('shrinks with zoom and stops clustering when zoomed far in', () => {
    expect(cellForZoom(2)).toBeLessThan(cellForZoom(1));
    expect(cellForZoom(16)).toBe(0);
  });
});
