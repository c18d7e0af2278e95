import type { EdgeList } from './edgeList.ts';

/** Compressed sparse rows: the neighbours of row r are `targets[offsets[r] .. offsets[r + 1])`. */
export interface Csr {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/** An undirected graph as symmetric CSR without self loops, plus each vertex's self-loop weight. */
export interface UndirectedCsr extends Csr {
  /** Undirected self-loop weight of each vertex (counts twice in its degree, as in NetworkX/igraph). */
  loops: Float64Array;
}

/** Rows by target: row v lists the sources u of the edges u→v (edge order kept; parallel edges not merged). */
export function buildInCsr(edges: EdgeList): Csr {
  const { n, src, dst, w } = edges;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < dst.length; e++) {
    const r = (dst[e] ?? 0) + 1;
    offsets[r] = (offsets[r] ?? 0) + 1;
  }
  for (let v = 0; v < n; v++) offsets[v + 1] = (offsets[v + 1] ?? 0) + (offsets[v] ?? 0);
  const next = offsets.slice(0, n);
  const targets = new Int32Array(dst.length);
  const weights = new Float64Array(dst.length);
  for (let e = 0; e < dst.length; e++) {
    const v = dst[e] ?? 0;
    const at = next[v] ?? 0;
    targets[at] = src[e] ?? 0;
    weights[at] = w[e] ?? 0;
    next[v] = at + 1;
  }
  return { n, offsets, targets, weights };
}

/**
 * The undirected projection: every directed edge becomes an undirected one and parallel edges are summed,
 * so the weight between u ≠ v is w(u,v) + w(v,u); a directed self loop u→u becomes an undirected loop.
 */
export function buildUndirectedCsr(edges: EdgeList): UndirectedCsr {
  const { n, src, dst, w } = edges;
  const loops = new Float64Array(n);
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < src.length; e++) {
    const u = src[e] ?? 0;
    const v = dst[e] ?? 0;
    if (u === v) continue;
    offsets[u + 1] = (offsets[u + 1] ?? 0) + 1;
    offsets[v + 1] = (offsets[v + 1] ?? 0) + 1;
  }
  for (let v = 0; v < n; v++) offsets[v + 1] = (offsets[v + 1] ?? 0) + (offsets[v] ?? 0);
  const next = offsets.slice(0, n);
  const total = offsets[n] ?? 0;
  const targets = new Int32Array(total);
  const weights = new Float64Array(total);
  for (let e = 0; e < src.length; e++) {
    const u = src[e] ?? 0;
    const v = dst[e] ?? 0;
    const weight = w[e] ?? 0;
    if (u === v) {
      loops[u] = (loops[u] ?? 0) + weight;
      continue;
    }
    let at = next[u] ?? 0;
    targets[at] = v;
    weights[at] = weight;
    next[u] = at + 1;
    at = next[v] ?? 0;
    targets[at] = u;
    weights[at] = weight;
    next[v] = at + 1;
  }
  return { ...mergeParallel({ n, offsets, targets, weights }), loops };
}

/** Sums repeated targets within each row (first occurrence keeps its place), compacting csr's own arrays in place. */
export function mergeParallel(csr: Csr): Csr {
  const { n, offsets, targets, weights } = csr;
  const slot = new Int32Array(n).fill(-1);
  const merged = new Int32Array(n + 1);
  let write = 0;
  for (let r = 0; r < n; r++) {
    const rowStart = write;
    const end = offsets[r + 1] ?? 0;
    for (let i = offsets[r] ?? 0; i < end; i++) {
      const t = targets[i] ?? 0;
      const at = slot[t] ?? -1;
      if (at >= rowStart) {
        weights[at] = (weights[at] ?? 0) + (weights[i] ?? 0);
      } else {
        slot[t] = write;
        targets[write] = t;
        weights[write] = weights[i] ?? 0;
        write++;
      }
    }
    merged[r + 1] = write;
  }
  if (write === targets.length) return { n, offsets: merged, targets, weights };
  return { n, offsets: merged, targets: targets.slice(0, write), weights: weights.slice(0, write) };
}
