import { describe, expect, it } from 'vitest';
import { buildScaleChartOption, shareOf } from './scaleChart.ts';

describe('shareOf', () => {
  it('is the part over the whole, and 0 for an empty whole', () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(0, 0)).toBe(0);
  });
});

describe('buildScaleChartOption', () => {
  const option = buildScaleChartOption({
    counts: { above: 30, below: 90 },
    labels: { above: '规上', below: '规下', series: '企业数' },
    formatCount: (n) => `${n} 家`,
  });

  it('has one slice per scale with its count', () => {
    expect(option.series).toMatchObject([{ type: 'pie', name: '企业数', data: [{ name: '规上', value: 30 }, { name: '规下', value: 90 }] }]);
  });

  it('labels each slice with count, unit and share', () => {
    const series = Array.isArray(option.series) ? option.series[0] : undefined;
    const formatter = series?.label?.formatter;
    expect(typeof formatter).toBe('function');
    if (typeof formatter === 'function') expect(formatter({ name: '规上', value: 30 })).toBe('规上\n30 家 · 25%');
  });
});
