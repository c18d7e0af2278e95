/**
 * ECharts options of the cockpit, as plain data: the web app draws them on a canvas, the PDF export renders the
 * same options to SVG on the server. Pure: labels and numbers come in, options go out.
 */

export type CockpitTheme = 'light' | 'dark';

interface Palette {
  text: string;
  muted: string;
  grid: string;
  series: readonly string[];
  strong: string;
  weak: string;
  missing: string;
  track: string;
}

export const PALETTES: Readonly<Record<CockpitTheme, Palette>> = {
  light: {
    text: '#1f2933',
    muted: '#616e7c',
    grid: '#e4e7eb',
    series: ['#2563eb', '#16a34a', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#dc2626'],
    strong: '#16a34a',
    weak: '#d97706',
    missing: '#dc2626',
    track: '#e4e7eb',
  },
  dark: {
    text: '#e6f1ff',
    muted: '#8aa4c8',
    grid: '#1d3557',
    series: ['#38bdf8', '#a3e635', '#fbbf24', '#c084fc', '#f472b6', '#2dd4bf', '#fb923c', '#f87171'],
    strong: '#22c55e',
    weak: '#eab308',
    missing: '#ef4444',
    track: '#1e3a5f',
  },
};

/** 万元 → 亿元 (1 亿 = 10,000 万). */
export function wanToYi(wan: number): number {
  return wan / 10_000;
}

/** Rounds for a chart label: one decimal below 100, none above. */
export function roundForLabel(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
}

type Option = Record<string, unknown>;

function axisStyle(p: Palette) {
  return { axisLine: { lineStyle: { color: p.grid } }, axisLabel: { color: p.muted }, splitLine: { lineStyle: { color: p.grid } } };
}

/** Horizontal bars of output per chain (亿元), largest on top. */
export function buildOutputBarsOption(input: { items: readonly { name: string; outputWan: number }[]; unit: string; theme: CockpitTheme; animation?: boolean }): Option {
  const p = PALETTES[input.theme];
  const items = [...input.items].sort((a, b) => a.outputWan - b.outputWan);
  return {
    animation: input.animation ?? true,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', name: input.unit, nameTextStyle: { color: p.muted }, ...axisStyle(p) },
    yAxis: { type: 'category', data: items.map((i) => i.name), ...axisStyle(p), axisLabel: { color: p.text, interval: 0 } },
    series: [
      {
        type: 'bar',
        data: items.map((i) => roundForLabel(wanToYi(i.outputWan))),
        barMaxWidth: 14,
        itemStyle: { color: p.series[0], borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', color: p.text },
      },
    ],
  };
}

/** Output per year (亿元) of the chosen chains as lines. */
export function buildTrendOption(input: { years: readonly number[]; series: readonly { name: string; outputWan: readonly number[] }[]; unit: string; theme: CockpitTheme; animation?: boolean }): Option {
  const p = PALETTES[input.theme];
  return {
    animation: input.animation ?? true,
    color: [...p.series],
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: p.text }, type: 'scroll' },
    xAxis: { type: 'category', data: input.years.map(String), ...axisStyle(p) },
    yAxis: { type: 'value', name: input.unit, nameTextStyle: { color: p.muted }, ...axisStyle(p) },
    series: input.series.map((s) => ({ type: 'line', name: s.name, smooth: true, symbolSize: 6, data: s.outputWan.map((v) => roundForLabel(wanToYi(v))) })),
  };
}

/** Stacked bars of strong / weak / missing nodes per chain. */
export function buildHealthOption(input: {
  items: readonly { name: string; strong: number; weak: number; missing: number }[];
  labels: { strong: string; weak: string; missing: string };
  theme: CockpitTheme;
  animation?: boolean;
}): Option {
  const p = PALETTES[input.theme];
  const items = [...input.items].reverse();
  const bar = (key: 'strong' | 'weak' | 'missing', color: string) => ({
    type: 'bar',
    name: input.labels[key],
    stack: 'nodes',
    barMaxWidth: 14,
    itemStyle: { color },
    data: items.map((i) => i[key]),
  });
  return {
    animation: input.animation ?? true,
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { color: p.text } },
    xAxis: { type: 'value', minInterval: 1, ...axisStyle(p) },
    yAxis: { type: 'category', data: items.map((i) => i.name), ...axisStyle(p), axisLabel: { color: p.text, interval: 0 } },
    series: [bar('strong', p.strong), bar('weak', p.weak), bar('missing', p.missing)],
  };
}

