import { describe, expect, it } from 'vitest';
import { computeLocalShare, FlowSummaryQuery, periodRange, ratesOf, regionCodeOfUscc, regionPrefix, toPeriodSpec, yearsOfMonths } from './supply.model.ts';

describe('computeLocalShare', () => {
  it('divides local purchases by all purchases', () => {
    expect(computeLocalShare(200, 50)).toBe(0.25);
  });
  it('gives null when the net amount is zero or negative (credit notes outweigh invoices)', () => {
    expect(computeLocalShare(0, 0)).toBeNull();
    expect(computeLocalShare(-10, -10)).toBeNull();
  });
});

describe('regionCodeOfUscc', () => {
  it('reads positions 3–8 of the code', () => {
    expect(regionCodeOfUscc('91331081MA2ABCDE1X')).toBe('331081');
    expect(regionCodeOfUscc('91350100M000100Y43')).toBe('350100');
  });
});

describe('periodRange', () => {
  it('covers one month, half-open', () => {
    expect(periodRange({ period: '2024-03' })).toEqual({ from: '2024-03-01', to: '2024-04-01' });
  });
  it('rolls December into the next year', () => {
    expect(periodRange({ period: '2024-12' })).toEqual({ from: '2024-12-01', to: '2025-01-01' });
  });
  it('covers a calendar year', () => {
    expect(periodRange({ year: 2024 })).toEqual({ from: '2024-01-01', to: '2025-01-01' });
  });
});

describe('FlowSummaryQuery', () => {
  it('takes either a month or a year', () => {
    expect(toPeriodSpec(FlowSummaryQuery.parse({ period: '2024-05' }))).toEqual({ period: '2024-05' });
    expect(toPeriodSpec(FlowSummaryQuery.parse({ year: '2024' }))).toEqual({ year: 2024 });
  });
  it('rejects both, neither, or a malformed month', () => {
    expect(FlowSummaryQuery.safeParse({ period: '2024-05', year: '2024' }).success).toBe(false);
    expect(FlowSummaryQuery.safeParse({}).success).toBe(false);
    expect(FlowSummaryQuery.safeParse({ period: '2024-13' }).success).toBe(false);
  });
});

describe('regionPrefix', () => {
  it('keeps a county code whole and drops the trailing 00 pairs of a city or province', () => {
    expect(regionPrefix('331081')).toBe('331081');
    expect(regionPrefix('331000')).toBe('3310');
    expect(regionPrefix('330000')).toBe('33');
  });
});

describe('ratesOf', () => {
  it('divides each variant by the purchases and keeps an uncomputed variant null', () => {
    expect(ratesOf(200, { county: 150, sameTown: 50, driveTime: null })).toEqual({ county: 0.75, sameTown: 0.25, driveTime: null });
    expect(ratesOf(0, { county: 0, sameTown: 0, driveTime: 0 })).toEqual({ county: null, sameTown: null, driveTime: null });
  });
});

describe('yearsOfMonths', () => {
  it('lists years latest first and picks the latest with all twelve months', () => {
    const months = [...Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`), '2025-01', '2025-02'];
    expect(yearsOfMonths(months)).toEqual({ years: [2025, 2024], latestFullYear: 2024 });
    expect(yearsOfMonths([])).toEqual({ years: [], latestFullYear: null });
  });
});
