import { describe, expect, it } from 'vitest';
import { computeDensity } from './density.ts';
import { computeProximity, countCooccurrence } from './proximity.ts';

describe('computeProximity', () => {
  // Firms × items: f1 {0, 1}, f2 {0, 1}, f3 {0}, f4 {2}; item 3 nowhere.
  const c = countCooccurrence([[0, 1], [0, 1], [0], [2]], 4);

  it('divides co-occurrence by the larger ubiquity: φ(0, 1) = 2 / max(3, 2)', () => {
    const phi = computeProximity(c, 4);
    expect(phi[0 * 4 + 1]).toBeCloseTo(2 / 3, 15);
    expect(phi[1 * 4 + 0]).toBeCloseTo(2 / 3, 15);
    expect(phi[0 * 4 + 2]).toBe(0);
  });

  it('has 1 on the diagonal, also for an item present nowhere, and 0 between it and the others', () => {
    const phi = computeProximity(c, 4);
    expect([phi[0], phi[5], phi[10], phi[15]]).toEqual([1, 1, 1, 1]);
    expect(phi[3 * 4 + 0]).toBe(0);
  });

  it('counts an item listed twice in one row once', () => {
    expect(countCooccurrence([[1, 1]], 2)[3]).toBe(1);
    expect(() => countCooccurrence([[2]], 2)).toThrow(/item 2 is outside 0..1/);
  });
});

describe('computeDensity', () => {
  it('is the share of an item’s proximity mass on the items present, self term included', () => {
    const phi = computeProximity(countCooccurrence([[0, 1], [0, 1], [0], [2]], 3), 3);
    // Holding item 0 only: d(1) = φ(1,0) / (φ(1,0) + 1) = (2/3) / (5/3) = 0.4; d(0) = 1 / (1 + 2/3) = 0.6.
    const d = computeDensity([1, 0, 0], phi, 3);
    expect(d[1]).toBeCloseTo(0.4, 15);
    expect(d[0]).toBeCloseTo(0.6, 15);
    expect(d[2]).toBe(0);
  });
});
