import { seedsOf } from '../../core/geo/driveTimes.ts';
import { MinHeap } from '../../core/geo/minHeap.ts';
import type { RoadGraph } from '../../core/geo/roadGraph.ts';
import type { Snap } from '../../core/geo/snap.ts';

/**
 * Where the firms of each node enter the road graph when they drive off (their 'out' seeds), inverted: for every
 * vertex and node, the two fastest distinct firms of that node that reach the vertex straight from their own
 * segment (two, because the site's own firm never counts as its supplier). Built once per network and firm data;
 * dense town centres hold hundreds of firms but only dozens of nodes per vertex.
 */
export interface NodeEntries {
  /** CSR over vertices: entries of vertex v are offsets[v] .. offsets[v + 1] - 1 */
  offsets: Int32Array;
  node: Int32Array;
  firstFirm: Int32Array;
  firstSeconds: Float64Array;
  /** -1 / Infinity when the node has one firm at the vertex */
  secondFirm: Int32Array;
  secondSeconds: Float64Array;
}

export function buildNodeEntries(graph: RoadGraph, positions: readonly Snap[], nodesOfFirm: readonly (readonly number[])[]): NodeEntries {
  // vertex → node → [first, second] (firm, seconds)
  const perVertex = new Map<number, Map<number, [number, number, number, number]>>();
  positions.forEach((p, f) => {
    for (const seed of seedsOf(graph, p, 'out')) {
      let byNode = perVertex.get(seed.vertex);
      if (!byNode) {
        byNode = new Map();
        perVertex.set(seed.vertex, byNode);
      }
      for (const n of nodesOfFirm[f] ?? []) {
        const best = byNode.get(n);
        if (!best) byNode.set(n, [f, seed.seconds, -1, Number.POSITIVE_INFINITY]);
        else if (f === best[0]) byNode.set(n, [f, Math.min(seed.seconds, best[1]), best[2], best[3]]);
        else if (seed.seconds < best[1]) byNode.set(n, [f, seed.seconds, best[0], best[1]]);
        else if (seed.seconds < best[3] && f !== best[0]) byNode.set(n, [best[0], best[1], f, seed.seconds]);
      }
    }
  });
  const offsets = new Int32Array(graph.vertexCount + 1);
  for (const [v, byNode] of perVertex) offsets[v + 1] = byNode.size;
  for (let v = 0; v < graph.vertexCount; v++) offsets[v + 1] = (offsets[v + 1] ?? 0) + (offsets[v] ?? 0);
  const total = offsets[graph.vertexCount] ?? 0;
  const entries: NodeEntries = {
    offsets,
    node: new Int32Array(total),
    firstFirm: new Int32Array(total),
    firstSeconds: new Float64Array(total),
    secondFirm: new Int32Array(total),
    secondSeconds: new Float64Array(total),
  };
  for (const [v, byNode] of perVertex) {
    let at = offsets[v] ?? 0;
    for (const [n, [f1, s1, f2, s2]] of byNode) {
      entries.node[at] = n;
      entries.firstFirm[at] = f1;
      entries.firstSeconds[at] = s1;
      entries.secondFirm[at] = f2;
      entries.secondSeconds[at] = s2;
      at++;
    }
  }
  return entries;
}

export interface CoverageSearchInput {
  graph: RoadGraph;
  entries: NodeEntries;
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
      const n = entries.node[k] ?? 0;
      if (work.wantedStamp[n] !== epoch || work.coveredStamp[n] === epoch) continue;
      const extra = entries.firstFirm[k] !== siteFirm ? (entries.firstSeconds[k] ?? 0) : (entries.secondSeconds[k] ?? Number.POSITIVE_INFINITY);
      if (d + extra <= maxSeconds) {
        work.coveredStamp[n] = epoch;
        remaining--;
      }
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
