import type { EChartsCoreOption } from 'echarts/core';
import type { EnterpriseSite } from '../../../../src/modules/enterprises/enterprises.model.ts';

export interface SitePoint {
  name: string;
  value: [number, number];
  kind: EnterpriseSite['kind'];
}

/** Sites with a position, as map points labelled by kind and address. */
export function sitePoints(sites: readonly EnterpriseSite[], kindLabel: (kind: EnterpriseSite['kind']) => string): SitePoint[] {
  return sites.flatMap((site) =>
    site.lon === null || site.lat === null
      ? []
      : [{ name: site.address ? `${kindLabel(site.kind)} · ${site.address}` : kindLabel(site.kind), value: [site.lon, site.lat], kind: site.kind }],
  );
}

const KIND_COLORS = { registered: '#1a5fd0', plant: '#e0531e' } as const;

export interface SiteMapInput {
  points: readonly SitePoint[];
  /** the name an outline was registered under with echarts.registerMap, or null to draw on plain lon/lat axes */
  mapName: string | null;
  seriesName: string;
}

/**
 * The firm's sites over the county outline (ECharts geo), or on lon/lat axes where the region has no outline.
 * Registered office and plants have their own colours.
 */
export function buildSiteMapOption({ points, mapName, seriesName }: SiteMapInput): EChartsCoreOption {
  const data = points.map((p) => ({ name: p.name, value: p.value, itemStyle: { color: KIND_COLORS[p.kind] } }));
  const tooltip = { trigger: 'item', formatter: (params: { name: string; value: unknown }) => `${params.name}<br/>${formatLonLat(params.value)}` };
  if (mapName) {
    return {
      aria: { enabled: true },
      tooltip,
      geo: { map: mapName, roam: true, itemStyle: { areaColor: '#eef3fb', borderColor: '#7f95b8' }, emphasis: { disabled: true } },
      series: [{ name: seriesName, type: 'scatter', coordinateSystem: 'geo', symbolSize: 12, data }],
    };
  }
  return {
    aria: { enabled: true },
    tooltip,
    grid: { left: 56, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'value', scale: true, name: '°E' },
    yAxis: { type: 'value', scale: true, name: '°N' },
    series: [{ name: seriesName, type: 'scatter', symbolSize: 12, data }],
  };
}

function formatLonLat(value: unknown): string {
  if (!Array.isArray(value)) return '';
  const [lon, lat] = value;
  return typeof lon === 'number' && typeof lat === 'number' ? `${lon.toFixed(4)}°E, ${lat.toFixed(4)}°N` : '';
}
