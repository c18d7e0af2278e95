import type { SubClustersData, SupplyRowView } from './supplyApi.ts';

// The supply page reads the same query string as the chain page: chain, selected node and year.
export type { ChainPageParams as SupplyPageParams } from '../chains/chainFormat.ts';
export { readChainParams as readSupplyParams, writeChainParams as writeSupplyParams } from '../chains/chainFormat.ts';

/** A rate 0..1 as a percentage with one decimal; null stays null (the caller shows "not computed" / "—"). */
export function formatRate(rate: number | null): string | null {
  return rate === null ? null : `${(rate * 100).toFixed(1)}%`;
}

export const VARIANTS = ['county', 'sameTown', 'driveTime'] as const;
export type Variant = (typeof VARIANTS)[number];
const VARIANT_COLOURS: Record<Variant, string> = { county: '#2563eb', sameTown: '#16a34a', driveTime: '#d97706' };

/**
 * Monthly local supply rates as a line chart, one series per variant (in percent); a variant that is not
 * computed (drive time before the geo module has run) is left out rather than drawn as zero.
 */
export function buildTrendOption(months: readonly SupplyRowView[], names: Record<Variant, string>): Record<string, unknown> {
  const shown = VARIANTS.filter((v) => v !== 'driveTime' || months.some((m) => m.rate.driveTime !== null));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—') },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months.map((m) => m.period ?? '') },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: shown.map((v) => ({
      type: 'line',
      name: names[v],
      smooth: false,
      symbolSize: 6,
      itemStyle: { color: VARIANT_COLOURS[v] },
      data: months.map((m) => (m.rate[v] === null ? null : Math.round((m.rate[v] ?? 0) * 1000) / 10)),
    })),
  };
}

/** An amount in 万元 rounded to whole 万元; null (masked or missing) stays null. */
export function formatWan(value: number | null, formatNumber: (n: number) => string): string | null {
  return value === null ? null : formatNumber(Math.round(value));
}

/** Scales a value within [min, max] of its peers onto [lo, hi] by square root (areas read as sizes). */
export function scaleSqrt(value: number, max: number, lo: number, hi: number): number {
  if (!(max > 0)) return lo;
  return lo + (hi - lo) * Math.sqrt(Math.max(0, value) / max);
}

const LABELLED_CLUSTERS = 8;

/**
 * The sub-cluster view: one circle per community (area ∝ members), one arrow per flow between two communities
 * (width ∝ amount). The server aggregates, so the browser draws tens of items whatever the firm count.
 */
export function buildClusterOption(data: SubClustersData, labelOf: (cluster: SubClustersData['clusters'][number]) => string): Record<string, unknown> {
  const maxSize = Math.max(0, ...data.clusters.map((c) => c.size));
  const maxFlow = Math.max(0, ...data.links.map((l) => l.amountWan ?? 0));
  return {
    tooltip: {},
    series: [
      {
        type: 'graph',
        layout: 'force',
        force: { repulsion: 220, edgeLength: [60, 160], gravity: 0.08 },
        roam: true,
        draggable: true,
        label: { show: true, position: 'right', fontSize: 11 },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 6,
        // Labels only on the largest clusters: thirty overlapping names read as noise; the list below names all.
        data: data.clusters.map((c, i) => ({
          id: String(c.community),
          name: labelOf(c),
          value: c.size,
          symbolSize: scaleSqrt(c.size, maxSize, 10, 56),
          label: { show: i < LABELLED_CLUSTERS },
        })),
        // A masked flow (a small cluster, no sensitive permission) is drawn thin and dashed, without a value.
        links: data.links.map((l) => ({
          source: String(l.from),
          target: String(l.to),
          value: l.amountWan === null ? undefined : Math.round(l.amountWan),
          lineStyle:
            l.amountWan === null
              ? { width: 0.5, opacity: 0.6, curveness: 0.2, type: 'dashed' }
              : { width: scaleSqrt(l.amountWan, maxFlow, 0.5, 6), opacity: 0.6, curveness: 0.2 },
        })),
      },
    ],
  };
}
