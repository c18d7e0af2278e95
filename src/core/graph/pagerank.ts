import { assertEdgeList, type EdgeList } from './edgeList.ts';
import { instantiatePagerankKernels, type PagerankKernels, TOTAL_ADDRESS } from './pagerank.kernels.ts';

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
 * in about a sixth of the sweeps on supply networks — and normalise. The system lives in a WebAssembly memory
 * and its loops over the edges run as small WebAssembly kernels (pagerank.kernels.ts).
 */
export function pagerank(edges: EdgeList, options: PagerankOptions = {}): Float64Array {
  const damping = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 1000;
  if (!(damping >= 0 && damping < 1)) throw new RangeError(`pagerank: damping must be in [0, 1), got ${damping}`);
  if (!(tolerance > 0)) throw new RangeError(`pagerank: tolerance must be > 0, got ${tolerance}`);
  assertEdgeList(edges);
  if (edges.n === 0) return new Float64Array(0);
  return solveGaussSeidel(buildSystem(edges, damping, options.weighted ?? true), tolerance, maxIterations);
}

/**
 * y = 1 + C·y with C = d·Pᵀ off the diagonal: row v lists (from[i], coef[i]) over the in-edges of v. The arrays
 * are views of `memory`, whose byte addresses the kernels take (`at`).
 */
interface System {
  n: number;
  kernels: PagerankKernels;
  memory: WebAssembly.Memory;
  y: Float64Array;
  at: Layout;
}

const PAGE_BYTES = 65_536;
/** wasm32 addresses 4 GiB: up to ~150M edges. */
const MAX_BYTES = 2 ** 32;

type Layout = Record<'offsets' | 'next' | 'from' | 'coef' | 'src' | 'dst' | 'w' | 'scale' | 'y' | 'inverseDiagonal', number>;

/** Byte addresses of the arrays (8-byte aligned), after 16 bytes of kernel scratch (TOTAL_ADDRESS). */
function layOut(n: number, m: number): { at: Layout; bytes: number } {
  let bytes = 16;
  const place = (size: number): number => {
    const address = bytes;
    bytes += Math.ceil(size / 8) * 8;
    return address;
  };
  const at: Layout = {
    offsets: place(4 * (n + 1)),
    next: place(4 * n),
    from: place(4 * m),
    coef: place(8 * m),
    src: place(4 * m),
    dst: place(4 * m),
    w: place(8 * m),
    scale: place(8 * n),
    y: place(8 * n),
    inverseDiagonal: place(8 * n),
  };
  return { at, bytes };
}

/**
 * The memory of the last PageRank, reused while the garbage collector has not taken it: a county's graphs are
 * ranked again and again, and fresh pages cost a page fault each (~60 MB for 2M edges). Held weakly, so it never
 * keeps memory alive on its own.
 */
let spare: WeakRef<WebAssembly.Memory> | undefined;

function memoryOf(bytes: number): WebAssembly.Memory {
  const pages = Math.ceil(bytes / PAGE_BYTES);
  const memory = spare?.deref();
  spare = undefined;
  if (!memory) return new WebAssembly.Memory({ initial: pages });
  const missing = pages - memory.buffer.byteLength / PAGE_BYTES;
  if (missing > 0) memory.grow(missing);
  return memory;
}

function buildSystem(edges: EdgeList, damping: number, isWeighted: boolean): System {
  const { n, src, dst, w } = edges;
  const m = src.length;
  const { at, bytes } = layOut(n, m);
  if (bytes > MAX_BYTES) throw new RangeError(`pagerank: ${n} vertices and ${m} edges need ${bytes} bytes, more than the kernels' 4 GiB memory`);
  const memory = memoryOf(bytes);
  const { buffer } = memory;
  // count and scatter add into these: a reused memory holds the last graph's
  new Int32Array(buffer, at.offsets, n + 1).fill(0);
  new Float64Array(buffer, at.scale, n).fill(0);
  new Float64Array(buffer, at.inverseDiagonal, n).fill(0);
  const kernels = instantiatePagerankKernels(memory);
  new Int32Array(buffer, at.src, m).set(src);
  new Int32Array(buffer, at.dst, m).set(dst);
  const weights = new Float64Array(buffer, at.w, m);
  if (isWeighted) weights.set(w);
  else weights.fill(1);
  // Out-strengths and in-degrees (self loops go to the diagonal, not to the rows).
  kernels.count(m, at.src, at.dst, at.w, at.scale, at.offsets);
  // scale = d / out-strength; a vertex whose out-edges all weigh 0 is dangling (NetworkX: a zero row of P).
  const scale = new Float64Array(buffer, at.scale, n);
  for (let u = 0; u < n; u++) {
    const out = scale[u] ?? 0;
    scale[u] = out > 0 ? damping / out : 0;
  }
  const offsets = new Int32Array(buffer, at.offsets, n + 1);
  for (let r = 0; r < n; r++) offsets[r + 1] = (offsets[r + 1] ?? 0) + (offsets[r] ?? 0);
  new Int32Array(buffer, at.next, n).set(offsets.subarray(0, n));
  // inverseDiagonal first collects d·P(v→v), then becomes 1 / (1 − d·P(v→v)): self loops are solved exactly in the sweep.
  kernels.scatter(m, at.src, at.dst, at.w, at.scale, at.next, at.from, at.coef, at.inverseDiagonal);
  const inverseDiagonal = new Float64Array(buffer, at.inverseDiagonal, n);
  for (let r = 0; r < n; r++) inverseDiagonal[r] = 1 / (1 - (inverseDiagonal[r] ?? 0));
  return { n, kernels, memory, y: new Float64Array(buffer, at.y, n), at };
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
  const { n, y, at, kernels } = system;
  const totalCell = new Float64Array(system.memory.buffer, TOTAL_ADDRESS, 1);
  y.fill(1);
  const previous = new Float64Array(n);
  let lastChange = Number.POSITIVE_INFINITY;
  let lastRatio = 0;
  let sinceJump = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    previous.set(y);
    const change = kernels.sweep(n, at.offsets, at.from, at.coef, at.y, at.inverseDiagonal);
    const total = totalCell[0] ?? 0;
    const ratio = change / lastChange;
    // The error left after a sweep is about change·ρ/(1 − ρ) (geometric tail); ρ still creeps up towards the
    // slowest mode's rate, hence the factor 2. Stopping on that bound rather than on the change alone keeps the
    // result within `tolerance` of the fixed point in L1.
    const rho = Math.min(Math.max(ratio, lastRatio), 0.99);
    if (2 * change * Math.max(1, rho / (1 - rho)) < tolerance * total) {
      const result = new Float64Array(n);
      for (let r = 0; r < n; r++) result[r] = (y[r] ?? 0) / total;
      spare = new WeakRef(system.memory);
      return result;
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
