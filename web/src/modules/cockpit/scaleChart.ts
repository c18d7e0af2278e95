import type { EChartsCoreOption } from 'echarts/core';

export interface FirmCounts {
  total: number;
  above: number;
  below: number;
  synthetic: number;
}

/** Share of a part in a whole, 0–1; 0 when the whole is empty. */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

export interface ScaleChartInput {
  counts: Pick<FirmCounts, 'above' | 'below'>;
  labels: { above: string; below: string; series: string };
  formatCount(count: number): string;
}

export const SCALE_COLORS = { above: '#1a5fd0', below: '#8fb7ef' } as const;

/** A donut of 规上 vs 规下 firms; slices carry their count and share in the label. */
export function buildScaleChartOption({ counts, labels, formatCount }: ScaleChartInput): EChartsCoreOption {
  const total = counts.above + counts.below;
  const data = [
    { name: labels.above, value: counts.above, itemStyle: { color: SCALE_COLORS.above } },
    { name: labels.below, value: counts.below, itemStyle: { color: SCALE_COLORS.below } },
  ];
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item', valueFormatter: (value: unknown) => (typeof value === 'number' ? formatCount(value) : String(value)) },
    legend: { bottom: 0, icon: 'circle', textStyle: { color: '#3b4a63' } },
    series: [
      {
        name: labels.series,
        type: 'pie',
        radius: ['48%', '72%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: {
          formatter: (params: { name: string; value: unknown }) => {
            const value = typeof params.value === 'number' ? params.value : 0;
            return `${params.name}\n${formatCount(value)} · ${Math.round(shareOf(value, total) * 100)}%`;
          },
          color: '#22314d',
          lineHeight: 18,
        },
        data,
      },
    ],
  };
}
