import { describe, expect, it } from 'vitest';
import { Rng } from '../random/seeded.ts';
import { MinHeap } from './minHeap.ts';

describe('MinHeap', () => {
  it('pops values in key order across growth', () => {
    const rng = new Rng(7);
    const heap = new MinHeap(2);
    const keys = Array.from({ length: 5000 }, () => rng.int(0, 999));
    keys.forEach((k, i) => {
      heap.push(k, i);
    });
    const popped: number[] = [];
    while (heap.size > 0) {
      const k = heap.peekKey();
      const v = heap.pop();
      expect(keys[v]).toBe(k);
      popped.push(k);
    }
    expect(popped).toEqual([...keys].sort((a, b) => a - b));
  });
});
