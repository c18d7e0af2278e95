import { computeDensity } from './density.ts';
import { computeProximity } from './proximity.ts';
import { computeEciPci, meanAndSd, multiplyTransposed } from './eciPci.ts';

export interface ComplexityRow {
  year: number;
  location: string;
  product: string;
  /** exports, output, employment… ≥ 0; rows repeating a (year, location, product) are summed */
  value: number;
}

/**
 * One year's results over every location and product that year's input names, both sorted. Matrices are
 * location-major (locations × products). A location or product with a zero total that year is dropped from the
 * computation and its cells are NaN (its `value` cells stay, as 0).
 */
export interface ComplexityYear {
  year: number;
  locations: string[];
  products: string[];
  value: Float64Array;
  rca: Float64Array;
  /** 1 where RCA ≥ 1, else 0 */
  mcp: Float64Array;
  density: Float64Array;
  cog: Float64Array;
  /** per location */
  diversity: Float64Array;
  eci: Float64Array;
  coi: Float64Array;
  /** per product */
  ubiquity: Float64Array;
  pci: Float64Array;
  /** products × products; NaN in the rows and columns of dropped products */
  proximity: Float64Array;
}

/**
 * Economic complexity with the Harvard Growth Lab py-ecomplexity conventions (default options, domain/METHODS.md
 * §7): RCA and M = RCA ≥ 1, diversity and ubiquity, ECI and PCI from the eigenvector of the second-largest
 * eigenvalue of M̃ = K_p⁻¹ Mᵀ K_c⁻¹ M (signed so that ECI correlates positively with diversity, both standardised
 * with the mean and population sd of the raw ECI), proximity, density, COI and COG. Each year separately.
 * Matches py-ecomplexity's reference output to ~1e-13 (src/core/complexity/complexity.test.ts).
 */
export function computeComplexity(rows: readonly ComplexityRow[]): ComplexityYear[] {
  const byYear = new Map<number, ComplexityRow[]>();
  rows.forEach((row, i) => {
    assertRow(row, i);
    const list = byYear.get(row.year);
    if (list) list.push(row);
    else byYear.set(row.year, [row]);
  });
  return [...byYear.keys()].sort((a, b) => a - b).map((year) => computeYear(year, byYear.get(year) ?? []));
}

