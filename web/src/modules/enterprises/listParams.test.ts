import { describe, expect, it } from 'vitest';
import { apiQuery, DEFAULT_LIST_PARAMS, hasFilters, pageCount, readListParams, writeListParams } from './listParams.ts';

describe('readListParams', () => {
  it('reads search, page and page size', () => {
    expect(readListParams('?q=%E6%B3%B5&page=3&size=50')).toEqual({ ...DEFAULT_LIST_PARAMS, q: '泵', page: 3, pageSize: 50 });
  });

  it('reads the filters and the sort', () => {
    expect(readListParams('?chain=pump&node=pump.pumps&town=331081101&scale=above&listed=true&synthetic=false&sort=-founded')).toEqual({
      ...DEFAULT_LIST_PARAMS,
      chain: 'pump',
      node: 'pump.pumps',
      town: '331081101',
      scale: 'above',
      listed: 'true',
      synthetic: 'false',
      sort: '-founded',
    });
  });

  it('falls back to defaults for missing or nonsensical values', () => {
    expect(readListParams('')).toEqual(DEFAULT_LIST_PARAMS);
    expect(readListParams('?page=-2&size=7')).toEqual(DEFAULT_LIST_PARAMS);
    expect(readListParams('?page=1.5&size=abc&town=abc&scale=huge&listed=maybe&sort=random&chain=a%20b')).toEqual(DEFAULT_LIST_PARAMS);
  });

  it('drops a node without its chain', () => {
    expect(readListParams('?node=pump.pumps').node).toBe('');
  });
});

describe('writeListParams', () => {
  it('round-trips and leaves out defaults', () => {
    const params = { ...DEFAULT_LIST_PARAMS, q: '泵 业', chain: 'pump', node: 'pump.pumps', listed: 'false' as const, sort: 'founded' as const, page: 2, pageSize: 100 };
    expect(readListParams(writeListParams(params))).toEqual(params);
    expect(writeListParams(DEFAULT_LIST_PARAMS)).toBe('');
  });
});

describe('apiQuery', () => {
  it('passes every filter under the API names', () => {
    expect(apiQuery({ ...DEFAULT_LIST_PARAMS, q: 'dlby', town: '331081101', synthetic: 'true', page: 2 })).toMatchObject({
      q: 'dlby',
      town: '331081101',
      synthetic: 'true',
      sort: 'name',
      page: 2,
      pageSize: 20,
    });
  });
});

describe('hasFilters', () => {
  it('is true for a search or any filter, not for sort or paging', () => {
    expect(hasFilters({ ...DEFAULT_LIST_PARAMS, sort: 'founded', page: 3 })).toBe(false);
    expect(hasFilters({ ...DEFAULT_LIST_PARAMS, scale: 'below' })).toBe(true);
  });
});

describe('pageCount', () => {
  it('is at least one and rounds up', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});
