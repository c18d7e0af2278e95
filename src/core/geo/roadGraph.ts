import { haversineMeters } from './haversine.ts';
import { buildSegmentIndex, type SegmentIndex } from './segmentIndex.ts';
import { routeWay } from './speeds.ts';

/** One OSM-like way: its node ids in order and its tags. */
export interface WayInput {
  id: number;
  nodeIds: number[] | Float64Array;
  tags: Record<string, string>;
}

/**
 * The road pieces between consecutive OSM nodes of routable ways, one row per piece whatever its directions
 * (the shape of a pgRouting edge table). Seconds are negative where a car may not drive that way.
 */
export interface RoadSegments {
  count: number;
  /** vertex index of the way's earlier node */
  from: Int32Array;
  to: Int32Array;
  /** seconds from `from` to `to`; negative when not allowed */
  forwardSeconds: Float64Array;
  /** seconds from `to` to `from`; negative when not allowed */
  backwardSeconds: Float64Array;
  lengthM: Float64Array;
  /** index into HIGHWAY_CLASSES */
  classCode: Uint8Array;
}

/** The vertices of a network: every OSM node of every routable way that has coordinates. */
export interface RoadVertices {
  count: number;
  osmIds: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
}

/** A directed graph in compressed sparse rows: edges leaving vertex v are offsets[v] .. offsets[v + 1] - 1. */
export interface Adjacency {
  offsets: Int32Array;
  /** the other end of each edge (its head in the forward graph, its tail in the reverse graph) */
  targets: Int32Array;
  seconds: Float64Array;
  /** the segment each edge runs along */
  segment: Int32Array;
}

export interface RoadGraph {
  vertexCount: number;
  osmIds: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  /** forward CSR: who I can reach */
  offsets: Int32Array;
  targets: Int32Array;
  seconds: Float64Array;
  edgeSegment: Int32Array;
  /** reverse CSR: who can reach me (targets are the edges' tails) */
  reverse: Adjacency;
  segments: RoadSegments;
  /** grid index of segments for snapping */
  index: SegmentIndex;
}

/**
 * Build the routable graph: a vertex for EVERY OSM node of every routable way, an edge for every consecutive
 * pair, costs in seconds per METHODS §4. coords: OSM node id → [lon, lat]. Nodes without coordinates (cut off
 * by an extract's boundary) are left out together with the pieces touching them.
 */
export function buildRoadGraph(ways: Iterable<WayInput>, coords: (id: number) => [number, number] | undefined): RoadGraph {
  const vertexOf = new Map<number, number>();
  const ids: number[] = [];
  const lons: number[] = [];
  const lats: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const forward: number[] = [];
  const backward: number[] = [];
  const lengths: number[] = [];
  const classes: number[] = [];
  const vertexFor = (osmId: number): number => {
    const known = vertexOf.get(osmId);
    if (known !== undefined) return known;
    const c = coords(osmId);
    if (c === undefined) return -1;
    const v = ids.length;
    vertexOf.set(osmId, v);
    ids.push(osmId);
    lons.push(c[0]);
    lats.push(c[1]);
    return v;
  };
  for (const way of ways) {
    const routing = routeWay(way.tags);
    if (routing === undefined) continue;
    const metersPerSecond = routing.speedKmh / 3.6;
    let previous = -1;
    for (let i = 0; i < way.nodeIds.length; i++) {
      const osmId = way.nodeIds[i];
      const v = osmId === undefined ? -1 : vertexFor(osmId);
      if (previous >= 0 && v >= 0 && v !== previous) {
        const meters = haversineMeters(lons[previous] ?? 0, lats[previous] ?? 0, lons[v] ?? 0, lats[v] ?? 0);
        const seconds = meters / metersPerSecond;
        from.push(previous);
        to.push(v);
        forward.push(routing.isForward ? seconds : -1);
        backward.push(routing.isBackward ? seconds : -1);
        lengths.push(meters);
        classes.push(routing.classCode);
      }
      previous = v;
    }
  }
  const vertices: RoadVertices = {
    count: ids.length,
    osmIds: Float64Array.from(ids),
    lon: Float64Array.from(lons),
    lat: Float64Array.from(lats),
  };
  const segments: RoadSegments = {
    count: from.length,
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    forwardSeconds: Float64Array.from(forward),
    backwardSeconds: Float64Array.from(backward),
    lengthM: Float64Array.from(lengths),
    classCode: Uint8Array.from(classes),
  };
  return assembleRoadGraph(vertices, segments);
}

/** Derives the forward and reverse adjacency and the snapping index from vertices and segments. */
export function assembleRoadGraph(vertices: RoadVertices, segments: RoadSegments): RoadGraph {
  const forward = buildAdjacency(vertices.count, segments, false);
  const reverse = buildAdjacency(vertices.count, segments, true);
  return {
    vertexCount: vertices.count,
    osmIds: vertices.osmIds,
    lon: vertices.lon,
    lat: vertices.lat,
    offsets: forward.offsets,
    targets: forward.targets,
    seconds: forward.seconds,
    edgeSegment: forward.segment,
    reverse,
    segments,
    index: buildSegmentIndex(vertices.lon, vertices.lat, segments.from, segments.to),
  };
}

function bump(counts: Int32Array, at: number): void {
  counts[at] = (counts[at] ?? 0) + 1;
}

/**
 * Counting sort of the directed edges by their tail (forward) or head (reverse): two passes over the
 * segments, no per-vertex arrays.
 */
function buildAdjacency(vertexCount: number, s: RoadSegments, isReverse: boolean): Adjacency {
  const offsets = new Int32Array(vertexCount + 1);
  let edgeCount = 0;
  for (let i = 0; i < s.count; i++) {
    const a = s.from[i] ?? 0;
    const b = s.to[i] ?? 0;
    // forward graph: an edge a→b leaves a; reverse graph: the same edge is listed under b.
    if ((s.forwardSeconds[i] ?? -1) >= 0) {
      bump(offsets, (isReverse ? b : a) + 1);
      edgeCount++;
    }
    if ((s.backwardSeconds[i] ?? -1) >= 0) {
      bump(offsets, (isReverse ? a : b) + 1);
      edgeCount++;
    }
  }
  for (let v = 0; v < vertexCount; v++) offsets[v + 1] = (offsets[v + 1] ?? 0) + (offsets[v] ?? 0);
  const fill = offsets.slice(0, vertexCount);
  const targets = new Int32Array(edgeCount);
  const seconds = new Float64Array(edgeCount);
  const segment = new Int32Array(edgeCount);
  const put = (owner: number, other: number, cost: number, seg: number): void => {
    const at = fill[owner] ?? 0;
    fill[owner] = at + 1;
    targets[at] = other;
    seconds[at] = cost;
    segment[at] = seg;
  };
  for (let i = 0; i < s.count; i++) {
    const a = s.from[i] ?? 0;
    const b = s.to[i] ?? 0;
    const fwd = s.forwardSeconds[i] ?? -1;
    const bwd = s.backwardSeconds[i] ?? -1;
    if (fwd >= 0) {
      if (isReverse) put(b, a, fwd, i);
      else put(a, b, fwd, i);
    }
    if (bwd >= 0) {
      if (isReverse) put(a, b, bwd, i);
      else put(b, a, bwd, i);
    }
  }
  return { offsets, targets, seconds, segment };
}