function assertRow(row: ComplexityRow, i: number): void {
  if (!Number.isInteger(row.year)) throw new RangeError(`complexity: row ${i}: year must be an integer, got ${row.year}`);
  if (row.location === '') throw new RangeError(`complexity: row ${i}: location is empty`);
  if (row.product === '') throw new RangeError(`complexity: row ${i}: product is empty`);
  if (!(Number.isFinite(row.value) && row.value >= 0)) throw new RangeError(`complexity: row ${i}: value must be a finite number ≥ 0, got ${row.value}`);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function computeYear(year: number, rows: readonly ComplexityRow[]): ComplexityYear {
  const locations = [...new Set(rows.map((r) => r.location))].sort(compare);
  const products = [...new Set(rows.map((r) => r.product))].sort(compare);
  const nc = locations.length;
  const np = products.length;
  const locationIndex = new Map(locations.map((l, i) => [l, i]));
  const productIndex = new Map(products.map((p, i) => [p, i]));
  const value = new Float64Array(nc * np);
  for (const r of rows) {
    const at = (locationIndex.get(r.location) ?? 0) * np + (productIndex.get(r.product) ?? 0);
    value[at] = (value[at] ?? 0) + r.value;
  }
  const keptC = indicesWithPositiveTotal(value, nc, np, 'rows');
  const keptP = indicesWithPositiveTotal(value, nc, np, 'columns');
  const kept = computeKept(extract(value, np, keptC, keptP), keptC.length, keptP.length);
  const out = emptyYear({ year, locations, products, value });
  scatter(kept, keptC, keptP, out);
  return out;
}

/** The results on the kept locations × kept products (dense, no zero totals). */
type Kept = Omit<ComplexityYear, 'year' | 'locations' | 'products' | 'value'>;

function computeKept(x: Float64Array, nc: number, np: number): Kept {
  const rca = computeRca(x, nc, np);
  const mcp = rca.map((r) => (r >= 1 ? 1 : 0));
  const diversity = new Float64Array(nc);
  const ubiquity = new Float64Array(np);
  for (let c = 0; c < nc; c++) {
    for (let p = 0; p < np; p++) {
      const m = mcp[c * np + p] ?? 0;
      diversity[c] = (diversity[c] ?? 0) + m;
      ubiquity[p] = (ubiquity[p] ?? 0) + m;
    }
  }
  const { eci, pci, rawPci, sd } = computeEciPci({ mcp, diversity, ubiquity, nc, np });
  const proximity = computeProximity(multiplyTransposed(mcp, nc, np, () => 1), np);
  const density = new Float64Array(nc * np);
  for (let c = 0; c < nc; c++) density.set(computeDensity(mcp.subarray(c * np, (c + 1) * np), proximity, np), c * np);
  const coi = standardise(computeRawCoi({ mcp, density, rawPci, nc, np }));
  const cog = computeCog({ mcp, proximity, rawPci, sd, nc, np });
  return { rca, mcp, density, cog, diversity, eci, coi, ubiquity, pci, proximity };
}

/** RCA = (x_cp / Σ_p x_cp) / (Σ_c x_cp / Σ_cp x_cp). */
function computeRca(x: Float64Array, nc: number, np: number): Float64Array {
  const rowTotal = new Float64Array(nc);
  const colTotal = new Float64Array(np);
  for (let c = 0; c < nc; c++) {
    for (let p = 0; p < np; p++) {
      const v = x[c * np + p] ?? 0;
      rowTotal[c] = (rowTotal[c] ?? 0) + v;
      colTotal[p] = (colTotal[p] ?? 0) + v;
    }
  }
  const grand = colTotal.reduce((s, v) => s + v, 0);
  const rca = new Float64Array(nc * np);
  for (let c = 0; c < nc; c++) {
    for (let p = 0; p < np; p++) rca[c * np + p] = (x[c * np + p] ?? 0) / (rowTotal[c] ?? 1) / ((colTotal[p] ?? 0) / grand);
  }
  return rca;
}

/** COI_c before standardising: Σ_p d_cp (1 − M_cp) PCI_p with the raw (signed, unstandardised) PCI. */
function computeRawCoi(input: { mcp: Float64Array; density: Float64Array; rawPci: Float64Array; nc: number; np: number }): Float64Array {
  const { mcp, density, rawPci, nc, np } = input;
  const coi = new Float64Array(nc);
  for (let c = 0; c < nc; c++) {
    let sum = 0;
    for (let p = 0; p < np; p++) sum += (density[c * np + p] ?? 0) * (1 - (mcp[c * np + p] ?? 0)) * (rawPci[p] ?? 0);
    coi[c] = sum;
  }
  return coi;
}

/** COG_cp = (1 − M_cp) Σ_p' [φ_p'p / Σ_q φ_p'q] (1 − M_cp') PCI_p' / σ, raw PCI, σ the sd of the raw ECI. */
function computeCog(input: { mcp: Float64Array; proximity: Float64Array; rawPci: Float64Array; sd: number; nc: number; np: number }): Float64Array {
  const { mcp, proximity, rawPci, sd, nc, np } = input;
  const rowSum = new Float64Array(np);
  for (let p = 0; p < np; p++) for (let q = 0; q < np; q++) rowSum[p] = (rowSum[p] ?? 0) + (proximity[p * np + q] ?? 0);
  const cog = new Float64Array(nc * np);
  for (let c = 0; c < nc; c++) {
    for (let p = 0; p < np; p++) {
      let sum = 0;
      for (let q = 0; q < np; q++) sum += ((proximity[q * np + p] ?? 0) / (rowSum[q] ?? 1)) * (1 - (mcp[c * np + q] ?? 0)) * (rawPci[q] ?? 0);
      cog[c * np + p] = ((1 - (mcp[c * np + p] ?? 0)) * sum) / sd;
    }
  }
  return cog;
}

function standardise(v: Float64Array): Float64Array {
  const { mean, sd } = meanAndSd(v);
  return v.map((x) => (x - mean) / sd);
}

function indicesWithPositiveTotal(value: Float64Array, nc: number, np: number, along: 'rows' | 'columns'): number[] {
  const n = along === 'rows' ? nc : np;
  const totals = new Float64Array(n);
  for (let c = 0; c < nc; c++) {
    for (let p = 0; p < np; p++) {
      const i = along === 'rows' ? c : p;
      totals[i] = (totals[i] ?? 0) + (value[c * np + p] ?? 0);
    }
  }
  return [...totals.keys()].filter((i) => (totals[i] ?? 0) > 0);
}

function extract(value: Float64Array, np: number, keptC: readonly number[], keptP: readonly number[]): Float64Array {
  const out = new Float64Array(keptC.length * keptP.length);
  keptC.forEach((c, i) => {
    keptP.forEach((p, j) => {
      out[i * keptP.length + j] = value[c * np + p] ?? 0;
    });
  });
  return out;
}

function emptyYear(input: { year: number; locations: string[]; products: string[]; value: Float64Array }): ComplexityYear {
  const nc = input.locations.length;
  const np = input.products.length;
  const nan = (n: number) => new Float64Array(n).fill(Number.NaN);
  return {
    ...input,
    rca: nan(nc * np),
    mcp: nan(nc * np),
    density: nan(nc * np),
    cog: nan(nc * np),
    diversity: nan(nc),
    eci: nan(nc),
    coi: nan(nc),
    ubiquity: nan(np),
    pci: nan(np),
    proximity: nan(np * np),
  };
}

/** Writes the kept results into the full-size year, leaving the dropped cells NaN. */
function scatter(kept: Kept, keptC: readonly number[], keptP: readonly number[], out: ComplexityYear): void {
  const np = out.products.length;
  const kp = keptP.length;
  keptC.forEach((c, i) => {
    out.diversity[c] = kept.diversity[i] ?? Number.NaN;
    out.eci[c] = kept.eci[i] ?? Number.NaN;
    out.coi[c] = kept.coi[i] ?? Number.NaN;
    keptP.forEach((p, j) => {
      for (const key of ['rca', 'mcp', 'density', 'cog'] as const) out[key][c * np + p] = kept[key][i * kp + j] ?? Number.NaN;
    });
  });
  keptP.forEach((p, j) => {
    out.ubiquity[p] = kept.ubiquity[j] ?? Number.NaN;
    out.pci[p] = kept.pci[j] ?? Number.NaN;
    keptP.forEach((q, k) => {
      out.proximity[p * np + q] = kept.proximity[j * kp + k] ?? Number.NaN;
    });
  });
}
