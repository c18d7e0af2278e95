import { computeSymmetricEigen } from './symmetricEigen.ts';

/**
 * ECI and PCI (py-ecomplexity): kp is the eigenvector of the second-largest eigenvalue of M̃ = K_p⁻¹ Mᵀ K_c⁻¹ M,
 * found on the similar symmetric matrix K_p^{-1/2} Mᵀ K_c⁻¹ M K_p^{-1/2}; kc = mean of kp over a location's
 * products; the sign makes corr(kc, diversity) > 0; both are standardised with the mean and population sd σ of kc.
 * Also returns the signed raw PCI and σ, which COI and COG use.
 */
export function computeEciPci(input: { mcp: Float64Array; diversity: Float64Array; ubiquity: Float64Array; nc: number; np: number }): {
  eci: Float64Array;
  pci: Float64Array;
  rawPci: Float64Array;
  sd: number;
} {
  const { mcp, diversity, ubiquity, nc, np } = input;
  // S = K_p^{-1/2} Mᵀ K_c⁻¹ M K_p^{-1/2}, similar to M̃.
  const s = multiplyTransposed(mcp, nc, np, (c) => 1 / (diversity[c] ?? 1));
  for (let p = 0; p < np; p++) {
    for (let q = 0; q < np; q++) s[p * np + q] = (s[p * np + q] ?? 0) / Math.sqrt((ubiquity[p] ?? 1) * (ubiquity[q] ?? 1));
  }
  const { values, vectors } = computeSymmetricEigen(s, np);
  const order = [...values.keys()].sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0));
  const second = order[1] ?? order[0] ?? 0;
  const kp = new Float64Array(np);
  for (let p = 0; p < np; p++) kp[p] = (vectors[p * np + second] ?? 0) / Math.sqrt(ubiquity[p] ?? 1);
  const kc = new Float64Array(nc);
  for (let c = 0; c < nc; c++) {
    let sum = 0;
    for (let p = 0; p < np; p++) sum += (mcp[c * np + p] ?? 0) * (kp[p] ?? 0);
    kc[c] = sum / (diversity[c] ?? 1);
  }
  const sign = covariance(kc, diversity) < 0 ? -1 : 1;
  const rawEci = kc.map((v) => sign * v);
  const rawPci = kp.map((v) => sign * v);
  const { mean, sd } = meanAndSd(rawEci);
  return { eci: rawEci.map((v) => (v - mean) / sd), pci: rawPci.map((v) => (v - mean) / sd), rawPci, sd };
}

/** Mᵀ W M for a diagonal weight w(row): the products × products Gram matrix. */
export function multiplyTransposed(m: Float64Array, nc: number, np: number, weight: (c: number) => number): Float64Array {
  const out = new Float64Array(np * np);
  for (let c = 0; c < nc; c++) {
    const w = weight(c);
    for (let p = 0; p < np; p++) {
      const mp = m[c * np + p] ?? 0;
      if (mp === 0) continue;
      for (let q = 0; q < np; q++) out[p * np + q] = (out[p * np + q] ?? 0) + w * mp * (m[c * np + q] ?? 0);
    }
  }
  return out;
}

export function meanAndSd(v: Float64Array): { mean: number; sd: number } {
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const variance = v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length;
  return { mean, sd: Math.sqrt(variance) };
}

function covariance(a: Float64Array, b: Float64Array): number {
  const ma = meanAndSd(a).mean;
  const mb = meanAndSd(b).mean;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] ?? 0) - ma) * ((b[i] ?? 0) - mb);
  return sum;
}

