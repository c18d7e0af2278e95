import { describe, expect, it } from 'vitest';
import { pageCount, readListParams, writeListParams } from './listParams.ts';

describe('readListParams', () => {
  it('reads search, page and page size', () => {
    expect(readListParams('?q=%E6%B3%B5&page=3&size=50')).toEqual({ q: '泵', page: 3, pageSize: 50 });
  });

  it('falls back to defaults for missing or nonsensical values', () => {
    expect(readListParams('')).toEqual({ q: '', page: 1, pageSize: 20 });
    expect(readListParams('?page=-2&size=7')).toEqual({ q: '', page: 1, pageSize: 20 });
    expect(readListParams('?page=1.5&size=abc')).toEqual({ q: '', page: 1, pageSize: 20 });
  });
});

describe('writeListParams', () => {
  it('round-trips and leaves out defaults', () => {
    const params = { q: '泵 业', page: 2, pageSize: 100 };
    expect(readListParams(writeListParams(params))).toEqual(params);
    expect(writeListParams({ q: '', page: 1, pageSize: 20 })).toBe('');
  });
});

describe('pageCount', () => {
  it('is at least one and rounds up', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});
