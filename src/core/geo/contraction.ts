import type { RoadGraph } from './roadGraph.ts';

/**
 * The road graph with its degree-2 chains folded: most OSM nodes only shape a road (8–12 % of the Andorra and
 * Monaco vertices are junctions or dead ends), so Dijkstra runs on the junctions with one edge per chain and
 * direction, and the nodes inside a chain get their times afterwards from the chain's two ends in one linear
 * pass. Same answers as Dijkstra on every node (a node inside a chain can only be entered along it), up to the
 * order in which costs are summed.
 */
export interface Contraction {
  /** chains in CSR form: chain c runs from junction start[c] through vertices[vertexStart[c] .. vertexStart[c + 1] − 1] to end[c] */
  chainCount: number;
  start: Int32Array;
  end: Int32Array;
  vertexStart: Int32Array;
  vertices: Int32Array;
  /**
   * step costs in seconds along the chain (negative = not allowed): chain c has (interior count + 1) steps,
   * stepStart[c] = vertexStart[c] + c; step k joins the chain's k-th point to its (k + 1)-th (point 0 = start)
   */
  forward: Float64Array;
  backward: Float64Array;
  /** for a vertex inside a chain: its chain and its index among the chain's interior vertices; −1 for junctions */
  chainOf: Int32Array;
  indexInChain: Int32Array;
  /** junction graph, one CSR per direction: out (from the point) and in (to the point, costs reversed) */
  out: JunctionAdjacency;
  in: JunctionAdjacency;
}

export interface JunctionAdjacency {
  offsets: Int32Array;
  targets: Int32Array;
  seconds: Float64Array;
}

const cache = new WeakMap<RoadGraph, Contraction>();

/** The graph's contraction, built on first use and kept as long as the graph lives. */
export function contractionOf(graph: RoadGraph): Contraction {
  let c = cache.get(graph);
  if (!c) {
    c = contract(graph);
    cache.set(graph, c);
  }
  return c;
}

function contract(g: RoadGraph): Contraction {
  const n = g.vertexCount;
  const s = g.segments;
  // incidence lists: the segments touching each vertex
  const incStart = new Int32Array(n + 1);
  for (let i = 0; i < s.count; i++) {
    const a = s.from[i] ?? 0;
    const b = s.to[i] ?? 0;
    incStart[a + 1] = (incStart[a + 1] ?? 0) + 1;
    incStart[b + 1] = (incStart[b + 1] ?? 0) + 1;
  }
  for (let v = 0; v < n; v++) incStart[v + 1] = (incStart[v + 1] ?? 0) + (incStart[v] ?? 0);
  const fill = incStart.slice(0, n);
  const inc = new Int32Array(2 * s.count);
  for (let i = 0; i < s.count; i++) {
    for (const v of [s.from[i] ?? 0, s.to[i] ?? 0]) {
      const at = fill[v] ?? 0;
      inc[at] = i;
      fill[v] = at + 1;
    }
  }
  const isJunction = new Uint8Array(n);
  for (let v = 0; v < n; v++) if ((incStart[v + 1] ?? 0) - (incStart[v] ?? 0) !== 2) isJunction[v] = 1;

  const starts: number[] = [];
  const ends: number[] = [];
  const vertexStart: number[] = [0];
  const vertices: number[] = [];
  const forward: number[] = [];
  const backward: number[] = [];
  const isSegmentUsed = new Uint8Array(s.count);
  const walk = (from: number, firstSegment: number): void => {
    let at = from;
    let segment = firstSegment;
    starts.push(from);
    for (;;) {
      isSegmentUsed[segment] = 1;
      const isAlong = s.from[segment] === at;
      const next = (isAlong ? s.to[segment] : s.from[segment]) ?? 0;
      forward.push((isAlong ? s.forwardSeconds[segment] : s.backwardSeconds[segment]) ?? -1);
      backward.push((isAlong ? s.backwardSeconds[segment] : s.forwardSeconds[segment]) ?? -1);
      if (isJunction[next]) {
        ends.push(next);
        vertexStart.push(vertices.length);
        return;
      }
      vertices.push(next);
      const i0 = incStart[next] ?? 0;
      segment = (inc[i0] === segment ? inc[i0 + 1] : inc[i0]) ?? 0;
      at = next;
    }
  };
  for (let v = 0; v < n; v++) {
    if (!isJunction[v]) continue;
    for (let k = incStart[v] ?? 0; k < (incStart[v + 1] ?? 0); k++) {
      const segment = inc[k] ?? 0;
      if (!isSegmentUsed[segment]) walk(v, segment);
    }
  }
  // rings of degree-2 vertices with no junction: one vertex of each becomes a junction
  for (let i = 0; i < s.count; i++) {
    if (isSegmentUsed[i]) continue;
    const v = s.from[i] ?? 0;
    isJunction[v] = 1;
    walk(v, i);
  }

  const chainCount = starts.length;
  const chainOf = new Int32Array(n).fill(-1);
  const indexInChain = new Int32Array(n).fill(-1);
  for (let c = 0; c < chainCount; c++) {
    for (let k = vertexStart[c] ?? 0; k < (vertexStart[c + 1] ?? 0); k++) {
      const v = vertices[k] ?? 0;
      chainOf[v] = c;
      indexInChain[v] = k - (vertexStart[c] ?? 0);
    }
  }
  const contraction = {
    chainCount,
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    vertexStart: Int32Array.from(vertexStart),
    vertices: Int32Array.from(vertices),
    forward: Float64Array.from(forward),
    backward: Float64Array.from(backward),
    chainOf,
    indexInChain,
  };
  const totals = chainTotals(contraction);
  return {
    ...contraction,
    out: junctionAdjacency(n, contraction.start, contraction.end, totals.forward, totals.backward),
    in: junctionAdjacency(n, contraction.start, contraction.end, totals.backward, totals.forward),
  };
}

