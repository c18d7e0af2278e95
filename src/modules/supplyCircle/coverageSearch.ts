import { seedsOf } from '../../core/geo/driveTimes.ts';
import { MinHeap } from '../../core/geo/minHeap.ts';
import type { RoadGraph } from '../../core/geo/roadGraph.ts';
import type { Snap } from '../../core/geo/snap.ts';

/**
 * Where each firm enters the road graph when it drives off (its 'out' seeds), inverted: for every vertex, the
 * firms that reach it directly from their own segment and the seconds that takes. Built once per network and
 * firm data.
 */
export interface FirmEntries {
  /** CSR over vertices: entries of vertex v are offsets[v] .. offsets[v + 1] - 1 */
  offsets: Int32Array;
  firm: Int32Array;
  seconds: Float64Array;
}

export function buildFirmEntries(graph: RoadGraph, positions: readonly Snap[]): FirmEntries {
  const offsets = new Int32Array(graph.vertexCount + 1);
  const seeds = positions.map((p) => seedsOf(graph, p, 'out'));
  for (const list of seeds) for (const s of list) offsets[s.vertex + 1] = (offsets[s.vertex + 1] ?? 0) + 1;
  for (let v = 0; v < graph.vertexCount; v++) offsets[v + 1] = (offsets[v + 1] ?? 0) + (offsets[v] ?? 0);
  const fill = offsets.slice(0, graph.vertexCount);
  const total = offsets[graph.vertexCount] ?? 0;
  const firm = new Int32Array(total);
  const seconds = new Float64Array(total);
  seeds.forEach((list, i) => {
    for (const s of list) {
      const at = fill[s.vertex] ?? 0;
      fill[s.vertex] = at + 1;
      firm[at] = i;
      seconds[at] = s.seconds;
    }
  });
  return { offsets, firm, seconds };
}

export interface CoverageSearchInput {
  graph: RoadGraph;
  entries: FirmEntries;
  positions: readonly Snap[];
  /** node codes (small integers) of each firm */
  nodesOfFirm: readonly (readonly number[])[];
  /** the site's firm: never its own supplier */
  siteFirm: number;
  /** node codes to cover */
  wanted: readonly number[];
  maxSeconds: number;
}

/**
 * How many of the wanted nodes have a supplier (another firm on the node) that drives to the site within the
 * limit. A reverse Dijkstra from the site that stops as soon as every wanted node is covered: a supplier's
 * candidate time (its partial segment + the settled vertex's time) is a real route, so once it is within the
 * limit the node is covered; a supplier whose best route is within the limit enters at a vertex settled within
 * the limit, so nothing is missed. Suppliers on the site's own segment may also drive straight along it.
 * Same answer as the full circle (coverageAt), several times faster on a county matrix because the nearest
 * supplier of every node is usually a few minutes away.
 */
export function countCoveredNodes(input: CoverageSearchInput, work: CoverageWork): number {
  const { graph, entries, positions, nodesOfFirm, siteFirm, wanted, maxSeconds } = input;
  const site = positions[siteFirm];
  if (!site || wanted.length === 0) return 0;
  work.epoch++;
  const epoch = work.epoch;
  for (const n of wanted) work.wantedStamp[n] = epoch;
  let remaining = wanted.length;
  const cover = (f: number): void => {
    if (f === siteFirm) return;
    for (const n of nodesOfFirm[f] ?? []) {
      if (work.wantedStamp[n] === epoch && work.coveredStamp[n] !== epoch) {
        work.coveredStamp[n] = epoch;
        remaining--;
      }
    }
  };
  // straight along the site's own segment
  const s = graph.segments;
  const fwd = s.forwardSeconds[site.segment] ?? -1;
  const bwd = s.backwardSeconds[site.segment] ?? -1;
  for (const f of work.firmsOnSegment.get(site.segment) ?? []) {
    const p = positions[f];
    if (!p) continue;
    const direct = p.fraction <= site.fraction ? (fwd >= 0 ? (site.fraction - p.fraction) * fwd : Number.POSITIVE_INFINITY) : bwd >= 0 ? (p.fraction - site.fraction) * bwd : Number.POSITIVE_INFINITY;
    if (direct <= maxSeconds) cover(f);
  }
  if (remaining === 0) return wanted.length;

  const dist = work.dist;
  const stamp = work.distStamp;
  const heap = work.heap;
  heap.clear();
  for (const seed of seedsOf(graph, site, 'in')) {
    if (seed.seconds > maxSeconds) continue;
    if (stamp[seed.vertex] !== epoch || seed.seconds < (dist[seed.vertex] ?? 0)) {
      stamp[seed.vertex] = epoch;
      dist[seed.vertex] = seed.seconds;
      heap.push(seed.seconds, seed.vertex);
    }
  }
  const { offsets, targets, seconds } = graph.reverse;
  while (heap.size > 0 && remaining > 0) {
    const d = heap.peekKey();
    const v = heap.pop();
    if (d > (dist[v] ?? 0)) continue;
    const entryEnd = entries.offsets[v + 1] ?? 0;
    for (let k = entries.offsets[v] ?? 0; k < entryEnd; k++) {
      if (d + (entries.seconds[k] ?? 0) <= maxSeconds) cover(entries.firm[k] ?? -1);
    }
    const end = offsets[v + 1] ?? 0;
    for (let e = offsets[v] ?? 0; e < end; e++) {
      const t = d + (seconds[e] ?? 0);
      const w = targets[e] ?? 0;
      if (t <= maxSeconds && (stamp[w] !== epoch || t < (dist[w] ?? 0))) {
        stamp[w] = epoch;
        dist[w] = t;
        heap.push(t, w);
      }
    }
  }
  return wanted.length - remaining;
}

/** Scratch arrays reused across searches (stamped by epoch instead of cleared). */
export interface CoverageWork {
  epoch: number;
  dist: Float64Array;
  distStamp: Int32Array;
  wantedStamp: Int32Array;
  coveredStamp: Int32Array;
  heap: MinHeap;
  firmsOnSegment: Map<number, number[]>;
}

export function createCoverageWork(graph: RoadGraph, positions: readonly Snap[], nodeCount: number): CoverageWork {
  const firmsOnSegment = new Map<number, number[]>();
  positions.forEach((p, i) => {
    const list = firmsOnSegment.get(p.segment);
    if (list) list.push(i);
    else firmsOnSegment.set(p.segment, [i]);
  });
  return {
    epoch: 0,
    dist: new Float64Array(graph.vertexCount),
    distStamp: new Int32Array(graph.vertexCount),
    wantedStamp: new Int32Array(nodeCount),
    coveredStamp: new Int32Array(nodeCount),
    heap: new MinHeap(),
    firmsOnSegment,
  };
}
