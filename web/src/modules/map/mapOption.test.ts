import { describe, expect, it } from 'vitest';
import { buildMapOption, isochroneFeatures, type MapLayers } from './mapOption.ts';

const labels: MapLayers['labels'] = { firms: 'firms', parks: 'parks', site: 'site', suppliers: 'suppliers', isochrone: 'iso', roads: 'roads', clusterCount: (n) => `${n} firms`, minutes: (m) => `${m} min` };

describe('buildMapOption', () => {
  it('draws each road class as line pieces and a cluster with its count', () => {
    const option = buildMapOption({
      mapName: 'county-331081',
      roads: [{ highway: 'motorway', coords: [121, 28, 121.1, 28.1, 121.1, 28.1, 121.2, 28.2] }],
      clusters: [{ lon: 121, lat: 28, count: 3, ids: ['a', 'b', 'c'] }, { lon: 121.3, lat: 28.3, count: 1, ids: ['d'] }],
      firmName: (id) => `firm ${id}`,
      parks: [],
      site: { lon: 121.1, lat: 28.1, name: 'here' },
      isochrone: [],
      suppliers: [],
      labels,
    }) as { series: { type: string; name: string; data: { name?: string; coords?: unknown }[] }[] };
    const lines = option.series.filter((s) => s.type === 'lines');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.data).toEqual([{ coords: [[121, 28], [121.1, 28.1]] }, { coords: [[121.1, 28.1], [121.2, 28.2]] }]);
    const firms = option.series.find((s) => s.name === 'firms');
    expect(firms?.data.map((d) => d.name)).toEqual(['3 firms', 'firm d']);
    expect(option.series.find((s) => s.name === 'site')?.data).toHaveLength(1);
  });
});

describe('isochroneFeatures', () => {
  it('reads Polygon and MultiPolygon features, holes kept as rings', () => {
    const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const hole = [[0.2, 0.2], [0.2, 0.4], [0.4, 0.4], [0.2, 0.2]];
    const features = isochroneFeatures({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { minutes: 30 }, geometry: { type: 'Polygon', coordinates: [square, hole] } },
        { type: 'Feature', properties: { minutes: 30 }, geometry: { type: 'MultiPolygon', coordinates: [[square], [square]] } },
      ],
    });
    expect(features.map((f) => f.polygons.length)).toEqual([1, 2]);
    expect(features[0]?.polygons[0]).toHaveLength(2);
  });

  it('gives nothing for something that is not polygons', () => {
    expect(isochroneFeatures({ type: 'FeatureCollection', features: [{ geometry: { type: 'Point', coordinates: [0, 0] } }] })).toEqual([]);
    expect(isochroneFeatures(null)).toEqual([]);
  });
});
