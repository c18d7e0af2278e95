import { CustomChart, LinesChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GeoComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { FIRM_SERIES, SUPPLIER_SERIES } from './mapOption.ts';

use([GeoComponent, ScatterChart, LinesChart, CustomChart, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface MapView {
  zoom: number;
  center: [number, number] | undefined;
}

interface Props {
  option: EChartsCoreOption;
  label: string;
  height: number;
  /** a click on a single firm (or a supplier) marker */
  onPickFirm: (id: string) => void;
  /** a click anywhere else on the map: the point in lon/lat */
  onPickSite: (lon: number, lat: number) => void;
  /** zoom or pan ended: the geo view, for clustering by zoom */
  onView: (view: MapView) => void;
}

interface ClickParams {
  seriesName?: string;
  data?: unknown;
}

function idOf(data: unknown): string | undefined {
  return data && typeof data === 'object' && 'id' in data && typeof data.id === 'string' ? data.id : undefined;
}

/**
 * The county map: an ECharts instance of its own because the page needs pixel → lon/lat on clicks and the zoom
 * level for clustering, which the shared chart component does not expose.
 */
export function MapChart({ option, label, height, onPickFirm, onPickSite, onView }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const handlers = useRef({ onPickFirm, onPickSite, onView });
  handlers.current = { onPickFirm, onPickSite, onView };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    // ECharts dispatches a series click before the raw canvas click of the same gesture: remember it so the
    // canvas handler does not also pick a site there.
    let isFirmClick = false;
    chart.on('click', (params: ClickParams) => {
      const id = idOf(params.data);
      if ((params.seriesName === FIRM_SERIES || params.seriesName === SUPPLIER_SERIES) && id !== undefined) {
        isFirmClick = true;
        handlers.current.onPickFirm(id);
      }
    });
    chart.getZr().on('click', (event: { offsetX: number; offsetY: number }) => {
      if (isFirmClick) {
        isFirmClick = false;
        return;
      }
      const point = chart.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]);
      if (Array.isArray(point) && Number.isFinite(point[0]) && Number.isFinite(point[1])) handlers.current.onPickSite(Number(point[0]), Number(point[1]));
    });
    chart.on('georoam', () => {
      const geo = (chart.getOption() as { geo?: { zoom?: number; center?: [number, number] }[] }).geo?.[0];
      handlers.current.onView({ zoom: geo?.zoom ?? 1, center: geo?.center });
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={containerRef} className="chart county-map" style={{ height }} role="img" aria-label={label} data-testid="county-map" />;
}
