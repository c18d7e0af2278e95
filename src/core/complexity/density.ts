/**
 * Relatedness density of one location to each of n items (py-ecomplexity): d_p = Σ_q m_q φ_pq / Σ_q φ_pq, the
 * share of p's proximity mass that falls on items the location has (m_q = 1), self term included. 0..1.
 */
export function computeDensity(presence: ArrayLike<number>, proximity: Float64Array, n: number): Float64Array {
  if (presence.length !== n || proximity.length !== n * n) throw new RangeError(`computeDensity: expected ${n} presences and ${n * n} proximities, got ${presence.length} and ${proximity.length}`);
  const density = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let related = 0;
    let all = 0;
    for (let q = 0; q < n; q++) {
      const phi = proximity[p * n + q] ?? 0;
      related += (presence[q] ?? 0) * phi;
      all += phi;
    }
    density[p] = all > 0 ? related / all : 0;
  }
  return density;
}