/** Local supply rate per chain in its three variants (percent); a variant not yet computed is left out. */
export function buildSupplyOption(input: {
  items: readonly { name: string; county: number | null; sameTown: number | null; driveTime: number | null }[];
  labels: { county: string; sameTown: string; driveTime: string };
  theme: CockpitTheme;
  animation?: boolean;
}): Option {
  const p = PALETTES[input.theme];
  const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  const variants = (['county', 'sameTown', 'driveTime'] as const).filter((k) => input.items.some((i) => i[k] !== null));
  const items = [...input.items].reverse();
  return {
    animation: input.animation ?? true,
    color: [p.series[0], p.series[1], p.series[2]],
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    legend: { top: 0, textStyle: { color: p.text } },
    xAxis: { type: 'value', max: 100, name: '%', nameTextStyle: { color: p.muted }, ...axisStyle(p) },
    yAxis: { type: 'category', data: items.map((i) => i.name), ...axisStyle(p), axisLabel: { color: p.text, interval: 0 } },
    series: variants.map((k) => ({ type: 'bar', name: input.labels[k], barMaxWidth: 8, barGap: '10%', data: items.map((i) => percent(i[k])) })),
  };
}

/** A gauge of output against the target (亿元); the dial ends at the target. */
export function buildTargetGaugeOption(input: { outputWan: number; targetWan: number; caption: string; unit: string; theme: CockpitTheme; animation?: boolean }): Option {
  const p = PALETTES[input.theme];
  const value = roundForLabel(wanToYi(input.outputWan));
  const max = Math.max(roundForLabel(wanToYi(input.targetWan)), value);
  return {
    animation: input.animation ?? true,
    series: [
      {
        type: 'gauge',
        min: 0,
        max,
        startAngle: 220,
        endAngle: -40,
        radius: '92%',
        progress: { show: true, width: 14, itemStyle: { color: p.series[0] } },
        axisLine: { lineStyle: { width: 14, color: [[1, p.track]] } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: true, offsetCenter: [0, '58%'], color: p.muted, fontSize: 12 },
        detail: { valueAnimation: false, offsetCenter: [0, '0%'], fontSize: 30, fontWeight: 'bold', color: p.text, formatter: `{value} ${input.unit}` },
        data: [{ value, name: input.caption }],
      },
    ],
  };
}

/** Chokepoints per common technology × scenario as a heat map. */
export function buildChokepointOption(input: { rows: readonly string[]; cols: readonly string[]; counts: readonly (readonly number[])[]; theme: CockpitTheme; animation?: boolean }): Option {
  const p = PALETTES[input.theme];
  const data = input.counts.flatMap((row, i) => row.map((n, j) => [j, i, n]));
  const max = Math.max(1, ...data.map((d) => d[2] ?? 0));
  return {
    animation: input.animation ?? true,
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    tooltip: { position: 'top' },
    xAxis: { type: 'category', data: [...input.cols], ...axisStyle(p), axisLabel: { color: p.text, interval: 0, fontSize: 10, rotate: input.cols.length > 4 ? 30 : 0 }, splitArea: { show: false } },
    yAxis: { type: 'category', data: [...input.rows], ...axisStyle(p), axisLabel: { color: p.text, fontSize: 10 } },
    visualMap: { show: false, min: 0, max, inRange: { color: [p.track, p.weak, p.missing] } },
    series: [{ type: 'heatmap', data, label: { show: true, color: p.text }, itemStyle: { borderColor: input.theme === 'dark' ? '#0b1a2e' : '#ffffff', borderWidth: 2 } }],
  };
}
