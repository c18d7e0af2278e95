import { describe, expect, it } from 'vitest';
import { encodeModule, op } from './encodeModule.ts';

function instantiate(bytes: Uint8Array<ArrayBuffer>, memory = new WebAssembly.Memory({ initial: 1 })): WebAssembly.Exports {
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
}

function call(exports: WebAssembly.Exports, name: string, ...args: number[]): number {
  const fn = exports[name];
  if (typeof fn !== 'function') throw new Error(`${name} is not exported`);
  return Number(fn(...args));
}

describe('encodeModule', () => {
  it('writes a module the engine validates, with constants that need several LEB128 bytes', () => {
    const bytes = encodeModule([
      { name: 'big', params: [], results: ['i32'], locals: [], body: [...op.i32Const(-1_234_567), ...op.i32Const(300), op.i32Add] },
      { name: 'half', params: [], results: ['f64'], locals: [], body: op.f64Const(0.5) },
    ]);
    expect(WebAssembly.validate(bytes)).toBe(true);
    const exports = instantiate(bytes);
    expect(call(exports, 'big')).toBe(-1_234_267);
    expect(call(exports, 'half')).toBe(0.5);
  });

  it('declares mixed locals and reaches the imported memory through loads and stores', () => {
    // sumTo(n): Σ_{k<n} f64 at address 8k, written to address 8n; locals: k (i32), acc (f64), unused i32.
    const [N, K, ACC] = [0, 1, 2];
    const address = (index: number) => [...op.localGet(index), ...op.i32Const(3), op.i32Shl];
    const body = [
      ...op.block,
      ...op.loop,
      ...op.localGet(K),
      ...op.localGet(N),
      op.i32GeU,
      ...op.brIf(1),
      ...op.localGet(ACC),
      ...address(K),
      ...op.f64Load(),
      op.f64Add,
      ...op.localSet(ACC),
      ...op.localGet(K),
      ...op.i32Const(1),
      op.i32Add,
      ...op.localSet(K),
      ...op.br(0),
      op.end,
      op.end,
      ...address(N),
      ...op.localGet(ACC),
      ...op.f64Store(),
      ...op.localGet(ACC),
    ];
    const memory = new WebAssembly.Memory({ initial: 1 });
    new Float64Array(memory.buffer, 0, 4).set([1.5, 2.25, -1, 10]);
    const exports = instantiate(encodeModule([{ name: 'sumTo', params: ['i32'], results: ['f64'], locals: ['i32', 'f64', 'i32'], body }]), memory);
    expect(call(exports, 'sumTo', 3)).toBe(2.75);
    expect(new Float64Array(memory.buffer, 24, 1)[0]).toBe(2.75);
  });
});
