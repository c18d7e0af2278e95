import { describe, expect, it } from 'vitest';
import { PROJECT_STAGES } from '../projects/projects.model.ts';
import { buildSupplyOption, buildTargetGaugeOption, roundForLabel, wanToYi } from './cockpit.charts.ts';
import { computeGrowth, computeProgress, flagshipOf, orderKeyProjects, pickTarget, sumFigures } from './cockpit.model.ts';

describe('computeGrowth and computeProgress', () => {
  it('measures growth against the previous year and progress against the target', () => {
    expect(computeGrowth(108, 100)).toBeCloseTo(0.08);
    expect(computeProgress(8_000_000, 10_000_000)).toBe(0.8);
  });
  it('gives null without a positive base instead of dividing by zero', () => {
    expect(computeGrowth(100, null)).toBeNull();
    expect(computeGrowth(100, 0)).toBeNull();
    expect(computeProgress(100, 0)).toBeNull();
  });
});

describe('pickTarget', () => {
  const targets = [{ year: 2030 }, { year: 2026 }, { year: 2020 }];
  it('takes the nearest target due in or after the year', () => {
    expect(pickTarget(targets, 2024)?.year).toBe(2026);
    expect(pickTarget(targets, 2027)?.year).toBe(2030);
  });
  it('falls back to the latest target once all are past, and to none without targets', () => {
    expect(pickTarget(targets, 2031)?.year).toBe(2030);
    expect(pickTarget([], 2024)).toBeNull();
  });
});

describe('sumFigures', () => {
  it('adds chains up and computes the growth of the sum, not the sum of growths', () => {
    const sum = sumFigures([
      { outputWan: 110, previousOutputWan: 100, firms: 3, aboveScaleFirms: 1, listedFirms: 1 },
      { outputWan: 50, previousOutputWan: 50, firms: 2, aboveScaleFirms: 2, listedFirms: 0 },
    ]);
    expect(sum).toMatchObject({ outputWan: 160, previousOutputWan: 150, firms: 5, aboveScaleFirms: 3, listedFirms: 1 });
    expect(sum.growth).toBeCloseTo(160 / 150 - 1);
  });
  it('has no previous output when no chain has one', () => {
    expect(sumFigures([{ outputWan: 1, previousOutputWan: null, firms: 1, aboveScaleFirms: 0, listedFirms: 0 }]).previousOutputWan).toBeNull();
  });
});

describe('orderKeyProjects', () => {
  it('puts overdue projects first, then the furthest stage, then the largest investment', () => {
    const p = (name: string, stage: (typeof PROJECT_STAGES)[number], isOverdue: boolean, investmentWan: number | null) => ({ name, stage, isOverdue, investmentWan });
    const ordered = orderKeyProjects([p('a', 'signed', false, 10), p('b', 'producing', false, 5), p('c', 'lead', true, 1), p('d', 'producing', false, 50)], PROJECT_STAGES);
    expect(ordered.map((x) => x.name)).toEqual(['c', 'd', 'b', 'a']);
  });
});

describe('flagshipOf', () => {
  it('picks the chain with the largest output among those with a target', () => {
    const chain = (chainId: string, outputWan: number, hasTarget: boolean) => ({ chainId, outputWan, target: hasTarget ? { year: 2030 } : null });
    const groups = [{ chains: [chain('shoes', 900, false), chain('pump', 800, true)] }, { chains: [chain('laser', 26, true)] }];
    // The test builds only the fields flagshipOf reads.
    expect(flagshipOf({ groups } as unknown as Parameters<typeof flagshipOf>[0])?.chainId).toBe('pump');
  });
});

describe('chart options', () => {
  it('reads 万元 as 亿元 with sensible rounding', () => {
    expect(wanToYi(8_000_000)).toBe(800);
    expect(roundForLabel(45.678)).toBe(45.7);
    expect(roundForLabel(800.4)).toBe(800);
  });
  it('ends the gauge at the target unless the output passed it', () => {
    const series = (o: Record<string, unknown>) => (o.series as { max: number; data: { value: number }[] }[])[0];
    expect(series(buildTargetGaugeOption({ outputWan: 8_000_000, targetWan: 10_000_000, caption: '', unit: '亿元', theme: 'dark' }))).toMatchObject({ max: 1000, data: [{ value: 800 }] });
    expect(series(buildTargetGaugeOption({ outputWan: 2_600_000, targetWan: 2_000_000, caption: '', unit: '亿元', theme: 'light' }))?.max).toBe(260);
  });
  it('leaves out a supply-rate variant nobody computed and shows rates as percentages', () => {
    const option = buildSupplyOption({
      items: [{ name: '泵与电机', county: 0.55, sameTown: 0.134, driveTime: null }],
      labels: { county: '县域', sameTown: '镇域', driveTime: '半小时' },
      theme: 'light',
    });
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => s.name)).toEqual(['县域', '镇域']);
    expect(series[1]?.data).toEqual([13.4]);
  });
});
