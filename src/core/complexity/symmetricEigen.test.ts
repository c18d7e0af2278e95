import { describe, expect, it } from 'vitest';
import { computeSymmetricEigen } from './symmetricEigen.ts';

/** max |A v − λ v| over all eigenpairs. */
function residual(a: Float64Array, n: number): number {
  const { values, vectors } = computeSymmetricEigen(a, n);
  let worst = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let av = 0;
      for (let k = 0; k < n; k++) av += (a[i * n + k] ?? 0) * (vectors[k * n + j] ?? 0);
      worst = Math.max(worst, Math.abs(av - (values[j] ?? 0) * (vectors[i * n + j] ?? 0)));
    }
  }
  return worst;
}

describe('computeSymmetricEigen', () => {
  it('finds the eigenvalues 1 and 3 of [[2, 1], [1, 2]]', () => {
    const { values } = computeSymmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect([...values].sort()).toEqual([expect.closeTo(1, 14), expect.closeTo(3, 14)]);
  });

  it('gives orthonormal eigenvectors with A v = λ v to 1e-12 on a random 60 × 60 symmetric matrix', () => {
    const n = 60;
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648 - 0.5;
    };
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = next();
    expect(residual(a, n)).toBeLessThan(1e-12);
    const { vectors } = computeSymmetricEigen(a, n);
    let dot = 0;
    for (let k = 0; k < n; k++) dot += (vectors[k * n] ?? 0) * (vectors[k * n + 1] ?? 0);
    expect(Math.abs(dot)).toBeLessThan(1e-13);
  });

  it('does not modify its input and rejects a non-symmetric matrix', () => {
    const a = Float64Array.from([2, 1, 1, 2]);
    computeSymmetricEigen(a, 2);
    expect([...a]).toEqual([2, 1, 1, 2]);
    expect(() => computeSymmetricEigen(Float64Array.from([1, 2, 3, 4]), 2)).toThrow(/not symmetric at \(0, 1\)/);
  });
});
