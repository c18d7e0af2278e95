import { describe, expect, it } from 'vitest';
import { assertRiskThresholdsAllowed, showRates, showSubClusters } from './supply.masking.ts';
import type { LocalSupplyRates, LocalSupplyRow } from './supply.model.ts';
import type { SubClusters } from './supply.network.model.ts';

const cluster = (community: number, size: number, flowWan: number) => ({ community, size, registryFirmCount: size, flowWan, pagerank: 0.1, leaders: [] });
const clusters: SubClusters = {
  year: 2025,
  chainId: 'ch',
  direction: 'buyer → seller',
  vertexCount: 14,
  communityCount: 3,
  modularity: 0.3,
  clusters: [cluster(0, 10, 500), cluster(1, 3, 120), cluster(2, 2, 80)],
  links: [
    { from: 0, to: 1, amountWan: 40 },
    { from: 1, to: 2, amountWan: 30 },
    { from: 2, to: 0, amountWan: 20 },
  ],
  isMasked: false,
};

describe('showSubClusters', () => {
  it('hides the flows of clusters under three members and of links touching them, without the permission', () => {
    const { value, isSensitiveRead } = showSubClusters(clusters, false);
    expect(value.clusters.map((c) => c.flowWan)).toEqual([500, 120, null]);
    expect(value.links.map((l) => l.amountWan)).toEqual([40, null, null]);
    expect(value.isMasked).toBe(true);
    expect(isSensitiveRead).toBe(false);
  });
  it('shows everything with the permission, and calls it a sensitive read only when a small cluster is shown', () => {
    expect(showSubClusters(clusters, true)).toEqual({ value: clusters, isSensitiveRead: true });
    const large = { ...clusters, clusters: clusters.clusters.slice(0, 2), links: clusters.links.slice(0, 1) };
    expect(showSubClusters(large, true).isSensitiveRead).toBe(false);
  });
  it('does not mutate its input', () => {
    showSubClusters(clusters, false);
    expect(clusters.clusters[2]?.flowWan).toBe(80);
  });
});

const row = (key: string | null, amountWan: number): LocalSupplyRow => ({
  key,
  name: null,
  period: null,
  amountWan,
  localWan: { county: amountWan / 2, sameTown: 0, driveTime: null },
  rate: { county: 0.5, sameTown: 0, driveTime: null },
  flowCount: 2,
});
const rates = (level: LocalSupplyRates['level']): LocalSupplyRates => ({
  level,
  from: '2025-01-01',
  to: '2026-01-01',
  minutes: 30,
  isDriveTimeComputed: false,
  total: row(null, 300),
  rows: [row('a', 200), row('b', 100)],
  rowCount: 2,
});

describe('showRates', () => {
  it("masks the rows of single buyer firms but keeps their rates and the total over all firms", () => {
    const { value } = showRates(rates('firm'), { isOneFirm: false, canSeeSensitive: false });
    expect(value.rows.map((r) => [r.amountWan, r.localWan, r.rate.county])).toEqual([
      [null, null, 0.5],
      [null, null, 0.5],
    ]);
    expect(value.total.amountWan).toBe(300);
  });
  it('masks the total too when the query is narrowed to one buyer', () => {
    const { value } = showRates(rates('node'), { isOneFirm: true, canSeeSensitive: false });
    expect([value.total.amountWan, ...value.rows.map((r) => r.amountWan)]).toEqual([null, null, null]);
  });
  it('leaves aggregates of nodes, chains and towns alone and audits only firm-level reads', () => {
    expect(showRates(rates('node'), { isOneFirm: false, canSeeSensitive: false }).value.rows.map((r) => r.amountWan)).toEqual([200, 100]);
    expect(showRates(rates('node'), { isOneFirm: false, canSeeSensitive: true }).isSensitiveRead).toBe(false);
    expect(showRates(rates('firm'), { isOneFirm: false, canSeeSensitive: true })).toMatchObject({ isSensitiveRead: true, value: { rows: [{ amountWan: 200 }, { amountWan: 100 }] } });
  });
});

describe('assertRiskThresholdsAllowed', () => {
  it('refuses other thresholds than the defaults without the permission, naming the field', () => {
    expect(() => assertRiskThresholdsAllowed({ buyerShare: 0.7, localShare: 0.5 }, false)).not.toThrow();
    expect(() => assertRiskThresholdsAllowed({ buyerShare: 0.6, localShare: 0.5 }, false)).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'buyerShare' }) }));
    expect(() => assertRiskThresholdsAllowed({ buyerShare: 0.7, localShare: 0.9 }, false)).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'localShare' }) }));
    expect(() => assertRiskThresholdsAllowed({ buyerShare: 0.1, localShare: 0.9 }, true)).not.toThrow();
  });
});
