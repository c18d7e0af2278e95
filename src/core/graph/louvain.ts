import { Rng } from '../random/seeded.ts';
import { buildUndirectedCsr, type UndirectedCsr } from './csr.ts';
import { assertEdgeList, type EdgeList } from './edgeList.ts';
import { modularity } from './modularity.ts';

export interface LouvainOptions {
  /** Seed of the node orders (same seed, same graph → same partition). Default 0. */
  seed?: number;
  /** Resolution γ of the modularity (default 1). */
  resolution?: number;
}

export interface LouvainResult {
  /** Community of each vertex, numbered 0..k-1 in order of each community's lowest vertex. */
  community: Int32Array;
  /** Undirected modularity of `community` on the input graph (see `modularity`). */
  modularity: number;
  /** How many times the graph was aggregated (levels at which some vertex changed community). */
  levels: number;
}

/** Rounds of refinement and re-aggregation at most (each must raise the modularity, so few are needed). */
const MAX_REFINEMENTS = 8;

/** A level of the Louvain hierarchy: the undirected graph of the previous level's communities. */
interface LevelGraph extends UndirectedCsr {
  degree: Float64Array;
}

/**
 * Louvain community detection (Blondel, Guillaume, Lambiotte & Lefebvre 2008) on the undirected projection
 * w(u,v) + w(v,u), maximising modularity with the NetworkX / igraph formula. Each level moves single vertices
 * to the neighbouring community of largest gain until none improves, visiting vertices in a seeded random
 * order and then re-visiting only the neighbours of moved vertices (the queue of Traag et al.'s fast local
 * move, which reaches the same kind of local optimum as repeated full passes with far fewer visits); the
 * communities then become the vertices of the next level. When no level improves any more, a refinement pass
 * moves single vertices of the original graph and, if any moved, the levels are climbed again from there.
 */
export function louvain(edges: EdgeList, options: LouvainOptions = {}): LouvainResult {
  const resolution = options.resolution ?? 1;
  if (!(resolution >= 0 && Number.isFinite(resolution))) throw new RangeError(`louvain: resolution must be a finite number ≥ 0, got ${resolution}`);
  assertEdgeList(edges);
  const rng = new Rng(options.seed ?? 0);
  const membership = new Int32Array(edges.n);
  for (let v = 0; v < edges.n; v++) membership[v] = v;
  const base = withDegree(buildUndirectedCsr(edges));
  let twiceM = 0;
  for (let v = 0; v < base.n; v++) twiceM += base.degree[v] ?? 0;
  const scale = resolution / twiceM;
  let graph = base;
  let levels = 0;
  for (let round = 0; round < MAX_REFINEMENTS && twiceM > 0; round++) {
    for (;;) {
      const { of, count } = compactLabels(moveVertices(graph, scale, rng));
      if (count === graph.n) break;
      levels++;
      for (let v = 0; v < membership.length; v++) membership[v] = of[membership[v] ?? 0] ?? 0;
      graph = aggregate(graph, of, count);
    }
    // Refinement (Rotta & Noack 2011): single vertices of the original graph may now fit a neighbouring
    // community better than the one their early merge put them in; move them, and climb the levels again.
    const refined = moveVertices(base, scale, rng, membership);
    if (refined.every((c, v) => c === membership[v])) break;
    const { of, count } = compactLabels(refined);
    membership.set(of);
    graph = aggregate(base, of, count);
    levels++;
  }
  const community = compactLabels(membership).of;
  return { community, modularity: modularity(edges, community, resolution), levels };
}

/** Renumbers labels that are vertex indices (0..n-1) to 0..count-1 in order of first appearance. */
function compactLabels(labels: Int32Array): { of: Int32Array; count: number } {
  const dense = new Int32Array(labels.length).fill(-1);
  const of = new Int32Array(labels.length);
  let count = 0;
  for (let v = 0; v < labels.length; v++) {
    const label = labels[v] ?? 0;
    let d = dense[label] ?? -1;
    if (d < 0) {
      d = count++;
      dense[label] = d;
    }
    of[v] = d;
  }
  return { of, count };
}

function withDegree(csr: UndirectedCsr): LevelGraph {
  const degree = new Float64Array(csr.n);
  for (let v = 0; v < csr.n; v++) {
    let d = 2 * (csr.loops[v] ?? 0);
    const end = csr.offsets[v + 1] ?? 0;
    for (let i = csr.offsets[v] ?? 0; i < end; i++) d += csr.weights[i] ?? 0;
    degree[v] = d;
  }
  return { ...csr, degree };
}

/**
 * One level's local moving from `initial` (default: every vertex alone); `scale` = γ / 2m. Returns each
 * vertex's community as a label in 0..n-1.
 */
