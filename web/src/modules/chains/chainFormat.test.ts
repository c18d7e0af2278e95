import { describe, expect, it } from 'vitest';
import { clipLabel, formatPercent, formatRelated, readChainParams, STATUS_COLOURS, STATUS_ORDER, writeChainParams } from './chainFormat.ts';

describe('formatPercent', () => {
  it('shows one decimal under 10 % and none above, a dash when unknown', () => {
    expect(formatPercent(0.0456)).toBe('4.6%');
    expect(formatPercent(0.304)).toBe('30%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatRelated', () => {
  const related = [
    { nameZh: '铸件', nameEn: 'Castings', proximity: 4 / 7 },
    { nameZh: '密封件', nameEn: null, proximity: 0.25 },
  ];

  it('lists related links closest first with φ to two decimals, in the locale (Chinese name when no English one)', () => {
    expect(formatRelated(related, false)).toBe('铸件 (φ 0.57)、密封件 (φ 0.25)');
    expect(formatRelated(related, true)).toBe('Castings (φ 0.57), 密封件 (φ 0.25)');
  });
});

describe('STATUS_COLOURS', () => {
  it('gives each of the four statuses its own colour and lists every status once', () => {
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(4);
    expect([...STATUS_ORDER].sort()).toEqual(Object.keys(STATUS_COLOURS).sort());
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
