import { describe, expect, it } from 'vitest';
import type { EnterpriseMetric } from '../../../../src/modules/enterprises/enterprises.model.ts';
import { formTextOf, metricChanges } from './profileEditForms.ts';

const stored: EnterpriseMetric = {
  year: 2024,
  revenueWan: 5000,
  outputWan: 4800,
  valueAddedWan: null,
  taxWan: null,
  landMu: 30,
  energyTce: null,
  emissionsT: null,
  electricityMwh: null,
  employees: 120,
  rdWan: null,
  isSynthetic: false,
};
const all = () => true;

describe('metricChanges', () => {
  it('sends changed figures, clears emptied ones and leaves the rest out', () => {
    const form = { revenueWan: '5,200', outputWan: '4800', landMu: '', employees: '120', rdWan: '' };
    expect(metricChanges(stored, form, all)).toEqual({ ok: true, values: { revenueWan: 5200, landMu: null } });
  });

  it('sends every figure typed for a new year', () => {
    expect(metricChanges(undefined, { outputWan: '10', employees: '3' }, all)).toEqual({ ok: true, values: { outputWan: 10, employees: 3 } });
  });

  it('never sends a field the user may not edit, even when typed', () => {
    const editable = (f: string) => f !== 'taxWan';
    expect(metricChanges(stored, { taxWan: '99', outputWan: '4800', revenueWan: '5000', landMu: '30', employees: '120' }, editable)).toEqual({ ok: true, values: {} });
  });

  it('names a field that is not a number', () => {
    expect(metricChanges(stored, { outputWan: '4800', revenueWan: 'abc' }, all)).toEqual({ ok: false, field: 'revenueWan' });
  });
});

describe('formTextOf', () => {
  it('shows the stored figure or nothing', () => {
    expect(formTextOf(stored, 'landMu')).toBe('30');
    expect(formTextOf(stored, 'taxWan')).toBe('');
    expect(formTextOf(undefined, 'landMu')).toBe('');
  });
});