function moveVertices(graph: LevelGraph, scale: number, rng: Rng, initial?: Int32Array): Int32Array {
  const { n, offsets, targets, weights, degree } = graph;
  const community = new Int32Array(n);
  for (let v = 0; v < n; v++) community[v] = initial?.[v] ?? v;
  const total = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const c = community[v] ?? 0;
    total[c] = (total[c] ?? 0) + (degree[v] ?? 0);
  }
  // Weight from the current vertex to each neighbouring community; −1 marks "not touched yet".
  const toCommunity = new Float64Array(n).fill(-1);
  const touched = new Int32Array(n);
  const queue = shuffledVertices(n, rng);
  const isQueued = new Uint8Array(n).fill(1);
  let head = 0;
  let size = n;
  while (size > 0) {
    const u = queue[head] ?? 0;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    isQueued[u] = 0;
    const own = community[u] ?? 0;
    const ku = degree[u] ?? 0;
    const start = offsets[u] ?? 0;
    const end = offsets[u + 1] ?? 0;
    toCommunity[own] = 0;
    touched[0] = own;
    let touchedCount = 1;
    for (let i = start; i < end; i++) {
      const c = community[targets[i] ?? 0] ?? 0;
      const w = weights[i] ?? 0;
      const before = toCommunity[c] ?? 0;
      if (before < 0) {
        toCommunity[c] = w;
        touched[touchedCount++] = c;
      } else {
        toCommunity[c] = before + w;
      }
    }
    total[own] = (total[own] ?? 0) - ku;
    const kuScale = ku * scale;
    const stayGain = (toCommunity[own] ?? 0) - (total[own] ?? 0) * kuScale;
    let best = own;
    let bestGain = stayGain;
    for (let j = 1; j < touchedCount; j++) {
      const c = touched[j] ?? 0;
      const gain = (toCommunity[c] ?? 0) - (total[c] ?? 0) * kuScale;
      if (gain > bestGain) {
        best = c;
        bestGain = gain;
      }
    }
    // Moves that gain only rounding noise could cycle forever; demand a gain above it.
    if (bestGain - stayGain <= 1e-13 * ku) best = own;
    for (let j = 0; j < touchedCount; j++) toCommunity[touched[j] ?? 0] = -1;
    total[best] = (total[best] ?? 0) + ku;
    if (best === own) continue;
    community[u] = best;
    for (let i = start; i < end; i++) {
      const v = targets[i] ?? 0;
      if (isQueued[v] === 1 || community[v] === best) continue;
      isQueued[v] = 1;
      let tail = head + size;
      if (tail >= n) tail -= n;
      queue[tail] = v;
      size++;
    }
  }
  return community;
}

function shuffledVertices(n: number, rng: Rng): Int32Array {
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[v] = v;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  return order;
}

/** The graph whose vertices are the communities `of` (0..count-1): weights between them summed, inside → loops. */
function aggregate(graph: LevelGraph, of: Int32Array, count: number): LevelGraph {
  const { n, offsets, targets, weights, loops, degree } = graph;
  const first = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) {
    const slot = (of[v] ?? 0) + 1;
    first[slot] = (first[slot] ?? 0) + 1;
  }
  for (let c = 0; c < count; c++) first[c + 1] = (first[c + 1] ?? 0) + (first[c] ?? 0);
  const next = first.slice(0, count);
  const members = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const c = of[v] ?? 0;
    members[next[c] ?? 0] = v;
    next[c] = (next[c] ?? 0) + 1;
  }
  const newOffsets = new Int32Array(count + 1);
  const newTargets = new Int32Array(targets.length);
  const newWeights = new Float64Array(targets.length);
  const newLoops = new Float64Array(count);
  const newDegree = new Float64Array(count);
  const toCommunity = new Float64Array(count).fill(-1);
  const touched = new Int32Array(count);
  let write = 0;
  for (let c = 0; c < count; c++) {
    let inside = 0;
    let loop = 0;
    let d = 0;
    let touchedCount = 0;
    const membersEnd = first[c + 1] ?? 0;
    for (let m = first[c] ?? 0; m < membersEnd; m++) {
      const u = members[m] ?? 0;
      loop += loops[u] ?? 0;
      d += degree[u] ?? 0;
      const end = offsets[u + 1] ?? 0;
      for (let i = offsets[u] ?? 0; i < end; i++) {
        const cv = of[targets[i] ?? 0] ?? 0;
        const w = weights[i] ?? 0;
        if (cv === c) {
          inside += w;
          continue;
        }
        const before = toCommunity[cv] ?? 0;
        if (before < 0) {
          toCommunity[cv] = w;
          touched[touchedCount++] = cv;
        } else {
          toCommunity[cv] = before + w;
        }
      }
    }
    for (let j = 0; j < touchedCount; j++) {
      const cv = touched[j] ?? 0;
      newTargets[write] = cv;
      newWeights[write] = toCommunity[cv] ?? 0;
      write++;
      toCommunity[cv] = -1;
    }
    // Each inside pair was seen from both ends of the symmetric rows.
    newLoops[c] = loop + inside / 2;
    newDegree[c] = d;
    newOffsets[c + 1] = write;
  }
  return {
    n: count,
    offsets: newOffsets,
    targets: newTargets.slice(0, write),
    weights: newWeights.slice(0, write),
    loops: newLoops,
    degree: newDegree,
  };
}
