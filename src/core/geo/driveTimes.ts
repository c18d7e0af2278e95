import { contractionOf } from './contraction.ts';
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

/**
 * Bounded multi-source Dijkstra; a vertex at exactly maxSeconds counts as reached. Runs on the junctions of
 * the contracted graph (see contraction.ts), then fills in the vertices inside chains from both chain ends.
 */
export function driveTimesFromSeeds(graph: RoadGraph, seeds: readonly Seed[], maxSeconds: number, direction: Direction = 'out', heap = new MinHeap()): Float64Array {
  const c = contractionOf(graph);
  const isOut = direction === 'out';
  // moving along a chain's order costs `along`, against it `against`; "to the point" swaps the two
  const along = isOut ? c.forward : c.backward;
  const against = isOut ? c.backward : c.forward;
  const { offsets, targets, seconds } = isOut ? c.out : c.in;
  const { vertexStart, vertices, chainOf, indexInChain } = c;
  const dist = new Float64Array(graph.vertexCount).fill(Number.POSITIVE_INFINITY);
  heap.clear();
  const reach = (v: number, t: number): void => {
    if (t <= maxSeconds && t < (dist[v] ?? 0)) {
      dist[v] = t;
      heap.push(t, v);
    }
  };
  const seededChains: number[] = [];
  for (const seed of seeds) {
    if (!(seed.seconds <= maxSeconds)) continue;
    const ch = chainOf[seed.vertex] ?? -1;
    if (ch < 0) {
      reach(seed.vertex, seed.seconds);
      continue;
    }
    // a seed inside a chain: its own time, and the times at which it reaches the chain's two junctions
    if (seed.seconds < (dist[seed.vertex] ?? 0)) dist[seed.vertex] = seed.seconds;
    seededChains.push(ch);
    const step0 = (vertexStart[ch] ?? 0) + ch;
    const interior = (vertexStart[ch + 1] ?? 0) - (vertexStart[ch] ?? 0);
    const k = indexInChain[seed.vertex] ?? 0;
    let t = seed.seconds;
    for (let j = k + 1; j <= interior && t <= maxSeconds; j++) t = addStep(t, along[step0 + j] ?? -1);
    reach(c.end[ch] ?? 0, t);
    t = seed.seconds;
    for (let j = k; j >= 0 && t <= maxSeconds; j--) t = addStep(t, against[step0 + j] ?? -1);
    reach(c.start[ch] ?? 0, t);
  }
  settle(heap, dist, { offsets, targets, seconds }, maxSeconds);
  for (let ch = 0; ch < c.chainCount; ch++) {
    const first = vertexStart[ch] ?? 0;
    const last = vertexStart[ch + 1] ?? 0;
    if (first === last) continue;
    const fromStart = dist[c.start[ch] ?? 0] ?? Number.POSITIVE_INFINITY;
    const fromEnd = dist[c.end[ch] ?? 0] ?? Number.POSITIVE_INFINITY;
    if (fromStart === Number.POSITIVE_INFINITY && fromEnd === Number.POSITIVE_INFINITY && !seededChains.includes(ch)) continue;
    // two sweeps settle a path exactly: along the chain from its start, then back from its end
    const step0 = first + ch;
    let t = fromStart;
    for (let i = first; i < last; i++) {
      t = addStep(t, along[step0 + i - first] ?? -1);
      const x = vertices[i] ?? 0;
      const known = dist[x] ?? 0;
      if (known < t) t = known;
      else dist[x] = t;
    }
    t = fromEnd;
    for (let i = last - 1; i >= first; i--) {
      t = addStep(t, against[step0 + i - first + 1] ?? -1);
      const x = vertices[i] ?? 0;
      const known = dist[x] ?? 0;
      if (known < t) t = known;
      // the second sweep settles x: apply the bound here
      dist[x] = t <= maxSeconds ? t : Number.POSITIVE_INFINITY;
    }
  }
  return dist;
}

/** t plus a step's cost, or Infinity when the step may not be driven that way. */
/** Bounded Dijkstra from what the heap holds: settles vertices in time order, never past `maxSeconds`. */
function settle(heap: MinHeap, dist: Float64Array, adjacency: { offsets: Int32Array; targets: Int32Array; seconds: Float64Array }, maxSeconds: number): void {
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
}

function addStep(t: number, cost: number): number {
  return cost < 0 ? Number.POSITIVE_INFINITY : t + cost;
}

/**
 * Bounded multi-source Dijkstra on every vertex, the textbook form: the reference the contracted search is
 * tested against, and the baseline of the bench.
 */
export function plainDriveTimesFromSeeds(graph: RoadGraph, seeds: readonly Seed[], maxSeconds: number, direction: Direction = 'out', heap = new MinHeap()): Float64Array {
  const adjacency: Adjacency = direction === 'out' ? { offsets: graph.offsets, targets: graph.targets, seconds: graph.seconds, segment: graph.edgeSegment } : graph.reverse;
  const dist = new Float64Array(graph.vertexCount).fill(Number.POSITIVE_INFINITY);
  heap.clear();
  for (const seed of seeds) {
    if (seed.seconds <= maxSeconds && seed.seconds < (dist[seed.vertex] ?? 0)) {
      dist[seed.vertex] = seed.seconds;
      heap.push(seed.seconds, seed.vertex);
    }
  }
  settle(heap, dist, adjacency, maxSeconds);
  return dist;
}
