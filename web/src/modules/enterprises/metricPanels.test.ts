import { describe, expect, it } from 'vitest';
import type { EnterpriseMetric } from '../../../../src/modules/enterprises/enterprises.model.ts';
import { buildMetricPanels, buildPanelChartOption } from './metricPanels.ts';

function metric(year: number, values: Partial<EnterpriseMetric> = {}): EnterpriseMetric {
  return {
    year,
    revenueWan: null,
    outputWan: null,
    valueAddedWan: null,
    taxWan: null,
    landMu: null,
    energyTce: null,
    emissionsT: null,
    electricityMwh: null,
    employees: null,
    rdWan: null,
    isSynthetic: false,
    ...values,
  };
}

describe('buildMetricPanels', () => {
  const rows = [metric(2024, { outputWan: 200, taxWan: 9, employees: 30 }), metric(2023, { outputWan: 180, revenueWan: 190, taxWan: 8 })];

  it('orders years and keeps only fields with figures', () => {
    const [business] = buildMetricPanels(rows, false);
    expect(business).toEqual({
      id: 'business',
      unit: 'wan',
      years: [2023, 2024],
      series: [
        { field: 'outputWan', values: [180, 200] },
        { field: 'revenueWan', values: [190, null] },
      ],
      hiddenFields: [],
    });
  });

  it('draws tax for a viewer who may see it', () => {
    const tax = buildMetricPanels(rows, false).find((p) => p.id === 'tax');
    expect(tax?.series).toEqual([{ field: 'taxWan', values: [8, 9] }]);
  });

  it('lists tax, energy, emissions and electricity as hidden when masked, and draws none of them', () => {
    const panels = buildMetricPanels([metric(2024, { outputWan: 1, rdWan: 2 })], true);
    expect(panels.map((p) => [p.id, p.hiddenFields, p.series.map((s) => s.field)])).toEqual([
      ['business', [], ['outputWan']],
      ['tax', ['taxWan'], ['rdWan']],
      ['energy', ['energyTce'], []],
      ['emissions', ['emissionsT'], []],
      ['electricity', ['electricityMwh'], []],
    ]);
  });

  it('has no panels without yearly figures', () => {
    expect(buildMetricPanels([], true)).toEqual([]);
  });
});

describe('buildPanelChartOption', () => {
  it('puts the years on the category axis and the unit on the value axis', () => {
    const [panel] = buildMetricPanels([metric(2023, { outputWan: 1 }), metric(2024, { outputWan: 2 })], false);
    if (!panel) throw new Error('no panel');
    const option = buildPanelChartOption({ panel, seriesName: (f) => `name:${f}`, unitLabel: '万元', formatValue: String });
    expect(option).toMatchObject({
      xAxis: { type: 'category', data: ['2023', '2024'] },
      yAxis: { type: 'value', name: '万元' },
      series: [{ name: 'name:outputWan', type: 'bar', data: [1, 2] }],
    });
  });
});
