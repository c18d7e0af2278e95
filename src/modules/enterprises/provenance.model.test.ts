import { describe, expect, it } from 'vitest';
import { isSensitiveProvenanceField, maskProvenance } from './provenance.model.ts';

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
