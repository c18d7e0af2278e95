/**
 * A minimal WebAssembly binary encoder: one module whose functions work on an imported linear memory
 * (`env.memory`), enough for the numeric kernels of the graph core. It writes the binary format of the
 * WebAssembly Core Specification 1.0 §5 (sections 1 type, 2 import, 3 function, 7 export, 10 code).
 *
 * Why: V8 re-checks a typed array's map, length and data pointer on every element access inside a loop, so a
 * JavaScript sweep over 2M edges costs ~2.6× the same loop compiled ahead of time; in WebAssembly the memory's
 * bounds are enforced by guard pages and the loop runs at native speed.
 */
export type ValueType = 'i32' | 'f64';

export interface WasmFunction {
  name: string;
  params: ValueType[];
  results: ValueType[];
  /** Extra locals, numbered after the params. */
  locals: ValueType[];
  /** Instruction bytes without the final `end` (see `op`). */
  body: number[];
}

const TYPE_CODE: Record<ValueType, number> = { i32: 0x7f, f64: 0x7c };

function unsignedLeb(value: number): number[] {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? low : low | 0x80);
  } while (rest !== 0);
  return out;
}

function signedLeb(value: number): number[] {
  const out: number[] = [];
  let rest = value | 0;
  for (;;) {
    const low = rest & 0x7f;
    rest >>= 7;
    const isDone = (rest === 0 && (low & 0x40) === 0) || (rest === -1 && (low & 0x40) !== 0);
    out.push(isDone ? low : low | 0x80);
    if (isDone) return out;
  }
}

function vector(items: number[][]): number[] {
  return [...unsignedLeb(items.length), ...items.flat()];
}

function name(text: string): number[] {
  return vector([...new TextEncoder().encode(text)].map((byte) => [byte]));
}

function section(id: number, content: number[]): number[] {
  return [id, ...unsignedLeb(content.length), ...content];
}

/** Locals are declared as runs of one type. */
function localRuns(locals: ValueType[]): number[][] {
  const runs: number[][] = [];
  let i = 0;
  while (i < locals.length) {
    let j = i;
    while (j < locals.length && locals[j] === locals[i]) j++;
    runs.push([...unsignedLeb(j - i), TYPE_CODE[locals[i] ?? 'i32']]);
    i = j;
  }
  return runs;
}

export function encodeModule(functions: WasmFunction[]): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((t) => [TYPE_CODE[t]])), ...vector(f.results.map((t) => [TYPE_CODE[t]]))]);
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, ...unsignedLeb(0)];
  const bodies = functions.map((f) => {
    const code = [...vector(localRuns(f.locals)), ...f.body, op.end];
    return [...unsignedLeb(code.length), ...code];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, vector([memoryImport])),
    ...section(3, vector(functions.map((_, i) => unsignedLeb(i)))),
    ...section(7, vector(functions.map((f, i) => [...name(f.name), 0x00, ...unsignedLeb(i)]))),
    ...section(10, vector(bodies)),
  ]);
}

/** The instructions the kernels use (byte codes from the specification's §5.4). Loads and stores take a byte offset. */
export const op = {
  end: 0x0b,
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  br: (depth: number) => [0x0c, ...unsignedLeb(depth)],
  brIf: (depth: number) => [0x0d, ...unsignedLeb(depth)],
  localGet: (index: number) => [0x20, ...unsignedLeb(index)],
  localSet: (index: number) => [0x21, ...unsignedLeb(index)],
  i32Load: (offset = 0) => [0x28, 2, ...unsignedLeb(offset)],
  f64Load: (offset = 0) => [0x2b, 3, ...unsignedLeb(offset)],
  i32Store: (offset = 0) => [0x36, 2, ...unsignedLeb(offset)],
  f64Store: (offset = 0) => [0x39, 3, ...unsignedLeb(offset)],
  i32Const: (value: number) => [0x41, ...signedLeb(value)],
  f64Const: (value: number) => [0x44, ...new Uint8Array(Float64Array.of(value).buffer)],
  if: [0x04, 0x40],
  else: 0x05,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Shl: 0x74,
  f64Abs: 0x99,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
} as const;

/** Structured helpers over `op` for kernels that index typed arrays held in linear memory by byte address. */
function element(base: number, index: number[], shift: number): number[] {
  return [...op.localGet(base), ...index, ...op.i32Const(shift), op.i32Shl, op.i32Add];
}

export const code = {
  get: op.localGet,
  set: (local: number, value: number[]): number[] => [...value, ...op.localSet(local)],
  /** `array[index]` of an Int32Array / Float64Array whose byte address is in local `base`. */
  loadI32: (base: number, index: number[]): number[] => [...element(base, index, 2), ...op.i32Load()],
  loadF64: (base: number, index: number[]): number[] => [...element(base, index, 3), ...op.f64Load()],
  storeI32: (base: number, index: number[], value: number[]): number[] => [...element(base, index, 2), ...value, ...op.i32Store()],
  storeF64: (base: number, index: number[], value: number[]): number[] => [...element(base, index, 3), ...value, ...op.f64Store()],
  increment: (local: number): number[] => [...op.localGet(local), ...op.i32Const(1), op.i32Add, ...op.localSet(local)],
  /** `while (counter < limit) { body; counter++ }` (unsigned compare); the caller sets the counter first. */
  whileBelow: (counter: number, limit: number[], body: number[]): number[] => [
    ...op.block,
    ...op.loop,
    ...op.localGet(counter),
    ...limit,
    op.i32GeU,
    ...op.brIf(1),
    ...body,
    ...code.increment(counter),
    ...op.br(0),
    op.end,
    op.end,
  ],
  ifThen: (condition: number[], then: number[]): number[] => [...condition, ...op.if, ...then, op.end],
  ifElse: (condition: number[], then: number[], otherwise: number[]): number[] => [...condition, ...op.if, ...then, op.else, ...otherwise, op.end],
};
