import { describe, expect, it } from 'vitest';
import type { SubClustersData, SupplyRowView } from './supplyApi.ts';
import { buildClusterOption, buildTrendOption, formatRate, readSupplyParams, scaleSqrt, writeSupplyParams } from './supplyFormat.ts';

const month = (period: string, county: number, driveTime: number | null): SupplyRowView => ({
  key: null,
  name: null,
  period,
  amountWan: 100,
  localWan: { county: county * 100, sameTown: 10, driveTime: driveTime === null ? null : driveTime * 100 },
  rate: { county, sameTown: 0.1, driveTime },
  flowCount: 3,
});
const names = { county: '县域', sameTown: '同镇', driveTime: '30 分钟' };

describe('supply page params', () => {
  it('round-trips chain, node and year and drops a bad year', () => {
    const p = { chain: 'pump', node: 'pump.castings', year: 2025 };
    expect(readSupplyParams(writeSupplyParams(p))).toEqual(p);
    expect(readSupplyParams('?year=abc')).toEqual({ chain: null, node: null, year: null });
  });
});

describe('formatRate', () => {
  it('shows a share as a percentage and keeps null', () => {
    expect(formatRate(0.7667)).toBe('76.7%');
    expect(formatRate(null)).toBeNull();
  });
});

describe('buildTrendOption', () => {
  it('draws county and same-town in percent and leaves out a drive-time variant that is not computed', () => {
    const option = buildTrendOption([month('2025-01', 0.5, null), month('2025-02', 0.25, null)], names) as { series: { name: string; data: unknown[] }[]; xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['2025-01', '2025-02']);
    expect(option.series.map((s) => s.name)).toEqual(['县域', '同镇']);
    expect(option.series[0]?.data).toEqual([50, 25]);
  });
  it('adds the drive-time series once computed', () => {
    const option = buildTrendOption([month('2025-01', 0.5, 0.333)], names) as { series: { name: string; data: unknown[] }[] };
    expect(option.series.map((s) => s.name)).toEqual(['县域', '同镇', '30 分钟']);
    expect(option.series[2]?.data).toEqual([33.3]);
  });
});

describe('buildClusterOption', () => {
  const data: SubClustersData = {
    year: 2025,
    chainId: 'pump',
    direction: 'buyer → seller',
    vertexCount: 120,
    communityCount: 2,
    modularity: 0.4,
    clusters: [
      { community: 0, size: 100, registryFirmCount: 90, flowWan: 1000, pagerank: 0.8, leaders: [{ id: 'a', name: '甲' }] },
      { community: 1, size: 25, registryFirmCount: 20, flowWan: 200, pagerank: 0.2, leaders: [] },
    ],
    links: [{ from: 0, to: 1, amountWan: 400 }],
    isMasked: false,
  };
  it('draws one circle per community sized by members and one arrow per flow between communities', () => {
    const option = buildClusterOption(data, (c) => `C${c.community}`) as { series: { data: { id: string; symbolSize: number }[]; links: { source: string; target: string }[] }[] };
    const series = option.series[0];
    expect(series?.data.map((d) => d.id)).toEqual(['0', '1']);
    expect(series?.data[0]?.symbolSize).toBe(56);
    expect(series?.data[1]?.symbolSize).toBeCloseTo(10 + 46 * 0.5, 9);
    expect(series?.links).toMatchObject([{ source: '0', target: '1' }]);
  });
  it('draws a masked flow (null amount) thin and dashed, without a value', () => {
    const masked = { ...data, links: [{ from: 0, to: 1, amountWan: null }], isMasked: true };
    const option = buildClusterOption(masked, (c) => `C${c.community}`) as { series: { links: { value?: number; lineStyle: { type?: string; width: number } }[] }[] };
    expect(option.series[0]?.links[0]).toMatchObject({ value: undefined, lineStyle: { type: 'dashed', width: 0.5 } });
  });
  it('scales by square root and copes with an empty set', () => {
    expect(scaleSqrt(25, 100, 0, 10)).toBe(5);
    expect(scaleSqrt(5, 0, 3, 10)).toBe(3);
  });
});
