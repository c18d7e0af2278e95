import type { FeatureCollection, MultiPolygon } from 'geojson';
import { type Direction, driveTimes } from '../../core/geo/driveTimes.ts';
import { type IsochroneProperties, isochronePolygons } from '../../core/geo/isochronePolygons.ts';
import type { RoadGraph } from '../../core/geo/roadGraph.ts';
import { type Snap, snap } from '../../core/geo/snap.ts';

export interface IsochroneRequest {
  lon: number;
  lat: number;
  /** ascending, distinct, > 0 */
  minutes: number[];
  direction: Direction;
}

export interface IsochroneResult {
  origin: Snap;
  /** drive seconds per vertex, Infinity beyond the largest limit */
  times: Float64Array;
  reachedPerLimit: Array<{ minutes: number; nodes: number }>;
}

/** One bounded search to the largest limit answers every smaller limit too. */
export function computeIsochrone(graph: RoadGraph, request: IsochroneRequest): IsochroneResult {
  const origin = snap(graph, request.lon, request.lat);
  const maxSeconds = Math.max(...request.minutes) * 60;
  const times = driveTimes(graph, origin, maxSeconds, request.direction);
  const reachedPerLimit = request.minutes.map((minutes) => ({ minutes, nodes: times.filter((t) => t <= minutes * 60).length }));
  return { origin, times, reachedPerLimit };
}

/** `minutes,node,seconds` for every OSM node reached within each limit, by limit, then time, then node id. */
export function formatReachedNodesCsv(graph: RoadGraph, times: Float64Array, minutes: readonly number[]): string {
  const reached: number[] = [];
  times.forEach((t, v) => {
    if (Number.isFinite(t)) reached.push(v);
  });
  reached.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || (graph.osmIds[a] ?? 0) - (graph.osmIds[b] ?? 0));
  const lines = ['minutes,node,seconds'];
  for (const m of minutes) {
    const limit = m * 60;
    for (const v of reached) {
      const t = times[v] ?? Number.POSITIVE_INFINITY;
      if (t > limit) break;
      lines.push(`${m},${graph.osmIds[v] ?? 0},${Number(t.toFixed(6))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function isochroneGeoJson(graph: RoadGraph, result: IsochroneResult, request: IsochroneRequest, attribution: string): FeatureCollection<MultiPolygon, IsochroneProperties> & { attribution?: string } {
  const collection = isochronePolygons(graph, result.origin, result.times, request.minutes.map((m) => m * 60), { direction: request.direction });
  return attribution ? { ...collection, attribution } : collection;
}
