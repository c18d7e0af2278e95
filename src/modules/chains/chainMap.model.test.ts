import { describe, expect, it } from 'vitest';
import { classifyNode, computeHhi, computeOutputShare, countStatuses, DEFAULT_THRESHOLDS, foldAdjacent, foldAdjacentCounts } from './chainMap.model.ts';

describe('classifyNode', () => {
  it('calls a node without a local firm missing, whatever its flows', () => {
    expect(classifyNode({ firmCount: 0, localSupplyRate: 0.9, supplierHhi: 0.1, density: null }, DEFAULT_THRESHOLDS)).toEqual({ status: 'missing', reasons: ['noLocalFirm'] });
  });

  it('calls a node without a local firm adjacent when its relatedness density reaches the threshold (0.25), else missing', () => {
    const gap = { firmCount: 0, localSupplyRate: null, supplierHhi: null };
    expect(classifyNode({ ...gap, density: 0.25 }, DEFAULT_THRESHOLDS)).toEqual({ status: 'adjacent', reasons: ['noLocalFirm'] });
    expect(classifyNode({ ...gap, density: 0.24 }, DEFAULT_THRESHOLDS)).toEqual({ status: 'missing', reasons: ['noLocalFirm'] });
    expect(classifyNode({ ...gap, density: 0.1 }, { ...DEFAULT_THRESHOLDS, minAdjacentDensity: 0.1 }).status).toBe('adjacent');
    expect(classifyNode({ ...gap, density: null }, DEFAULT_THRESHOLDS).status).toBe('missing');
  });

  it('never calls a node with local firms adjacent, whatever its density', () => {
    expect(classifyNode({ firmCount: 1, localSupplyRate: null, supplierHhi: null, density: 0.9 }, DEFAULT_THRESHOLDS).status).toBe('weak');
  });

  it('calls a node with two firms weak when k is 3, and strong when k is 2', () => {
    const facts = { firmCount: 2, localSupplyRate: 0.8, supplierHhi: 0.2, density: null };
    expect(classifyNode(facts, DEFAULT_THRESHOLDS)).toEqual({ status: 'weak', reasons: ['fewFirms'] });
    expect(classifyNode(facts, { ...DEFAULT_THRESHOLDS, minFirms: 2 })).toEqual({ status: 'strong', reasons: [] });
  });

  it('calls a node weak when its local supply rate is below the threshold (0.29 < 0.3) but not at it (0.3)', () => {
    expect(classifyNode({ firmCount: 10, localSupplyRate: 0.29, supplierHhi: 0.1, density: null }, DEFAULT_THRESHOLDS).reasons).toEqual(['lowLocalSupply']);
    expect(classifyNode({ firmCount: 10, localSupplyRate: 0.3, supplierHhi: 0.1, density: null }, DEFAULT_THRESHOLDS).status).toBe('strong');
  });

  it('calls a node weak when its suppliers are concentrated (HHI 0.51 > 0.5) and lists every reason', () => {
    expect(classifyNode({ firmCount: 1, localSupplyRate: 0.1, supplierHhi: 0.51, density: null }, DEFAULT_THRESHOLDS)).toEqual({
      status: 'weak',
      reasons: ['fewFirms', 'lowLocalSupply', 'concentratedSuppliers'],
    });
  });

  it('does not hold a node without purchases against the flow thresholds', () => {
    expect(classifyNode({ firmCount: 5, localSupplyRate: null, supplierHhi: null, density: null }, DEFAULT_THRESHOLDS)).toEqual({ status: 'strong', reasons: [] });
  });
});

describe('computeHhi', () => {
  it('is 1 for a single seller and 0.5 for two equal sellers', () => {
    expect(computeHhi([70])).toBe(1);
    expect(computeHhi([30, 30])).toBeCloseTo(0.5, 12);
  });

  it('sums squared shares: 60/30/10 → 0.36 + 0.09 + 0.01 = 0.46', () => {
    expect(computeHhi([60, 30, 10])).toBeCloseTo(0.46, 12);
  });

  it('leaves out sellers whose credit notes net them to zero or below, and is null without purchases', () => {
    expect(computeHhi([50, -5, 50])).toBeCloseTo(0.5, 12);
    expect(computeHhi([])).toBeNull();
  });
});

describe('computeOutputShare', () => {
  it('divides by the chain output and is null when the chain produced nothing', () => {
    expect(computeOutputShare(250, 1000)).toBe(0.25);
    expect(computeOutputShare(0, 0)).toBeNull();
  });
});

describe('countStatuses', () => {
  it('counts each status', () => {
    expect(countStatuses([{ status: 'weak' }, { status: 'strong' }, { status: 'weak' }, { status: 'adjacent' }])).toEqual({ missing: 0, adjacent: 1, weak: 2, strong: 1 });
  });
});

describe('foldAdjacent', () => {
  it('shows an adjacent node as missing where relatedness is not shown (it has no local firm)', () => {
    expect(foldAdjacent('adjacent')).toBe('missing');
    expect(foldAdjacent('weak')).toBe('weak');
    expect(foldAdjacentCounts({ missing: 2, adjacent: 1, weak: 3, strong: 4 })).toEqual({ missing: 3, weak: 3, strong: 4 });
  });
});
