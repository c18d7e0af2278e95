import { contours } from 'd3-contour';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import { type Direction, seedsOf } from './driveTimes.ts';
import { METERS_PER_DEGREE } from './haversine.ts';
import type { RoadGraph } from './roadGraph.ts';
import type { Snap } from './snap.ts';

export interface IsochroneProperties {
  minutes: number;
  seconds: number;
}

export interface IsochroneOptions {
  /** grid cell side on the ground, metres; by default about 500 cells across the reached area, 20 m to 250 m */
  cellMeters?: number;
  /** how far the reached roads are widened into the polygon, in cells (a road band of 2·buffer + 1 cells) */
  bufferCells?: number;
  direction?: Direction;
}

/**
 * Display polygons of the area reached within each limit: the reached roads are drawn into a grid (each point
 * of a reached segment at its own interpolated drive time, not only the vertices), widened by a minimum
 * filter, and contoured with marching squares (d3-contour, ISC). Unreached blocks between roads stay holes,
 * separate reached parts stay islands. For display only: the reachable node set is the answer, not these.
 * `times` are driveTimes(graph, origin, ≥ max limit, direction).
 */
export function isochronePolygons(graph: RoadGraph, origin: Snap, times: Float64Array, limitsSeconds: readonly number[], options: IsochroneOptions = {}): FeatureCollection<MultiPolygon, IsochroneProperties> {
  const maxLimit = Math.max(0, ...limitsSeconds);
  const direction = options.direction ?? 'out';
  const box = reachedBox(graph, origin, times, maxLimit);
  const cosLat = Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180);
  const spanM = Math.max((box.maxLon - box.minLon) * METERS_PER_DEGREE * cosLat, (box.maxLat - box.minLat) * METERS_PER_DEGREE);
  const cellM = options.cellMeters ?? Math.min(250, Math.max(20, spanM / 500));
  const buffer = options.bufferCells ?? 2;
  const pad = buffer + 2;
  const cellLat = cellM / METERS_PER_DEGREE;
  const cellLon = cellM / (METERS_PER_DEGREE * Math.max(cosLat, 1e-6));
  const minLon = box.minLon - pad * cellLon;
  const minLat = box.minLat - pad * cellLat;
  const columns = Math.ceil((box.maxLon - box.minLon) / cellLon) + 2 * pad + 1;
  const rows = Math.ceil((box.maxLat - box.minLat) / cellLat) + 2 * pad + 1;
  const grid = new Float64Array(columns * rows).fill(Number.POSITIVE_INFINITY);
  const draw = (ax: number, ay: number, bx: number, by: number, t0: number, seconds: number): void => {
    const lengthM = Math.hypot((bx - ax) * METERS_PER_DEGREE * cosLat, (by - ay) * METERS_PER_DEGREE);
    const steps = Math.max(1, Math.ceil((2 * lengthM) / cellM));
    for (let j = 0; j <= steps; j++) {
      const f = j / steps;
      const t = t0 + f * seconds;
      if (t > maxLimit) break;
      const c = Math.floor((ax + f * (bx - ax) - minLon) / cellLon);
      const r = Math.floor((ay + f * (by - ay) - minLat) / cellLat);
      const k = r * columns + c;
      if (t < (grid[k] ?? 0)) grid[k] = t;
    }
  };
  drawOriginSegment(graph, origin, direction, draw);
  const adjacency = direction === 'out' ? { offsets: graph.offsets, targets: graph.targets, seconds: graph.seconds } : graph.reverse;
  for (let v = 0; v < graph.vertexCount; v++) {
    const tv = times[v] ?? Number.POSITIVE_INFINITY;
    if (!(tv <= maxLimit)) continue;
    const end = adjacency.offsets[v + 1] ?? 0;
    for (let e = adjacency.offsets[v] ?? 0; e < end; e++) {
      const w = adjacency.targets[e] ?? 0;
      draw(graph.lon[v] ?? 0, graph.lat[v] ?? 0, graph.lon[w] ?? 0, graph.lat[w] ?? 0, tv, adjacency.seconds[e] ?? 0);
    }
  }
  const widened = minFilter(grid, columns, rows, buffer);
  // d3-contour encloses values ≥ threshold, so contour the negated times; unreached cells get a value far
  // below every threshold, which puts the smoothed boundary about half a cell outside the reached cells
  const unreached = -2 * maxLimit - 1;
  const values = Array.from(widened, (t) => (Number.isFinite(t) ? -t : unreached));
  const generator = contours().size([columns, rows]);
  const toLonLat = (p: Position): Position => [round6(minLon + (p[0] ?? 0) * cellLon), round6(minLat + (p[1] ?? 0) * cellLat)];
  const features = limitsSeconds.map((limit): Feature<MultiPolygon, IsochroneProperties> => {
    const geometry = generator.contour(values, -limit);
    return {
      type: 'Feature',
      properties: { minutes: limit / 60, seconds: limit },
      geometry: { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(toLonLat))) },
    };
  });
  return { type: 'FeatureCollection', features };
}

interface Box {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

function reachedBox(graph: RoadGraph, origin: Snap, times: Float64Array, maxLimit: number): Box {
  const box = { minLon: origin.lon, minLat: origin.lat, maxLon: origin.lon, maxLat: origin.lat };
  for (let v = 0; v < graph.vertexCount; v++) {
    if (!((times[v] ?? Number.POSITIVE_INFINITY) <= maxLimit)) continue;
    const x = graph.lon[v] ?? 0;
    const y = graph.lat[v] ?? 0;
    if (x < box.minLon) box.minLon = x;
    if (x > box.maxLon) box.maxLon = x;
    if (y < box.minLat) box.minLat = y;
    if (y > box.maxLat) box.maxLat = y;
  }
  return box;
}

/** The origin's own segment, from the snapped point to each end it may drive to (or come from). */
function drawOriginSegment(graph: RoadGraph, origin: Snap, direction: Direction, draw: (ax: number, ay: number, bx: number, by: number, t0: number, seconds: number) => void): void {
  for (const seed of seedsOf(graph, origin, direction)) draw(origin.lon, origin.lat, graph.lon[seed.vertex] ?? 0, graph.lat[seed.vertex] ?? 0, 0, seed.seconds);
}

/** Minimum over a (2r + 1)² window, as a row pass then a column pass. */
function minFilter(grid: Float64Array, columns: number, rows: number, r: number): Float64Array {
  if (r <= 0) return grid;
  const across = new Float64Array(grid.length);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      let m = Number.POSITIVE_INFINITY;
      for (let k = Math.max(0, x - r); k <= Math.min(columns - 1, x + r); k++) m = Math.min(m, grid[y * columns + k] ?? m);
      across[y * columns + x] = m;
    }
  }
  const out = new Float64Array(grid.length);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      let m = Number.POSITIVE_INFINITY;
      for (let k = Math.max(0, y - r); k <= Math.min(rows - 1, y + r); k++) m = Math.min(m, across[k * columns + x] ?? m);
      out[y * columns + x] = m;
    }
  }
  return out;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
