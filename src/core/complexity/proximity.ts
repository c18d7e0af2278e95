/**
 * Proximity of n items (products, chain nodes) from their co-occurrence counts (py-ecomplexity, Hidalgo et al.
 * 2007): φ_pq = C_pq / max(C_pp, C_qq), where C = MᵀM for a 0/1 presence matrix M, so C_pp is the ubiquity of p.
 * The diagonal is 1 (also for an item present nowhere); an off-diagonal pair with both ubiquities 0 is 0.
 * `cooccurrence` is row-major n × n and symmetric; the result is too.
 */
export function computeProximity(cooccurrence: Float64Array, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 0 || cooccurrence.length !== n * n) throw new RangeError(`computeProximity: cooccurrence must hold n × n = ${n * n} entries, got ${cooccurrence.length}`);
  const phi = new Float64Array(n * n);
  for (let p = 0; p < n; p++) {
    const kp = cooccurrence[p * n + p] ?? 0;
    for (let q = 0; q < n; q++) {
      if (p === q) {
        phi[p * n + q] = 1;
        continue;
      }
      const denominator = Math.max(kp, cooccurrence[q * n + q] ?? 0);
      phi[p * n + q] = denominator > 0 ? (cooccurrence[p * n + q] ?? 0) / denominator : 0;
    }
  }
  return phi;
}

/** C = MᵀM of a 0/1 matrix given as the item indices present in each row (a firm's nodes, a location's products). */
export function countCooccurrence(rows: readonly (readonly number[])[], n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (const items of rows) {
    const unique = [...new Set(items)];
    for (const p of unique) {
      if (!Number.isInteger(p) || p < 0 || p >= n) throw new RangeError(`countCooccurrence: item ${p} is outside 0..${n - 1}`);
      for (const q of unique) c[p * n + q] = (c[p * n + q] ?? 0) + 1;
    }
  }
  return c;
}
