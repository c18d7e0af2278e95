import { describe, expect, it } from 'vitest';
import { buildFundTree, computeLeverage } from './funds.model.ts';

const fund = (id: string, kind: 'mother' | 'sub', sizeWan: number, parentId: string | null = null) => ({ id, name: id, kind, parentId, sizeWan });

describe('computeLeverage', () => {
  it('reproduces Wenling: 173亿 of sub-funds on a 60亿 mother fund ≈ 2.88×', () => {
    expect(computeLeverage(1_730_000, 600_000)).toBeCloseTo(173 / 60, 12);
  });
  it('has no value without a positive base', () => {
    expect(computeLeverage(100, null)).toBeNull();
    expect(computeLeverage(100, 0)).toBeNull();
  });
});

describe('buildFundTree', () => {
  it('hangs sub-funds under their mother and sums their sizes', () => {
    const tree = buildFundTree([fund('m', 'mother', 600_000), fund('a', 'sub', 1_000_000, 'm'), fund('b', 'sub', 730_000, 'm')]);
    expect(tree.mothers).toHaveLength(1);
    expect(tree.mothers[0]?.subs.map((s) => s.id)).toEqual(['a', 'b']);
    expect(tree.mothers[0]?.subsSizeWan).toBe(1_730_000);
    expect(tree.mothers[0]?.leverage).toBeCloseTo(173 / 60, 12);
    expect(tree.unattached).toEqual([]);
  });
  it('keeps sub-funds whose mother is unknown apart', () => {
    const tree = buildFundTree([fund('m', 'mother', 10), fund('x', 'sub', 5, 'gone'), fund('y', 'sub', 5)]);
    expect(tree.mothers[0]?.subs).toEqual([]);
    expect(tree.mothers[0]?.leverage).toBe(0);
    expect(tree.unattached.map((s) => s.id)).toEqual(['x', 'y']);
  });
});
