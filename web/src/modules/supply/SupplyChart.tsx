import { LineChart } from 'echarts/charts';
import type { EChartsCoreOption } from 'echarts/core';
import { use } from 'echarts/core';
import { EChart } from '../../components/EChart.tsx';

// The supply page's chart types beyond the shared bar/pie/graph set.
use([LineChart]);

export function SupplyChart({ option, label, height, testId }: { option: Record<string, unknown>; label: string; height: number; testId: string }) {
  const chartOption: EChartsCoreOption = option;
  return <EChart option={chartOption} label={label} height={height} testId={testId} />;
}
