import { describe, expect, it } from 'vitest';
import { readReferenceCsv } from '../../../tests/helpers/reference.ts';
import { type ComplexityRow, type ComplexityYear, computeComplexity } from './complexity.ts';

const COLUMNS = ['value', 'rca', 'mcp', 'diversity', 'ubiquity', 'eci', 'pci', 'density', 'coi', 'cog'] as const;
type Column = (typeof COLUMNS)[number];

function readInput(): ComplexityRow[] {
  return readReferenceCsv('ecx_input.csv').rows.map(([year = '', location = '', product = '', value = '']) => ({ year: Number(year), location, product, value: Number(value) }));
}

/** Our value of a column for (location c, product p) of a year. */
function cell(y: ComplexityYear, column: Column, c: number, p: number): number {
  const np = y.products.length;
  // A cell of a dropped location or product is empty in every column but value (as py-ecomplexity writes it).
  if (column !== 'value' && Number.isNaN(y.rca[c * np + p] ?? Number.NaN)) return Number.NaN;
  switch (column) {
    case 'diversity':
    case 'eci':
    case 'coi':
      return y[column][c] ?? Number.NaN;
    case 'ubiquity':
    case 'pci':
      return y[column][p] ?? Number.NaN;
    default:
      return y[column][c * np + p] ?? Number.NaN;
  }
}

/** |ours − theirs| / max(1, |theirs|): absolute near zero, relative for large values; NaN must meet NaN (empty). */
function deviation(ours: number, reference: string): number {
  if (reference === '') return Number.isNaN(ours) ? 0 : Number.POSITIVE_INFINITY;
  const theirs = Number(reference);
  if (Number.isNaN(ours)) return Number.POSITIVE_INFINITY;
  return Math.abs(ours - theirs) / Math.max(1, Math.abs(theirs));
}

describe('computeComplexity', () => {
  const input = readInput();
  const years = computeComplexity(input);
  const byYear = new Map(years.map((y) => [y.year, y]));

  it('matches py-ecomplexity (default options) on every output column to 1e-9, empty cells as NaN', () => {
    const table = readReferenceCsv('ecx_output_default.csv');
    const worst = new Map<Column, number>(COLUMNS.map((c) => [c, 0]));
    let rows = 0;
    for (const row of table.rows) {
      const [year = '', location = '', product = ''] = row;
      const y = byYear.get(Number(year));
      const c = y?.locations.indexOf(location) ?? -1;
      const p = y?.products.indexOf(product) ?? -1;
      expect(y && c >= 0 && p >= 0, `${year} ${location} ${product}`).toBe(true);
      if (!y) continue;
      rows += 1;
      COLUMNS.forEach((column, i) => {
        worst.set(column, Math.max(worst.get(column) ?? 0, deviation(cell(y, column, c, p), row[3 + i] ?? '')));
      });
    }
    expect(rows).toBe(years.reduce((sum, y) => sum + y.locations.length * y.products.length, 0));
    for (const [column, d] of worst) expect(d, column).toBeLessThan(1e-9);
  });

  it('matches the reference proximity off the diagonal to 1e-12, with 1 on the diagonal and NaN for a dropped product', () => {
    let worst = 0;
    let pairs = 0;
    for (const [year = '', a = '', b = '', phi = ''] of readReferenceCsv('ecx_proximity.csv').rows) {
      const y = byYear.get(Number(year));
      if (!y) throw new Error(`no year ${year}`);
      const n = y.products.length;
      worst = Math.max(worst, deviation(y.proximity[y.products.indexOf(a) * n + y.products.indexOf(b)] ?? Number.NaN, phi));
      pairs += 1;
    }
    expect(worst).toBeLessThan(1e-12);
    const y2021 = byYear.get(2021);
    if (!y2021) throw new Error('no 2021');
    const n = y2021.products.length;
    const p60 = y2021.products.indexOf('P60');
    expect(pairs).toBe(60 * 59 + 59 * 58);
    expect(y2021.proximity[0]).toBe(1);
    expect(y2021.proximity[p60 * n + 0]).toBeNaN();
    expect(y2021.pci[p60]).toBeNaN();
  });

  it('drops a location absent from a year (R40 in 2021) and keeps the all-zero product P60 as NaN rows', () => {
    const y2021 = byYear.get(2021);
    expect(y2021?.locations).toHaveLength(39);
    expect(y2021?.locations).not.toContain('R40');
    expect(y2021?.products).toHaveLength(60);
  });

  it('standardises ECI to mean 0 and population sd 1 in each year', () => {
    for (const y of years) {
      const eci = [...y.eci].filter((v) => !Number.isNaN(v));
      const mean = eci.reduce((s, v) => s + v, 0) / eci.length;
      const sd = Math.sqrt(eci.reduce((s, v) => s + (v - mean) ** 2, 0) / eci.length);
      expect(Math.abs(mean)).toBeLessThan(1e-12);
      expect(sd).toBeCloseTo(1, 12);
    }
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(input);
    computeComplexity(input);
    expect(input).toEqual(copy);
  });

  it('sums rows repeating a (year, location, product)', () => {
    const split = input.flatMap((r) => (r.location === 'R01' && r.product === 'P01' ? [{ ...r, value: r.value / 4 }, { ...r, value: (3 * r.value) / 4 }] : [r]));
    const again = computeComplexity(split);
    expect(Math.abs((again[0]?.eci[0] ?? 0) - (years[0]?.eci[0] ?? 1))).toBeLessThan(1e-12);
  });

  it('names the row and the reason of bad input', () => {
    expect(() => computeComplexity([{ year: 2020, location: 'A', product: 'x', value: -1 }])).toThrow(/row 0: value must be a finite number ≥ 0/);
    expect(() => computeComplexity([{ year: 2020.5, location: 'A', product: 'x', value: 1 }])).toThrow(/row 0: year must be an integer/);
    expect(() => computeComplexity([{ year: 2020, location: 'A', product: 'x', value: 1 }, { year: 2020, location: '', product: 'x', value: 1 }])).toThrow(/row 1: location is empty/);
  });
});
