import { describe, expect, it } from 'vitest';
import { isSensitiveProvenanceField, maskProvenance, mergeProvenance } from './provenance.model.ts';

describe('isSensitiveProvenanceField', () => {
  it('flags tax, energy, emissions and electricity of any year', () => {
    expect(['metrics.2024.taxWan', 'metrics.2021.energyTce', 'metrics.2023.emissionsT', 'metrics.2025.electricityMwh'].map(isSensitiveProvenanceField)).toEqual([true, true, true, true]);
  });

  it('leaves identity fields and other figures visible', () => {
    expect(['name', 'taxWan', 'metrics.2024.revenueWan', 'node.pump.pumps'].map(isSensitiveProvenanceField)).toEqual([false, false, false, false]);
  });
});

describe('maskProvenance', () => {
  const entries = [
    { field: 'name', value: '大浪泵业' },
    { field: 'metrics.2024.taxWan', value: '455.5' },
  ];

  it('blanks sensitive values without the permission and says so', () => {
    expect(maskProvenance(entries, false)).toEqual([
      { field: 'name', value: '大浪泵业', isMasked: false },
      { field: 'metrics.2024.taxWan', value: null, isMasked: true },
    ]);
  });

  it('keeps every value with the permission', () => {
    expect(maskProvenance(entries, true).map((e) => e.value)).toEqual(['大浪泵业', '455.5']);
  });
});

describe('mergeProvenance', () => {
  const imported = [{ field: 'name', value: '大浪泵业', importId: 'imp1', fileName: 'a.xlsx', rowNumber: 2, at: new Date('2026-01-02T00:00:00Z') }];
  const edits = [
    { id: 'e2', field: 'aliases.大浪', value: '大浪', byUser: 'li', at: new Date('2026-03-01T00:00:00Z') },
    { id: 'e1', field: 'metrics.2024.taxWan', value: '12', byUser: 'wang', at: new Date('2025-12-01T00:00:00Z') },
  ];

  it('puts imports and hand edits in one list, newest first, each naming its source', () => {
    const merged = mergeProvenance(imported, edits);
    expect(merged.map((p) => [p.field, p.source])).toEqual([
      ['aliases.大浪', 'manual'],
      ['name', 'import'],
      ['metrics.2024.taxWan', 'manual'],
    ]);
    expect(merged[0]).toMatchObject({ importId: 'e2', fileName: null, rowNumber: null, byUser: 'li' });
    expect(merged[1]).toMatchObject({ importId: 'imp1', fileName: 'a.xlsx', rowNumber: 2, byUser: null });
  });

  it('lets the masking rule hide a hand-edited tax figure like an imported one', () => {
    expect(maskProvenance(mergeProvenance([], edits), false).map((p) => p.value)).toEqual(['大浪', null]);
  });
});
