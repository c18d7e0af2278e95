import type { EChartsCoreOption } from 'echarts/core';
import type { EnterpriseMetric } from '../../../../src/modules/enterprises/enterprises.model.ts';
import { METRIC_SENSITIVE_FIELDS } from '../../../../src/modules/enterprises/enterprises.model.ts';

export type MetricField = Exclude<keyof EnterpriseMetric, 'year' | 'isSynthetic'>;
export type MetricUnit = 'wan' | 'tce' | 't' | 'mwh' | 'mu' | 'persons';

/** Charts of the profile: fields that share a unit are drawn together. */
export const PANELS = [
  { id: 'business', unit: 'wan', fields: ['outputWan', 'revenueWan', 'valueAddedWan'] },
  { id: 'tax', unit: 'wan', fields: ['taxWan', 'rdWan'] },
  { id: 'energy', unit: 'tce', fields: ['energyTce'] },
  { id: 'emissions', unit: 't', fields: ['emissionsT'] },
  { id: 'electricity', unit: 'mwh', fields: ['electricityMwh'] },
  { id: 'land', unit: 'mu', fields: ['landMu'] },
  { id: 'employees', unit: 'persons', fields: ['employees'] },
] as const satisfies readonly { id: string; unit: MetricUnit; fields: readonly MetricField[] }[];

export type PanelId = (typeof PANELS)[number]['id'];

export interface MetricPanel {
  id: PanelId;
  unit: MetricUnit;
  years: number[];
  /** fields with at least one figure, in panel order, values by year (null where missing) */
  series: { field: MetricField; values: (number | null)[] }[];
  /** sensitive fields withheld from this viewer */
  hiddenFields: MetricField[];
}

function isSensitive(field: MetricField): boolean {
  return METRIC_SENSITIVE_FIELDS.some((f) => f === field);
}

/**
 * The profile's charts from the yearly figures: years ascending; a sensitive field is listed as hidden (not drawn)
 * when the answer was masked; a panel with nothing to draw and nothing hidden is left out.
 */
export function buildMetricPanels(metrics: readonly EnterpriseMetric[], isMasked: boolean): MetricPanel[] {
  const sorted = [...metrics].sort((a, b) => a.year - b.year);
  const years = sorted.map((m) => m.year);
  const panels: MetricPanel[] = [];
  for (const panel of PANELS) {
    const hiddenFields: MetricField[] = [];
    const series: MetricPanel['series'] = [];
    for (const field of panel.fields) {
      if (isMasked && isSensitive(field)) {
        hiddenFields.push(field);
        continue;
      }
      const values = sorted.map((m) => m[field]);
      if (values.some((v) => v !== null)) series.push({ field, values });
    }
    if (series.length > 0 || (hiddenFields.length > 0 && years.length > 0)) panels.push({ id: panel.id, unit: panel.unit, years, series, hiddenFields });
  }
  return panels;
}

export interface PanelChartInput {
  panel: MetricPanel;
  seriesName(field: MetricField): string;
  /** the axis name, e.g. "万元" */
  unitLabel: string;
  formatValue(value: number): string;
}

const COLORS = ['#1a5fd0', '#2f9e77', '#e08a1e', '#8a5cd0'];

/** Bars per year for each field of the panel; the unit names the value axis and the years the category axis. */
export function buildPanelChartOption({ panel, seriesName, unitLabel, formatValue }: PanelChartInput): EChartsCoreOption {
  return {
    aria: { enabled: true },
    color: COLORS,
    grid: { left: 56, right: 12, top: 36, bottom: 28 },
    legend: { top: 0, textStyle: { color: '#3b4a63' } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => (typeof value === 'number' ? `${formatValue(value)} ${unitLabel}` : '—'),
    },
    xAxis: { type: 'category', data: panel.years.map(String) },
    yAxis: { type: 'value', name: unitLabel, nameTextStyle: { align: 'right' }, axisLabel: { formatter: (v: number) => formatValue(v) } },
    series: panel.series.map((s) => ({ name: seriesName(s.field), type: 'bar', barMaxWidth: 22, data: s.values })),
  };
}
