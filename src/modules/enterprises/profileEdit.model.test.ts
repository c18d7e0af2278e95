import { describe, expect, it } from 'vitest';
import { MetricUpsert, metricProvenance, NewSite, SitePatch, sensitiveFieldsIn, siteProvenance } from './profileEdit.model.ts';

describe('sensitiveFieldsIn', () => {
  it('names the sensitive figures a body sets or clears, and only those', () => {
    expect(sensitiveFieldsIn({ revenueWan: 1, taxWan: null, emissionsT: 3 })).toEqual(['taxWan', 'emissionsT']);
    expect(sensitiveFieldsIn({ revenueWan: 1, employees: 4 })).toEqual([]);
  });
});

describe('metricProvenance', () => {
  it('names fields like the import centre (metrics.<year>.<field>) and keeps null for a cleared one', () => {
    expect(metricProvenance(2024, { outputWan: 4800.5, employees: null })).toEqual([
      { field: 'metrics.2024.outputWan', value: '4800.5' },
      { field: 'metrics.2024.employees', value: null },
    ]);
  });
});

describe('siteProvenance', () => {
  it('records each field given, under the site id', () => {
    expect(siteProvenance('site-1', { kind: 'plant', lon: 121.3, lat: 28.4 })).toEqual([
      { field: 'sites.site-1.kind', value: 'plant' },
      { field: 'sites.site-1.lon', value: '121.3' },
      { field: 'sites.site-1.lat', value: '28.4' },
    ]);
  });
});

describe('site bodies', () => {
  it('accept a position inside China and refuse one outside, naming the coordinate', () => {
    expect(NewSite.safeParse({ version: 1, kind: 'plant', lon: 121.3, lat: 28.4 }).success).toBe(true);
    const paris = NewSite.safeParse({ version: 1, kind: 'plant', lon: 2.35, lat: 48.85 });
    expect(paris.error?.issues[0]?.path).toEqual(['lon']);
  });

  it('refuse one coordinate without the other', () => {
    expect(SitePatch.safeParse({ version: 1, lat: 28.4 }).error?.issues[0]?.path).toEqual(['lon']);
    expect(SitePatch.safeParse({ version: 1, lon: null, lat: null }).success).toBe(true);
  });

  it('refuse unknown fields', () => {
    expect(MetricUpsert.safeParse({ version: 1, profitWan: 3 }).success).toBe(false);
  });
});