/** A chain's time end to end per direction, summed step by step as Dijkstra would; −1 if any step is closed. */
function chainTotals(c: { chainCount: number; vertexStart: Int32Array; forward: Float64Array; backward: Float64Array }): { forward: Float64Array; backward: Float64Array } {
  const forward = new Float64Array(c.chainCount);
  const backward = new Float64Array(c.chainCount);
  for (let ch = 0; ch < c.chainCount; ch++) {
    const first = (c.vertexStart[ch] ?? 0) + ch;
    const last = (c.vertexStart[ch + 1] ?? 0) + ch;
    let f = 0;
    let b = 0;
    for (let k = first; k <= last; k++) {
      const fk = c.forward[k] ?? -1;
      f = f < 0 || fk < 0 ? -1 : f + fk;
    }
    for (let k = last; k >= first; k--) {
      const bk = c.backward[k] ?? -1;
      b = b < 0 || bk < 0 ? -1 : b + bk;
    }
    forward[ch] = f;
    backward[ch] = b;
  }
  return { forward, backward };
}

function junctionAdjacency(n: number, start: Int32Array, end: Int32Array, along: Float64Array, against: Float64Array): JunctionAdjacency {
  const offsets = new Int32Array(n + 1);
  const count = (v: number) => {
    offsets[v + 1] = (offsets[v + 1] ?? 0) + 1;
  };
  for (let c = 0; c < start.length; c++) {
    if ((along[c] ?? -1) >= 0) count(start[c] ?? 0);
    if ((against[c] ?? -1) >= 0) count(end[c] ?? 0);
  }
  for (let v = 0; v < n; v++) offsets[v + 1] = (offsets[v + 1] ?? 0) + (offsets[v] ?? 0);
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n] ?? 0);
  const seconds = new Float64Array(offsets[n] ?? 0);
  const put = (from: number, to: number, cost: number) => {
    const at = fill[from] ?? 0;
    targets[at] = to;
    seconds[at] = cost;
    fill[from] = at + 1;
  };
  for (let c = 0; c < start.length; c++) {
    if ((along[c] ?? -1) >= 0) put(start[c] ?? 0, end[c] ?? 0, along[c] ?? 0);
    if ((against[c] ?? -1) >= 0) put(end[c] ?? 0, start[c] ?? 0, against[c] ?? 0);
  }
  return { offsets, targets, seconds };
}
