import { code, encodeModule, op, type WasmFunction } from './wasm/encodeModule.ts';

/**
 * The three loops of pagerank.ts that touch every edge, compiled to WebAssembly. Arguments are counts and the
 * byte addresses of Int32Array / Float64Array views of the kernels' memory. Written in JavaScript the same loops
 * run 2.5–3× slower, because V8 re-checks each typed array on every access (on 200k vertices / 2M edges a sweep
 * takes 4 ms here against 11.5 ms).
 */
export interface PagerankKernels {
  /** scale[src[e]] += w[e]; offsets[dst[e] + 1] += 1 unless the edge is a loop. */
  count(m: number, src: number, dst: number, w: number, scale: number, offsets: number): void;
  /** Places edge e in row dst[e] at next[dst[e]]++ with coef = w[e]·scale[src[e]]; a loop adds to diagonal[v]. */
  scatter(m: number, src: number, dst: number, w: number, scale: number, next: number, from: number, coef: number, diagonal: number): void;
  /**
   * One Gauss–Seidel sweep: y[r] = (1 + Σ_{i in row r} coef[i]·y[from[i]])·inverseDiagonal[r] for r = 0..n-1.
   * Returns Σ|Δy| and leaves Σy as an f64 at address TOTAL_ADDRESS.
   */
  sweep(n: number, offsets: number, from: number, coef: number, y: number, inverseDiagonal: number): number;
}

export const TOTAL_ADDRESS = 0;

const { get, set, loadI32, loadF64, storeI32, storeF64, whileBelow, ifThen, ifElse } = code;
const plusOne = (local: number) => [...get(local), ...op.i32Const(1), op.i32Add];

function countKernel(): WasmFunction {
  const [M, SRC, DST, W, SCALE, OFFSETS, E, U, V] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const body = whileBelow(E, get(M), [
    ...set(U, loadI32(SRC, get(E))),
    ...set(V, loadI32(DST, get(E))),
    ...storeF64(SCALE, get(U), [...loadF64(SCALE, get(U)), ...loadF64(W, get(E)), op.f64Add]),
    ...ifThen([...get(U), ...get(V), op.i32Ne], storeI32(OFFSETS, plusOne(V), [...loadI32(OFFSETS, plusOne(V)), ...op.i32Const(1), op.i32Add])),
  ]);
  return { name: 'count', params: Array(6).fill('i32'), results: [], locals: ['i32', 'i32', 'i32'], body };
}

function scatterKernel(): WasmFunction {
  const [M, SRC, DST, W, SCALE, NEXT, FROM, COEF, DIAGONAL, E, U, V, AT, P] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const body = whileBelow(E, get(M), [
    ...set(U, loadI32(SRC, get(E))),
    ...set(V, loadI32(DST, get(E))),
    ...set(P, [...loadF64(W, get(E)), ...loadF64(SCALE, get(U)), op.f64Mul]),
    ...ifElse(
      [...get(U), ...get(V), op.i32Eq],
      storeF64(DIAGONAL, get(V), [...loadF64(DIAGONAL, get(V)), ...get(P), op.f64Add]),
      [...set(AT, loadI32(NEXT, get(V))), ...storeI32(FROM, get(AT), get(U)), ...storeF64(COEF, get(AT), get(P)), ...storeI32(NEXT, get(V), plusOne(AT))],
    ),
  ]);
  return { name: 'scatter', params: Array(9).fill('i32'), results: [], locals: ['i32', 'i32', 'i32', 'i32', 'f64'], body };
}

function sweepKernel(): WasmFunction {
  const [N, OFFSETS, FROM, COEF, Y, INVERSE_DIAGONAL, R, I, END, SUM, CHANGE, TOTAL] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  // The edge index i runs on from row to row: row r is offsets[r] .. offsets[r + 1]. (Two running sums instead of
  // one measured no faster: the sweep waits on memory, not on the chain of additions.)
  const edgeOfRow = set(SUM, [...get(SUM), ...loadF64(COEF, get(I)), ...loadF64(Y, loadI32(FROM, get(I))), op.f64Mul, op.f64Add]);
  const row = [
    ...set(END, loadI32(OFFSETS, plusOne(R))),
    ...set(SUM, op.f64Const(1)),
    ...whileBelow(I, get(END), edgeOfRow),
    ...set(SUM, [...get(SUM), ...loadF64(INVERSE_DIAGONAL, get(R)), op.f64Mul]),
    ...set(CHANGE, [...get(CHANGE), ...get(SUM), ...loadF64(Y, get(R)), op.f64Sub, op.f64Abs, op.f64Add]),
    ...set(TOTAL, [...get(TOTAL), ...get(SUM), op.f64Add]),
    ...storeF64(Y, get(R), get(SUM)),
  ];
  const body = [
    ...set(I, loadI32(OFFSETS, op.i32Const(0))),
    ...whileBelow(R, get(N), row),
    ...op.i32Const(TOTAL_ADDRESS),
    ...get(TOTAL),
    ...op.f64Store(),
    ...get(CHANGE),
  ];
  return { name: 'sweep', params: Array(6).fill('i32'), results: ['f64'], locals: ['i32', 'i32', 'i32', 'f64', 'f64', 'f64'], body };
}

let compiled: WebAssembly.Module | undefined;

function exported(exports: WebAssembly.Exports, name: string): (...args: number[]) => unknown {
  const fn = exports[name];
  if (typeof fn !== 'function') throw new Error(`pagerank: the kernel module does not export ${name}`);
  return (...args) => fn(...args);
}

/** The kernels bound to `memory`; the module (under 1 kB) is compiled once per process. */
export function instantiatePagerankKernels(memory: WebAssembly.Memory): PagerankKernels {
  compiled ??= new WebAssembly.Module(encodeModule([countKernel(), scatterKernel(), sweepKernel()]));
  const { exports } = new WebAssembly.Instance(compiled, { env: { memory } });
  const [count, scatter, sweep] = [exported(exports, 'count'), exported(exports, 'scatter'), exported(exports, 'sweep')];
  return {
    count: (...args) => void count(...args),
    scatter: (...args) => void scatter(...args),
    sweep: (...args) => Number(sweep(...args)),
  };
}
