import { describe, expect, it } from 'vitest';
import { snap } from '../../core/geo/snap.ts';
import { Rng } from '../../core/random/seeded.ts';
import { buildWenlingRoadGraph, readWenlingTowns } from '../roads/wenlingSynthetic.ts';
import type { CircleContext } from './supplyCircle.context.ts';
import { reverseTimes } from './supplyCircle.context.ts';
import { coverageAt, coverageMatrix } from './supplyCircle.coverage.ts';

/** 400 firms around the town centres of the synthetic Wenling network, each on one or two of 8 nodes. */
function syntheticContext(): CircleContext {
  const { graph } = buildWenlingRoadGraph(3);
  const rng = new Rng(42);
  const towns = readWenlingTowns();
  const firms = Array.from({ length: 400 }, (_, i) => {
    const town = towns[i % towns.length] ?? { lon: 121.4, lat: 28.4 };
    return { id: `f${i}`, name: `f${i}`, lon: town.lon + rng.normal() * 0.02, lat: town.lat + rng.normal() * 0.016, isSynthetic: true, scale: 'below' };
  });
  const members = new Map<string, number[]>();
  firms.forEach((_, i) => {
    const nodes = rng.chance(0.2) ? [rng.int(0, 7), rng.int(0, 7)] : [rng.int(0, 7)];
    for (const n of new Set(nodes)) members.set(`n${n}`, [...(members.get(`n${n}`) ?? []), i]);
  });
  // a node on the far west edge only: often out of reach
  members.set('n8', [0]);
  return {
    regionCode: '331081',
    network: { isSynthetic: true, contentHash: 'x', attribution: '', vertexCount: graph.vertexCount },
    graph,
    dataVersion: 1,
    firms,
    firmIndex: new Map(firms.map((f, i) => [f.id, i])),
    positions: firms.map((f) => snap(graph, f.lon, f.lat)),
    members,
  };
}

describe('coverageMatrix', () => {
  const context = syntheticContext();
  const nodes = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n-nobody'];

  it.each([3, 8, 15])('equals the full reverse search of every firm at %i minutes (early stopping loses nothing)', (minutes) => {
    const firmChains = new Map(context.firms.map((_, i) => [i, ['c']]));
    const fast = coverageMatrix(context, new Map([['c', nodes]]), firmChains, minutes);
    const full = context.firms.map((_, i) => coverageAt(context, i, reverseTimes(context, i, minutes * 60), nodes, minutes * 60));
    expect(fast.map((c) => c.coverage)).toEqual(full);
    // the limits are chosen so that coverage varies between firms
    expect(new Set(full).size).toBeGreaterThan(2);
  });

  it('gives null coverage for a chain without input nodes', () => {
    expect(coverageMatrix(context, new Map([['c', []]]), new Map([[0, ['c']]]), 30)).toEqual([{ enterpriseId: 'f0', chainId: 'c', coverage: null }]);
  });
});
