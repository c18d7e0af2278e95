import { assertEdgeList, type EdgeList } from './edgeList.ts';

export interface PagerankOptions {
  /** Probability of following an edge (default 0.85). */
  damping?: number;
  /** Stop once the estimated L1 distance of the result to the exact fixed point is below this (default 1e-10). */
  tolerance?: number;
  maxIterations?: number;
  /** false: every edge counts 1 (parallel edges still add up). Default true. */
  weighted?: boolean;
}

/**
 * PageRank of a weighted directed graph with the NetworkX / igraph conventions: uniform teleport, the mass of
 * dangling vertices (no out-weight) spread uniformly, parallel edges summed; the result sums to 1.
 *
 * Because dangling mass goes to the same uniform vector as the teleport, the PageRank vector is proportional to
 * the solution y of the linear system (I − d·Pᵀ) y = 1, P being the row-stochastic matrix of the non-dangling
 * rows (Del Corso, Gullí & Romani 2005; the formulation igraph's PRPACK solves). We solve it by Gauss–Seidel
 * sweeps over the in-edges (with Aitken extrapolation) — the same fixed point as the power iteration, reached
 * in about a sixth of the sweeps on supply networks — and normalise.
 */
export function pagerank(edges: EdgeList, options: PagerankOptions = {}): Float64Array {
  const damping = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 1000;
  if (!(damping >= 0 && damping < 1)) throw new RangeError(`pagerank: damping must be in [0, 1), got ${damping}`);
  if (!(tolerance > 0)) throw new RangeError(`pagerank: tolerance must be > 0, got ${tolerance}`);
  assertEdgeList(edges);
  const n = edges.n;
  if (n === 0) return new Float64Array(0);
  return solveGaussSeidel(buildSystem(edges, damping, options.weighted ?? true), tolerance, maxIterations);
}

/** y = 1 + C·y with C = d·Pᵀ off the diagonal: row v lists (from[i], coef[i]) over the in-edges of v. */
interface System {
  n: number;
  offsets: Int32Array;
  from: Int32Array;
  coef: Float64Array;
  /** 1 / (1 − d·P(v→v)): self loops solved exactly inside the sweep. */
  inverseDiagonal: Float64Array;
}

function buildSystem(edges: EdgeList, damping: number, isWeighted: boolean): System {
  const { n, src, dst, w } = edges;
  const m = src.length;
  // One pass for out-strengths and in-degrees (self loops go to the diagonal, not to the rows).
  const scale = new Float64Array(n);
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const u = src[e] ?? 0;
    const v = dst[e] ?? 0;
    scale[u] = (scale[u] ?? 0) + (isWeighted ? (w[e] ?? 0) : 1);
    if (u !== v) offsets[v + 1] = (offsets[v + 1] ?? 0) + 1;
  }
  // d / out-strength; a vertex whose out-edges all weigh 0 is dangling (NetworkX: a zero row of P).
  for (let u = 0; u < n; u++) {
    const out = scale[u] ?? 0;
    scale[u] = out > 0 ? damping / out : 0;
  }
  for (let r = 0; r < n; r++) offsets[r + 1] = (offsets[r + 1] ?? 0) + (offsets[r] ?? 0);
  const next = offsets.slice(0, n);
  const total = offsets[n] ?? 0;
  const from = new Int32Array(total);
  const coef = new Float64Array(total);
  const diagonal = new Float64Array(n);
  for (let e = 0; e < m; e++) {
    const u = src[e] ?? 0;
    const v = dst[e] ?? 0;
    const p = (isWeighted ? (w[e] ?? 0) : 1) * (scale[u] ?? 0);
    if (u === v) {
      diagonal[v] = (diagonal[v] ?? 0) + p;
      continue;
    }
    const at = next[v] ?? 0;
    from[at] = u;
    coef[at] = p;
    next[v] = at + 1;
  }
  const inverseDiagonal = new Float64Array(n);
  for (let r = 0; r < n; r++) inverseDiagonal[r] = 1 / (1 - (diagonal[r] ?? 0));
  return { n, offsets, from, coef, inverseDiagonal };
}

/**
 * Gauss–Seidel from y = 1; returns y normalised to sum 1 once the estimated L1 distance of the normalised vector
 * to the fixed point is below `tolerance`.
 *
 * The error shrinks by a near-constant factor ρ per sweep, so once two successive ratios agree we jump ahead
 * by Aitken's Δ² step, y += Δy·ρ/(1 − ρ). The jump only moves the starting point of the next sweeps, which still
 * converge to the same fixed point; on supply networks it saves about a third of the sweeps (34 → 24 on 200k/2M).
 */
function solveGaussSeidel(system: System, tolerance: number, maxIterations: number): Float64Array {
  const { n, offsets, from, coef, inverseDiagonal } = system;
  const y = new Float64Array(n).fill(1);
  const previous = new Float64Array(n);
  let lastChange = Number.POSITIVE_INFINITY;
  let lastRatio = 0;
  let sinceJump = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    previous.set(y);
    let change = 0;
    let total = 0;
    let start = 0;
    for (let r = 0; r < n; r++) {
      let sum = 1;
      const end = offsets[r + 1] ?? 0;
      for (let i = start; i < end; i++) sum += (coef[i] ?? 0) * (y[from[i] ?? 0] ?? 0);
      start = end;
      sum *= inverseDiagonal[r] ?? 1;
      change += Math.abs(sum - (y[r] ?? 0));
      total += sum;
      y[r] = sum;
    }
    const ratio = change / lastChange;
    // The error left after a sweep is about change·ρ/(1 − ρ) (geometric tail); ρ still creeps up towards the
    // slowest mode's rate, hence the factor 2. Stopping on that bound rather than on the change alone keeps the
    // result within `tolerance` of the fixed point in L1.
    const rho = Math.min(Math.max(ratio, lastRatio), 0.99);
    if (2 * change * Math.max(1, rho / (1 - rho)) < tolerance * total) {
      for (let r = 0; r < n; r++) y[r] = (y[r] ?? 0) / total;
      return y;
    }
    sinceJump++;
    if (sinceJump >= 3 && ratio < 0.95 && Math.abs(ratio - lastRatio) < 0.05 * ratio) {
      const factor = ratio / (1 - ratio);
      for (let r = 0; r < n; r++) y[r] = (y[r] ?? 0) + factor * ((y[r] ?? 0) - (previous[r] ?? 0));
      sinceJump = 0;
    }
    lastChange = change;
    lastRatio = ratio;
  }
  throw new Error(`pagerank: no convergence to L1 < ${tolerance} in ${maxIterations} sweeps`);
}
