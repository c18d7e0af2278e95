import { describe, expect, it } from 'vitest';
import { clipLabel, formatPercent, readChainParams, writeChainParams } from './chainFormat.ts';

describe('formatPercent', () => {
  it('shows one decimal under 10 % and none above, a dash when unknown', () => {
    expect(formatPercent(0.0456)).toBe('4.6%');
    expect(formatPercent(0.304)).toBe('30%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('clipLabel', () => {
  it('keeps short names and cuts long ones with an ellipsis', () => {
    expect(clipLabel('泵整机', 8)).toBe('泵整机');
    expect(clipLabel('压力与流量传感器及变送器', 8)).toBe('压力与流量传感…');
  });
});

describe('chain page parameters', () => {
  it('round-trip the chain, node and year and drop a year out of range', () => {
    const params = { chain: 'pump', node: 'pump.seals', year: 2024 };
    expect(readChainParams(writeChainParams(params))).toEqual(params);
    expect(readChainParams('?chain=pump&year=12')).toEqual({ chain: 'pump', node: null, year: null });
    expect(writeChainParams({ chain: null, node: null, year: null })).toBe('');
  });
});
