export interface SymmetricEigen {
  /** Eigenvalues, in no particular order. */
  values: Float64Array;
  /** Row-major n × n; column j is the unit eigenvector of values[j]. */
  vectors: Float64Array;
}

const MAX_SWEEPS = 100;

/**
 * Eigenvalues and eigenvectors of a real symmetric n × n matrix (row-major) by the cyclic Jacobi method
 * (Golub & Van Loan, Matrix Computations, §8.5): plane rotations zero one off-diagonal entry at a time until the
 * off-diagonal mass is below rounding. Converges quadratically and gives eigenvectors orthonormal to machine
 * precision — slow beyond a few hundred rows, which the product spaces here never reach. Does not modify `matrix`.
 */
export function computeSymmetricEigen(matrix: Float64Array, n: number): SymmetricEigen {
  if (!Number.isInteger(n) || n < 0 || matrix.length !== n * n) throw new RangeError(`computeSymmetricEigen: matrix must hold n × n = ${n * n} entries, got ${matrix.length}`);
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs((a[i * n + j] ?? 0) - (a[j * n + i] ?? 0)) > 1e-12 * (Math.abs(a[i * n + j] ?? 0) + 1)) {
        throw new RangeError(`computeSymmetricEigen: matrix is not symmetric at (${i}, ${j})`);
      }
    }
  }
  const total = frobeniusSquared(a);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    if (offDiagonalSquared(a, n) <= total * Number.EPSILON * Number.EPSILON * 1e-4) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) rotate(a, v, n, p, q);
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i] ?? 0;
  return { values, vectors: v };
}

/** Applies the rotation J(p, q, θ) that zeroes a[p][q]: a ← Jᵀ a J, v ← v J. */
function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q] ?? 0;
  if (apq === 0) return;
  const theta = ((a[q * n + q] ?? 0) - (a[p * n + p] ?? 0)) / (2 * apq);
  // The smaller root of t² + 2θt − 1 = 0 keeps the rotation angle below π/4 (stable).
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const akp = a[k * n + p] ?? 0;
    const akq = a[k * n + q] ?? 0;
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p * n + k] ?? 0;
    const aqk = a[q * n + k] ?? 0;
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  a[p * n + q] = 0;
  a[q * n + p] = 0;
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p] ?? 0;
    const vkq = v[k * n + q] ?? 0;
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}

function frobeniusSquared(a: Float64Array): number {
  let sum = 0;
  for (const x of a) sum += x * x;
  return sum;
}

function offDiagonalSquared(a: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j) sum += (a[i * n + j] ?? 0) ** 2;
  }
  return sum;
}
