import { METERS_PER_DEGREE } from './haversine.ts';
import type { RoadGraph } from './roadGraph.ts';

/**
 * A point placed on its nearest road segment, as pgRouting's withPoints functions place a point: the segment
 * and the fraction along it from its `from` vertex; the part of the segment's time on each side counts.
 */
export interface Snap {
  segment: number;
  /** 0 at the segment's `from` vertex, 1 at its `to` vertex */
  fraction: number;
  /** the projected point on the segment */
  lon: number;
  lat: number;
  /** ground distance from the query point to the projected point, metres */
  distanceM: number;
}

/**
 * The nearest segment to lon/lat, by perpendicular projection in a local equirectangular frame centred on the
 * query point (exact enough for the few hundred metres that matter). Ties go to the lower segment index.
 * Throws when the graph has no segments.
 */
export function snap(graph: RoadGraph, lon: number, lat: number): Snap {
  const ix = graph.index;
  if (graph.segments.count === 0) throw new Error('the road network has no routable segment to snap to');
  const kx = METERS_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const ky = METERS_PER_DEGREE;
  const cx = Math.floor((lon - ix.minLon) / ix.cellLon);
  const cy = Math.floor((lat - ix.minLat) / ix.cellLat);
  // rings beyond this radius cannot hold any cell of the grid
  const maxRing = Math.max(Math.abs(cx), Math.abs(cx - ix.columns + 1), Math.abs(cy), Math.abs(cy - ix.rows + 1));
  let best = -1;
  let bestD2 = Number.POSITIVE_INFINITY;
  let bestT = 0;
  const consider = (s: number): void => {
    const a = graph.segments.from[s] ?? 0;
    const b = graph.segments.to[s] ?? 0;
    const ax = ((graph.lon[a] ?? 0) - lon) * kx;
    const ay = ((graph.lat[a] ?? 0) - lat) * ky;
    const dx = ((graph.lon[b] ?? 0) - lon) * kx - ax;
    const dy = ((graph.lat[b] ?? 0) - lat) * ky - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
    const px = ax + t * dx;
    const py = ay + t * dy;
    const d2 = px * px + py * py;
    if (d2 < bestD2 || (d2 === bestD2 && s < best)) {
      bestD2 = d2;
      best = s;
      bestT = t;
    }
  };
  for (let ring = 0; ring <= maxRing; ring++) {
    // every segment not yet seen lies outside the (2·ring − 1)² block around the query's cell
    if (best >= 0 && Math.sqrt(bestD2) <= (ring - 1) * ix.minCellMeters) break;
    for (let row = cy - ring; row <= cy + ring; row++) {
      if (row < 0 || row >= ix.rows) continue;
      const isEdgeRow = row === cy - ring || row === cy + ring;
      const step = isEdgeRow ? 1 : 2 * ring;
      for (let col = cx - ring; col <= cx + ring; col += step > 0 ? step : 1) {
        if (col < 0 || col >= ix.columns) continue;
        const cell = row * ix.columns + col;
        const end = ix.cellStart[cell + 1] ?? 0;
        for (let k = ix.cellStart[cell] ?? 0; k < end; k++) consider(ix.items[k] ?? 0);
      }
    }
  }
  const a = graph.segments.from[best] ?? 0;
  const b = graph.segments.to[best] ?? 0;
  const aLon = graph.lon[a] ?? 0;
  const aLat = graph.lat[a] ?? 0;
  return {
    segment: best,
    fraction: bestT,
    lon: aLon + bestT * ((graph.lon[b] ?? 0) - aLon),
    lat: aLat + bestT * ((graph.lat[b] ?? 0) - aLat),
    distanceM: Math.sqrt(bestD2),
  };
}

/** A snap exactly at a vertex (fraction 0 or 1 of a segment touching it), for vertex-to-vertex queries. */
export function snapToVertex(graph: RoadGraph, vertex: number): Snap {
  const out = graph.offsets[vertex] ?? 0;
  const into = graph.reverse.offsets[vertex] ?? 0;
  const segment = out < (graph.offsets[vertex + 1] ?? 0) ? graph.edgeSegment[out] : into < (graph.reverse.offsets[vertex + 1] ?? 0) ? graph.reverse.segment[into] : undefined;
  if (segment === undefined) throw new Error(`vertex ${vertex} has no segment`);
  const fraction = graph.segments.from[segment] === vertex ? 0 : 1;
  return { segment, fraction, lon: graph.lon[vertex] ?? 0, lat: graph.lat[vertex] ?? 0, distanceM: 0 };
}
