import { describe, expect, it } from 'vitest';
import type { MapNode } from './chainApi.ts';
import { buildNetwork } from './networkOption.ts';

const node = (id: string, tier: MapNode['tier'], firmCount: number, status: MapNode['status']): MapNode => ({
  id,
  nameZh: id,
  nameEn: null,
  tier,
  boneZh: null,
  boneEn: null,
  isKeyNode: false,
  sort: 0,
  version: 1,
  industryCodes: ['3441'],
  firmCount,
  aboveScaleCount: 0,
  outputWan: 0,
  outputShare: null,
  localSupplyRate: null,
  supplierHhi: null,
  purchasesWan: 0,
  status,
  reasons: [],
  relatedness: firmCount === 0 ? { density: status === 'adjacent' ? 0.4 : 0, related: [] } : null,
  isSynthetic: false,
});

describe('buildNetwork', () => {
  const nodes = [node('castings', 'up', 100, 'strong'), node('sensors', 'up', 0, 'missing'), node('pumps', 'mid', 900, 'weak'), node('farms', 'down', 4, 'strong'), node('seals', 'up', 0, 'adjacent')];
  const net = buildNetwork({
    nodes,
    inputs: [
      { fromNodeId: 'castings', toNodeId: 'pumps' },
      { fromNodeId: 'sensors', toNodeId: 'pumps' },
      { fromNodeId: 'elsewhere', toNodeId: 'pumps' },
    ],
    nameOf: (n) => n.nameZh,
  });

  it('puts upstream left, midstream in the middle and downstream right', () => {
    const x = Object.fromEntries(net.nodes.map((n) => [n.id, n.x]));
    expect(x.castings).toBeLessThan(x.pumps ?? 0);
    expect(x.pumps).toBeLessThan(x.farms ?? 0);
  });

  it('colours nodes by status and sizes them by firm count', () => {
    expect(net.nodes.find((n) => n.id === 'sensors')?.itemStyle.color).toBe('#d64545');
    expect(net.nodes.find((n) => n.id === 'seals')?.itemStyle.color).toBe('#7b5ac8');
    const size = Object.fromEntries(net.nodes.map((n) => [n.id, n.symbolSize]));
    expect(size.sensors).toBe(10);
    expect(size.pumps).toBe(40);
    expect(size.castings).toBe(30);
  });

  it('keeps only edges between nodes of the chain', () => {
    expect(net.links).toEqual([
      { source: 'castings', target: 'pumps' },
      { source: 'sensors', target: 'pumps' },
    ]);
  });
});
