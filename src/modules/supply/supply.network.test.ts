import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackendName, openTestDatabase, testBackends, type TestDatabase } from '../../../tests/helpers/db.ts';
import { REGION, seedSupplyFixture, USCC } from './supply.fixture.ts';
import { chainNetwork, clusterMembers, keyFirms, subClusters } from './supply.network.ts';

/** NetworkX 3 `pagerank(G, alpha=0.85, tol=1e-15)` of the fixture's buyer → seller graph of chain ch, 2025. */
const NETWORKX_PAGERANK: Record<string, number> = {
  s2: 0.20994847403884315,
  [`uscc:${USCC.e1}`]: 0.15132778438367028,
  s1: 0.14863258026159337,
  s3: 0.13178755449861265,
  [`uscc:${USCC.e2}`]: 0.12841854934601654,
  b1: 0.11494252873563197,
  b2: 0.11494252873563197,
};

/** The same graph's edges: the fixture's 2025 chain purchases summed per (buyer, seller). */
const EDGES: Array<[string, string, number]> = [
  ['b1', 's1', 100],
  ['b1', 's2', 50],
  ['b1', `uscc:${USCC.e1}`, 50],
  ['b1', `uscc:${USCC.e2}`, 40],
  ['b1', 's3', 50],
  ['b2', 's2', 80],
  ['b2', `uscc:${USCC.e1}`, 20],
];

describe.each(testBackends())('key firms and sub-clusters on %s', (backend: BackendName) => {
  let database: TestDatabase;
  const args = { regionCode: REGION, chainId: 'ch', year: 2025 };
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedSupplyFixture(database.db);
  });
  afterAll(() => database.dispose());

  it("builds the chain's buyer → seller graph from positive net purchases, leaving out excluded nodes, own purchases and buyers off the chain", async () => {
    const network = await chainNetwork(database.db, args);
    expect([...network.ids].sort()).toEqual(Object.keys(NETWORKX_PAGERANK).sort());
    expect(network.edgeCount).toBe(EDGES.length);
    expect(network.boughtWan[network.ids.indexOf('b1')]).toBe(290);
    expect(network.soldWan[network.ids.indexOf('s2')]).toBe(130);
  });

  it("ranks key firms by PageRank equal to NetworkX's to 1e-9, outside sellers named by their USCC", async () => {
    const result = await keyFirms(database.db, { ...args, limit: 3 });
    expect(result.vertexCount).toBe(7);
    expect(result.items.map((f) => [f.id, f.rank])).toEqual([
      ['s2', 1],
      [`uscc:${USCC.e1}`, 2],
      ['s1', 3],
    ]);
    expect(result.items[0]).toMatchObject({ enterpriseId: 's2', uscc: USCC.s2, name: '丁铸造', soldWan: 130 });
    expect(result.items[1]).toMatchObject({ enterpriseId: null, uscc: USCC.e1, name: null });
    const every = await keyFirms(database.db, { ...args, limit: 10 });
    for (const firm of every.items) expect(Math.abs(firm.pagerank - (NETWORKX_PAGERANK[firm.id] ?? Number.NaN))).toBeLessThan(1e-9);
  });

  it('aggregates Louvain communities into sub-clusters with the flow between them', async () => {
    const result = await subClusters(database.db, { ...args, limit: 10 });
    expect(result.clusters.reduce((sum, c) => sum + c.size, 0)).toBe(7);
    // NetworkX's Louvain (seed 0) finds {b2, s2} and the rest, modularity 0.23636; no partition of this graph does better.
    expect(result.modularity).toBeGreaterThanOrEqual(0.23635765943458253 - 1e-12);
    expect(result.communityCount).toBe(result.clusters.length);
    const network = await chainNetwork(database.db, args);
    const communityOf = (id: string) => network.community[network.ids.indexOf(id)];
    const expected = new Map<string, number>();
    for (const [source, target, weight] of EDGES) {
      const from = communityOf(source);
      const to = communityOf(target);
      if (from !== to) expected.set(`${from}>${to}`, (expected.get(`${from}>${to}`) ?? 0) + weight);
    }
    expect(new Map(result.links.map((l) => [`${l.from}>${l.to}`, l.amountWan]))).toEqual(expected);
    expect(expected.size).toBeGreaterThan(0);
    const first = result.clusters[0];
    if (!first) throw new Error('no cluster');
    const members = await clusterMembers(database.db, { ...args, community: first.community, page: 1, pageSize: 50 });
    expect(members.total).toBe(first.size);
    expect(members.items.map((m) => m.id)).toEqual(first.leaders.map((l) => l.id).concat(members.items.slice(first.leaders.length).map((m) => m.id)));
  });

  it('answers 404 for a community that does not exist', async () => {
    await expect(clusterMembers(database.db, { ...args, community: 999, page: 1, pageSize: 10 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
