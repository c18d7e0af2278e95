import { describe, expect, it } from 'vitest';
import { computeCoverage, LonLatText, meanOf, SupplyCircleQuery } from './supplyCircle.model.ts';

describe('computeCoverage', () => {
  it('is the share of input nodes with a supplier within the limit; 全配套 only at 1', () => {
    expect(computeCoverage([{ nearestSeconds: 120 }, { nearestSeconds: null }, { nearestSeconds: 0 }, { nearestSeconds: null }])).toEqual({ inputCount: 4, coveredCount: 2, coverage: 0.5, isFullySupplied: false });
    expect(computeCoverage([{ nearestSeconds: 1 }])).toMatchObject({ coverage: 1, isFullySupplied: true });
  });

  it('has no coverage (null, not 0 and not 全配套) for a chain without input nodes', () => {
    expect(computeCoverage([])).toEqual({ inputCount: 0, coveredCount: 0, coverage: null, isFullySupplied: false });
  });
});

describe('meanOf', () => {
  it('leaves out nulls and is null without values', () => {
    expect(meanOf([1, null, 0])).toBe(0.5);
    expect(meanOf([null])).toBeNull();
  });
});

describe('LonLatText and SupplyCircleQuery', () => {
  it('reads LON,LAT and refuses anything else with a reason', () => {
    expect(LonLatText.parse(' 121.37,28.37 ')).toEqual({ lon: 121.37, lat: 28.37 });
    expect(LonLatText.safeParse('28.37').success).toBe(false);
    expect(LonLatText.safeParse('121.37,95').error?.issues[0]?.message).toContain('latitude');
  });

  it('needs exactly one of site and firm, and a whole number of minutes from 1 to 120 (default 30)', () => {
    expect(SupplyCircleQuery.parse({ site: '121,28', chain: 'pump' })).toMatchObject({ minutes: 30, isochrone: false });
    expect(SupplyCircleQuery.safeParse({ chain: 'pump' }).success).toBe(false);
    expect(SupplyCircleQuery.safeParse({ site: '121,28', firm: 'f1', chain: 'pump' }).success).toBe(false);
    expect(SupplyCircleQuery.safeParse({ site: '121,28', chain: 'pump', minutes: '121' }).success).toBe(false);
    expect(SupplyCircleQuery.safeParse({ site: '121,28', chain: 'pump', minutes: '2.5' }).success).toBe(false);
  });
});
