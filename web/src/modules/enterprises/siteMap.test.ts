import { describe, expect, it } from 'vitest';
import type { EnterpriseSite } from '../../../../src/modules/enterprises/enterprises.model.ts';
import { buildSiteMapOption, sitePoints } from './siteMap.ts';

const site = (over: Partial<EnterpriseSite>): EnterpriseSite => ({ id: 's', kind: 'plant', name: null, address: null, townCode: null, lon: 121.3, lat: 28.4, isSynthetic: false, ...over });
const label = (kind: EnterpriseSite['kind']) => (kind === 'plant' ? '厂区' : '注册地');

describe('sitePoints', () => {
  it('keeps sites with a position and names them by kind and address', () => {
    const points = sitePoints([site({ kind: 'registered', address: '大溪镇 1 号' }), site({ lon: null }), site({})], label);
    expect(points).toEqual([
      { name: '注册地 · 大溪镇 1 号', value: [121.3, 28.4], kind: 'registered' },
      { name: '厂区', value: [121.3, 28.4], kind: 'plant' },
    ]);
  });
});

describe('buildSiteMapOption', () => {
  const points = sitePoints([site({})], label);

  it('draws on the county outline when there is one', () => {
    expect(buildSiteMapOption({ points, mapName: 'county-331081', seriesName: 'sites' })).toMatchObject({
      geo: { map: 'county-331081' },
      series: [{ type: 'scatter', coordinateSystem: 'geo', data: [{ name: '厂区', value: [121.3, 28.4] }] }],
    });
  });

  it('falls back to lon/lat axes without an outline', () => {
    const option = buildSiteMapOption({ points, mapName: null, seriesName: 'sites' });
    expect(option).toMatchObject({ xAxis: { name: '°E' }, yAxis: { name: '°N' }, series: [{ type: 'scatter' }] });
    expect(option).not.toHaveProperty('geo');
  });
});
