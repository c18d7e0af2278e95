import { GaugeChart, HeatmapChart, LineChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import { use } from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { EChart } from '../../components/EChart.tsx';

// The cockpit's chart types beyond the shared bar/pie/graph set.
use([LineChart, GaugeChart, HeatmapChart, VisualMapComponent, LegacyGridContainLabel]);

export function CockpitChart({ option, label, height, testId }: { option: Record<string, unknown>; label: string; height: number; testId?: string }) {
  const chartOption: EChartsCoreOption = option;
  return <EChart option={chartOption} label={label} height={height} {...(testId ? { testId } : {})} />;
}
