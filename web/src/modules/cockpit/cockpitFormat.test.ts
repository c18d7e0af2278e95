import { describe, expect, it } from 'vitest';
import { growthOf, screenScale, toAmount, toPercent } from './cockpitFormat.ts';
import { readCockpitParams, writeCockpitParams } from './cockpitParams.ts';

describe('toAmount', () => {
  it('reads 万元 from 1 亿 on as 亿, one decimal below 100 亿 and none above', () => {
    expect(toAmount(8_000_000.1)).toEqual({ value: 800, unit: 'yi' });
    expect(toAmount(459_999.97)).toEqual({ value: 46, unit: 'yi' });
    expect(toAmount(12_345)).toEqual({ value: 1.2, unit: 'yi' });
  });
  it('keeps amounts under 1 亿 in 万元', () => {
    expect(toAmount(9_999.4)).toEqual({ value: 9_999, unit: 'wan' });
    expect(toAmount(0)).toEqual({ value: 0, unit: 'wan' });
  });
});

describe('toPercent and growthOf', () => {
  it('turns rates into percentages and keeps a missing rate missing', () => {
    expect(toPercent(0.7834)).toBe(78.3);
    expect(toPercent(null)).toBeNull();
  });
  it('signs growth with a real minus and names its direction', () => {
    expect(growthOf(0.084)).toEqual({ text: '+8.4', direction: 'up' });
    expect(growthOf(-0.031)).toEqual({ text: '−3.1', direction: 'down' });
    expect(growthOf(0.00001)).toEqual({ text: '0.0', direction: 'flat' });
    expect(growthOf(null)).toBeNull();
  });
});

describe('screenScale', () => {
  it('fits the 1920×1080 board into the viewport by its tighter side', () => {
    expect(screenScale({ width: 1920, height: 1080 })).toBe(1);
    expect(screenScale({ width: 1280, height: 1080 })).toBeCloseTo(2 / 3);
    expect(screenScale({ width: 3840, height: 1080 })).toBe(1);
  });
});

describe('cockpit URL parameters', () => {
  it('round-trips chain, year and big-screen mode', () => {
    const p = { chain: 'pump', year: 2024, isScreen: true, refreshSeconds: 30 };
    expect(readCockpitParams(writeCockpitParams(p))).toEqual(p);
    expect(writeCockpitParams({ chain: null, year: null, isScreen: false, refreshSeconds: null })).toBe('');
  });
  it('drops values that are not a chain id or a plausible year', () => {
    expect(readCockpitParams('?chain=%3Cscript%3E&year=99999&screen=yes&refresh=1')).toEqual({ chain: null, year: null, isScreen: false, refreshSeconds: null });
  });
});
