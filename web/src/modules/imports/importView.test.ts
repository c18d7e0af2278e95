import { describe, expect, it } from 'vitest';
import { orderedOutcomes, resultTone } from './importView.ts';

const info = (rowsInvalid: number) => ({ id: 'x', kind: 'enterprises' as const, fileName: 'f.csv', status: 'dry_run' as const, fileError: null, rowsTotal: 3, rowsValid: 3 - rowsInvalid, rowsInvalid, byUser: 'u', at: '2026-01-01T00:00:00Z' });

describe('resultTone', () => {
  it('reads applied as ok, partial as a warning, rejected as an error', () => {
    expect(resultTone({ result: 'applied', import: info(0) })).toBe('ok');
    expect(resultTone({ result: 'partial', import: info(1) })).toBe('warn');
    expect(resultTone({ result: 'rejected', import: info(1) })).toBe('error');
  });
  it('marks a dry run with bad rows as an error and a clean one as information', () => {
    expect(resultTone({ result: 'dry_run', import: info(2) })).toBe('error');
    expect(resultTone({ result: 'dry_run', import: info(0) })).toBe('info');
    expect(resultTone({ result: 'unchanged', import: info(0) })).toBe('info');
  });
});

describe('orderedOutcomes', () => {
  it('orders outcomes for reading and drops zeros and unknown names', () => {
    expect(orderedOutcomes({ invalid: 2, inserted: 5, unchanged: 0, other: 9 })).toEqual([
      { outcome: 'inserted', count: 5 },
      { outcome: 'invalid', count: 2 },
    ]);
  });
});
