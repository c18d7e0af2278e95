import type { EChartsCoreOption } from 'echarts/core';
import { z } from 'zod';
import type { PointCluster } from './cluster.ts';

/** Road colour and width by OSM highway class: major roads stand out, local streets stay faint. */
const ROAD_STYLE: Readonly<Record<string, { color: string; width: number }>> = {
  motorway: { color: '#d9480f', width: 3 },
  motorway_link: { color: '#e8590c', width: 1.6 },
  trunk: { color: '#e67700', width: 2.6 },
  trunk_link: { color: '#e67700', width: 1.4 },
  primary: { color: '#f08c00', width: 2.2 },
  primary_link: { color: '#f08c00', width: 1.2 },
  secondary: { color: '#c9a227', width: 1.8 },
  secondary_link: { color: '#c9a227', width: 1 },
  tertiary: { color: '#8c96a8', width: 1.2 },
};
const MINOR_ROAD = { color: '#b8c0cc', width: 0.6 };

export const MAP_COLORS = { firm: '#1a5fd0', supplier: '#2f9e44', site: '#c92a2a', park: '#7048e8', isochrone: 'rgba(47, 158, 68, 0.18)', isochroneBorder: '#2f9e44' } as const;

export interface IsochroneFeature {
  /** polygons → rings → [lon, lat] */
  polygons: number[][][][];
}

export interface MapLayers {
  /** ECharts map name of the county outline (registered beforehand) */
  mapName: string;
  roads: readonly { highway: string; coords: readonly number[] }[];
  clusters: readonly PointCluster[];
  /** firm id → display name, for single-firm markers */
  firmName: (id: string) => string;
  parks: readonly { name: string; lon: number; lat: number }[];
  site: { lon: number; lat: number; name: string } | null;
  isochrone: readonly IsochroneFeature[];
  suppliers: readonly { id: string; name: string; lon: number; lat: number; minutes: number }[];
  labels: { firms: string; parks: string; site: string; suppliers: string; isochrone: string; roads: string; clusterCount: (n: number) => string; minutes: (m: number) => string };
  /** the geo view to keep (zoom and centre) across redraws */
  view?: { zoom: number; center: [number, number] | undefined } | undefined;
}

/** Series names the page's click handler recognises. */
export const FIRM_SERIES = 'firms';
export const SUPPLIER_SERIES = 'suppliers';

/**
 * The map as one ECharts option: county outline (geo), our own roads as line pieces (no tiles from the
 * internet), the isochrone as filled polygons (holes by the non-zero rule: a hole ring runs the other way),
 * clustered firms, parks, suppliers within the circle and the site.
 */
export function buildMapOption(layers: MapLayers): EChartsCoreOption {
  const roadSeries = layers.roads.map((group) => {
    const style = ROAD_STYLE[group.highway] ?? MINOR_ROAD;
    const data: { coords: [number, number][] }[] = [];
    for (let k = 0; k + 3 < group.coords.length; k += 4) {
      data.push({ coords: [[group.coords[k] ?? 0, group.coords[k + 1] ?? 0], [group.coords[k + 2] ?? 0, group.coords[k + 3] ?? 0]] });
    }
    return { name: layers.labels.roads, type: 'lines', coordinateSystem: 'geo', silent: true, large: data.length > 2000, lineStyle: { color: style.color, width: style.width, opacity: 0.9 }, data, z: 2 };
  });
  const isochrone = {
    name: layers.labels.isochrone,
    type: 'custom',
    coordinateSystem: 'geo',
    silent: true,
    z: 3,
    data: layers.isochrone.map((_, i) => [i]),
    renderItem: (params: { dataIndex: number }, api: { coord: (p: number[]) => number[] }) => {
      const feature = layers.isochrone[params.dataIndex];
      if (!feature) return null;
      const paths = feature.polygons.flatMap((polygon) => polygon.map((ring) => ({ type: 'polygon', shape: { points: ring.map((p) => api.coord(p)) } })));
      return { type: 'compoundPath', shape: { paths }, style: { fill: MAP_COLORS.isochrone, stroke: MAP_COLORS.isochroneBorder, lineWidth: 1.2 } };
    },
  };
  const maxCount = Math.max(1, ...layers.clusters.map((c) => c.count));
  const firms = {
    name: FIRM_SERIES,
    type: 'scatter',
    coordinateSystem: 'geo',
    z: 4,
    data: layers.clusters.map((c) => ({
      name: c.count === 1 ? layers.firmName(c.ids[0] ?? '') : layers.labels.clusterCount(c.count),
      value: [c.lon, c.lat, c.count],
      id: c.count === 1 ? c.ids[0] : undefined,
      symbolSize: c.count === 1 ? 7 : 10 + 22 * Math.sqrt(c.count / maxCount),
      label: { show: c.count > 1, formatter: String(c.count), color: '#fff', fontSize: 10 },
    })),
    itemStyle: { color: MAP_COLORS.firm, opacity: 0.75, borderColor: '#fff', borderWidth: 0.5 },
    tooltip: { formatter: (p: { name: string }) => p.name },
  };
  const parks = {
    name: layers.labels.parks,
    type: 'scatter',
    coordinateSystem: 'geo',
    symbol: 'diamond',
    symbolSize: 12,
    z: 5,
    itemStyle: { color: MAP_COLORS.park },
    data: layers.parks.map((p) => ({ name: p.name, value: [p.lon, p.lat] })),
    tooltip: { formatter: (p: { name: string }) => p.name },
  };
  const suppliers = {
    name: SUPPLIER_SERIES,
    type: 'scatter',
    coordinateSystem: 'geo',
    symbolSize: 9,
    z: 6,
    itemStyle: { color: MAP_COLORS.supplier, borderColor: '#fff', borderWidth: 1 },
    data: layers.suppliers.map((s) => ({ name: `${s.name} · ${layers.labels.minutes(s.minutes)}`, value: [s.lon, s.lat], id: s.id })),
    tooltip: { formatter: (p: { name: string }) => p.name },
  };
  const site = {
    name: layers.labels.site,
    type: 'scatter',
    coordinateSystem: 'geo',
    symbol: 'pin',
    symbolSize: 30,
    z: 7,
    itemStyle: { color: MAP_COLORS.site },
    data: layers.site ? [{ name: layers.site.name, value: [layers.site.lon, layers.site.lat] }] : [],
    tooltip: { formatter: (p: { name: string }) => p.name },
  };
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'item' },
    geo: {
      map: layers.mapName,
      roam: true,
      zoom: layers.view?.zoom ?? 1.1,
      ...(layers.view?.center ? { center: layers.view.center } : {}),
      scaleLimit: { min: 0.8, max: 40 },
      itemStyle: { areaColor: '#f4f6fa', borderColor: '#7f95b8' },
      emphasis: { disabled: true },
      select: { disabled: true },
      tooltip: { show: false },
    },
    series: [...roadSeries, isochrone, firms, parks, suppliers, site],
  };
}

const Ring = z.array(z.array(z.number()));
const IsochroneGeoJson = z.object({
  features: z.array(
    z.object({
      geometry: z.union([z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring) }), z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring)) })]),
    }),
  ),
});

/** The polygons of a GeoJSON FeatureCollection of Polygon / MultiPolygon features; nothing for any other shape. */
export function isochroneFeatures(geojson: unknown): IsochroneFeature[] {
  const parsed = IsochroneGeoJson.safeParse(geojson);
  if (!parsed.success) return [];
  return parsed.data.features.map(({ geometry }) => ({ polygons: geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates }));
}
