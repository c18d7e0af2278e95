import { BarChart, GraphChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the pages use goes into the bundle; a module that needs another chart type registers it here.
use([PieChart, BarChart, GraphChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

/** Draws an ECharts option; follows the container's size; the label describes the chart to screen readers. */
export function EChart({ option, label, height = 280, testId }: { option: EChartsCoreOption; label: string; height?: number; testId?: string }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    // A resize redraws the whole chart; the observer's first call (and any call at an unchanged size) is not one.
    let width = container.clientWidth;
    let height = container.clientHeight;
    const observer = new ResizeObserver(() => {
      if (container.clientWidth === width && container.clientHeight === height) return;
      width = container.clientWidth;
      height = container.clientHeight;
      chart.resize();
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={containerRef} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
