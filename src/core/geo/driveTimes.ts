import { MinHeap } from './minHeap.ts';
import type { Adjacency, RoadGraph } from './roadGraph.ts';
import type { Snap } from './snap.ts';

export type Direction = 'out' | 'in';

/** A vertex where the search starts, already `seconds` away from the origin. */
export interface Seed {
  vertex: number;
  seconds: number;
}

/**
 * The vertices a snapped point enters the graph at, with the partial segment time (pgRouting withPoints,
 * driving side "both"). 'out': driving away from the point, so the part of the segment ahead of the point in
 * each allowed direction; 'in': driving to the point, so the part behind it.
 */
export function seedsOf(graph: RoadGraph, from: Snap, direction: Direction): Seed[] {
  const s = graph.segments;
  const a = s.from[from.segment] ?? 0;
  const b = s.to[from.segment] ?? 0;
  const fwd = s.forwardSeconds[from.segment] ?? -1;
  const bwd = s.backwardSeconds[from.segment] ?? -1;
  const f = from.fraction;
  const seeds: Seed[] = [];
  if (direction === 'out') {
    if (fwd >= 0) seeds.push({ vertex: b, seconds: (1 - f) * fwd });
    if (bwd >= 0) seeds.push({ vertex: a, seconds: f * bwd });
  } else {
    if (fwd >= 0) seeds.push({ vertex: a, seconds: f * fwd });
    if (bwd >= 0) seeds.push({ vertex: b, seconds: (1 - f) * bwd });
  }
  return seeds;
}

/**
 * Drive time in seconds from a snapped point to every vertex ('out'), or from every vertex to the point
 * ('in', on the reverse graph: "who can reach me"), by Dijkstra bounded at maxSeconds. Infinity where the
 * vertex is not reached within the bound.
 */
export function driveTimes(graph: RoadGraph, from: Snap, maxSeconds: number, direction: Direction = 'out'): Float64Array {
  return driveTimesFromSeeds(graph, seedsOf(graph, from, direction), maxSeconds, direction);
}

/** Bounded multi-source Dijkstra; a vertex at exactly maxSeconds counts as reached. */
export function driveTimesFromSeeds(graph: RoadGraph, seeds: readonly Seed[], maxSeconds: number, direction: Direction = 'out', heap = new MinHeap()): Float64Array {
  const adjacency: Adjacency = direction === 'out' ? { offsets: graph.offsets, targets: graph.targets, seconds: graph.seconds, segment: graph.edgeSegment } : graph.reverse;
  const dist = new Float64Array(graph.vertexCount).fill(Number.POSITIVE_INFINITY);
  heap.clear();
  for (const seed of seeds) {
    if (seed.seconds <= maxSeconds && seed.seconds < (dist[seed.vertex] ?? 0)) {
      dist[seed.vertex] = seed.seconds;
      heap.push(seed.seconds, seed.vertex);
    }
  }
  const { offsets, targets, seconds } = adjacency;
  while (heap.size > 0) {
    const d = heap.peekKey();
    const v = heap.pop();
    if (d > (dist[v] ?? 0)) continue; // a stale entry: v was settled earlier at a shorter time
    const end = offsets[v + 1] ?? 0;
    for (let e = offsets[v] ?? 0; e < end; e++) {
      const t = d + (seconds[e] ?? 0);
      const w = targets[e] ?? 0;
      if (t <= maxSeconds && t < (dist[w] ?? 0)) {
        dist[w] = t;
        heap.push(t, w);
      }
    }
  }
  return dist;
}
