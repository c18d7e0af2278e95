import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { REGION, seedSupplyFixture, USCC } from './supply.fixture.ts';

describe.each(testBackends())('supply routes on %s', (backend) => {
  let t: TestApp;
  let viewer: Client;
  let analyst: Client;
  const get = async (url: string) => viewer.request('GET', `/api/r/${REGION}/supply/${url}`);
  const getAs = async (client: Client, url: string) => {
    const res = await client.request('GET', `/api/r/${REGION}/supply/${url}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const sensitiveReads = () =>
    t.database.query<{ username: string; target: string | null; route: string }>(`select username, target, route from audit_log where action = 'read_sensitive' order by at, id`);

  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedSupplyFixture(t.database.db);
    viewer = await t.signIn({ username: 'supply-viewer', role: 'viewer' });
    analyst = await t.signIn({ username: 'supply-analyst', role: 'analyst', canSeeSensitive: true });
  });
  afterAll(() => t.close());

  it('lists the years with flows', async () => {
    const res = await get('years');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ years: [2025, 2024], latestFullYear: null });
  });

  it('gives node rates with the variants side by side, and a monthly trend', async () => {
    const rates = await get('rates?level=node&year=2025&chainId=ch');
    expect(rates.statusCode, rates.body).toBe(200);
    expect(rates.json().rows.map((r: { key: string; localWan: unknown }) => [r.key, r.localWan])).toEqual([
      ['ch.cast', { county: 230, sameTown: 180, driveTime: null }],
      ['ch.motor', { county: 90, sameTown: 0, driveTime: null }],
    ]);
    const trend = await get('trend?year=2025&nodeId=ch.cast');
    expect(trend.json().months.map((m: { period: string; amountWan: number }) => [m.period, m.amountWan])).toEqual([
      ['2025-01', 100],
      ['2025-02', 100],
      ['2025-03', 100],
    ]);
  });

  it('answers the suppliers of a node, the dependency risks, key firms, sub-clusters and their members', async () => {
    expect((await get('suppliers?year=2025&nodeId=ch.motor')).json().items.map((s: { uscc: string }) => s.uscc)).toEqual([USCC.s3, USCC.e2]);
    const risks = (await get('risks?year=2025')).json();
    expect(risks.buyers.map((b: { buyerId: string }) => b.buyerId)).toEqual(['b2']);
    const key = await get('chains/ch/key-firms?year=2025&limit=1');
    expect(key.statusCode, key.body).toBe(200);
    expect(key.json().items[0].id).toBe('s2');
    const clusters = (await get('chains/ch/sub-clusters?year=2025')).json();
    const first = clusters.clusters[0];
    const members = await get(`chains/ch/sub-clusters/${first.community}/members?year=2025`);
    expect(members.statusCode, members.body).toBe(200);
    expect(members.json().total).toBe(first.size);
  });

  it("gives a firm's suppliers and customers with the amounts to a user with the sensitive permission, and audits the read", async () => {
    const before = (await sensitiveReads()).length;
    const b2 = await getAs(analyst, 'firms/b2/partners?year=2025');
    expect(b2.isMasked).toBe(false);
    // The audit entry is written once the response is sent: wait for it rather than for a fixed time.
    await vi.waitFor(async () =>
      expect((await sensitiveReads()).slice(before)).toEqual([{ username: 'supply-analyst', target: 'b2', route: '/api/r/:region/supply/firms/:enterpriseId/partners' }]),
    );
    expect(b2.purchasesWan).toBe(100);
    expect(b2.suppliers.map((s: { uscc: string; share: number; isLocal: boolean }) => [s.uscc, s.share, s.isLocal])).toEqual([
      [USCC.s2, 0.8, true],
      [USCC.e1, 0.2, false],
    ]);
    const s2 = await getAs(analyst, 'firms/s2/partners?year=2025');
    expect(s2.customers.map((c: { enterpriseId: string; amountWan: number; nodes: unknown }) => [c.enterpriseId, c.amountWan, c.nodes])).toEqual([
      ['b2', 80, [{ id: 'ch.cast', name: '铸件' }]],
      ['b1', 50, [{ id: 'ch.cast', name: '铸件' }]],
    ]);
    expect(s2.salesWan).toBe(130);
  });

  it("gives the chain map the same node LSR and HHI (one definition: the supply module's)", async () => {
    const res = await viewer.request('GET', `/api/r/${REGION}/chains/ch/map?year=2025`);
    expect(res.statusCode, res.body).toBe(200);
    const cast = res.json().nodes.find((n: { id: string }) => n.id === 'ch.cast');
    expect(cast.purchasesWan).toBe(300);
    expect(cast.localSupplyRate).toBeCloseTo(230 / 300, 12);
    expect(cast.supplierHhi).toBeCloseTo((100 ** 2 + 130 ** 2 + 70 ** 2) / 300 ** 2, 12);
  });

  it('rejects bad queries and answers 404 for an unknown chain, community or firm', async () => {
    expect((await get('rates?level=node')).statusCode).toBe(400);
    expect((await get('rates?level=galaxy&year=2025')).statusCode).toBe(400);
    expect((await get('risks?year=2025&buyerShare=2')).statusCode).toBe(400);
    expect((await get('chains/nope/key-firms?year=2025')).statusCode).toBe(404);
    expect((await get('chains/ch/sub-clusters/99/members?year=2025')).statusCode).toBe(404);
    expect((await get('firms/nobody/partners?year=2025')).statusCode).toBe(404);
  });

  describe('without the sensitive permission', () => {
    it("shows a firm's partners by name and node but no amount or share, and writes no audit entry", async () => {
      const before = (await sensitiveReads()).length;
      const b2 = await getAs(viewer, 'firms/b2/partners?year=2025');
      expect(b2).toMatchObject({ isMasked: true, purchasesWan: null, salesWan: null, supplierCount: 2 });
      expect(b2.suppliers.map((s: { uscc: string; amountWan: unknown; share: unknown; isLocal: boolean }) => [s.uscc, s.amountWan, s.share, s.isLocal])).toEqual([
        [USCC.s2, null, null, true],
        [USCC.e1, null, null, false],
      ]);
      const s2 = await getAs(viewer, 'firms/s2/partners?year=2025');
      expect(s2.customers.map((c: { enterpriseId: string; amountWan: unknown; share: unknown }) => [c.enterpriseId, c.amountWan, c.share])).toEqual([
        ['b2', null, null],
        ['b1', null, null],
      ]);
      // A later audited read by the analyst is the only new entry: the viewer's reads were not audited.
      await getAs(analyst, 'firms/s2/partners?year=2025');
      await vi.waitFor(async () => expect((await sensitiveReads()).slice(before).map((r) => [r.username, r.target])).toEqual([['supply-analyst', 's2']]));
    });

    it("masks each seller's sales and share of a node but keeps the node's total", async () => {
      const masked = await getAs(viewer, 'suppliers?year=2025&nodeId=ch.motor');
      const full = await getAs(analyst, 'suppliers?year=2025&nodeId=ch.motor');
      expect(masked).toMatchObject({ isMasked: true, amountWan: full.amountWan, sellerCount: full.sellerCount });
      expect(masked.items.map((s: { uscc: string; amountWan: unknown; share: unknown }) => [s.uscc, s.amountWan, s.share])).toEqual([
        [USCC.s3, null, null],
        [USCC.e2, null, null],
      ]);
      expect(full.items.map((s: { amountWan: number }) => s.amountWan)).toEqual([50, 40]);
    });

    it("masks a dependent buyer's purchases, HHI and top share and a dominant seller's share, and fixes the thresholds", async () => {
      const masked = await getAs(viewer, 'risks?year=2025');
      expect(masked.isMasked).toBe(true);
      expect(masked.buyers.map((b: { buyerId: string; amountWan: unknown; hhi: unknown; topShare: unknown; topSeller: { uscc: string } }) => [b.buyerId, b.amountWan, b.hhi, b.topShare, b.topSeller.uscc])).toEqual([
        ['b2', null, null, null, USCC.s2],
      ]);
      expect(masked.nodes.length).toBeGreaterThan(0);
      for (const n of masked.nodes) expect(n).toMatchObject({ topLocalShare: null, countyWan: expect.any(Number) });
      const full = await getAs(analyst, 'risks?year=2025');
      expect(full.buyers[0]).toMatchObject({ buyerId: 'b2', amountWan: 100, topShare: 0.8 });
      const moved = await get('risks?year=2025&buyerShare=0.5');
      expect(moved.statusCode).toBe(403);
      expect(moved.json().error).toMatchObject({ field: 'buyerShare' });
      expect((await get('risks?year=2025&localShare=0.2')).statusCode).toBe(403);
      expect((await analyst.request('GET', `/api/r/${REGION}/supply/risks?year=2025&buyerShare=0.5`)).statusCode).toBe(200);
    });

    it("masks key firms' and sub-cluster members' purchases and sales but keeps their PageRank", async () => {
      const key = await getAs(viewer, 'chains/ch/key-firms?year=2025&limit=3');
      expect(key.isMasked).toBe(true);
      for (const f of key.items) expect(f).toMatchObject({ boughtWan: null, soldWan: null, pagerank: expect.any(Number) });
      const full = await getAs(analyst, 'chains/ch/key-firms?year=2025&limit=3');
      expect(full.items.map((f: { pagerank: number }) => f.pagerank)).toEqual(key.items.map((f: { pagerank: number }) => f.pagerank));
      expect(full.items[0].soldWan).toBeGreaterThan(0);
      const clusters = await getAs(viewer, 'chains/ch/sub-clusters?year=2025');
      const members = await getAs(viewer, `chains/ch/sub-clusters/${clusters.clusters[0].community}/members?year=2025`);
      for (const f of members.items) expect(f).toMatchObject({ boughtWan: null, soldWan: null });
    });

    it('masks the flow sums of sub-clusters under three members, and links touching them', async () => {
      const masked = await getAs(viewer, 'chains/ch/sub-clusters?year=2025');
      const full = await getAs(analyst, 'chains/ch/sub-clusters?year=2025');
      const sizeOf = new Map<number, number>(full.clusters.map((c: { community: number; size: number }) => [c.community, c.size]));
      expect(masked.clusters.map((c: { flowWan: number | null }) => c.flowWan)).toEqual(full.clusters.map((c: { size: number; flowWan: number }) => (c.size < 3 ? null : c.flowWan)));
      expect(full.clusters.every((c: { flowWan: number | null }) => c.flowWan !== null)).toBe(true);
      for (const l of masked.links) {
        const isSmall = (sizeOf.get(l.from) ?? 0) < 3 || (sizeOf.get(l.to) ?? 0) < 3;
        if (isSmall) expect(l.amountWan).toBeNull();
        else expect(l.amountWan).toEqual(expect.any(Number));
      }
    });

    it("masks a single buyer firm's amounts in the rates and the trend but keeps its rates and every aggregate", async () => {
      const firms = await getAs(viewer, 'rates?level=firm&year=2025&chainId=ch');
      expect(firms.isMasked).toBe(true);
      expect(firms.rows.length).toBeGreaterThan(0);
      for (const r of firms.rows) expect(r).toMatchObject({ amountWan: null, localWan: null, rate: { county: expect.any(Number) } });
      expect(firms.total.amountWan).toEqual(expect.any(Number));
      const one = await getAs(viewer, 'rates?level=node&year=2025&firmId=b2');
      expect(one.total).toMatchObject({ amountWan: null, localWan: null });
      expect(one.rows.map((r: { amountWan: unknown }) => r.amountWan)).toEqual([null]);
      const trend = await getAs(viewer, 'trend?year=2025&firmId=b2');
      expect(trend.months.map((m: { amountWan: unknown; rate: { county: number } }) => [m.amountWan, m.rate.county])).toEqual([[null, 0.8]]);
      const nodes = await getAs(viewer, 'rates?level=node&year=2025&chainId=ch');
      expect(nodes.rows.map((r: { amountWan: unknown }) => typeof r.amountWan)).toEqual(['number', 'number']);
      const before = (await sensitiveReads()).length;
      const fullOne = await getAs(analyst, 'rates?level=node&year=2025&firmId=b2');
      expect(fullOne.total.amountWan).toBe(100);
      await vi.waitFor(async () => expect((await sensitiveReads()).slice(before)).toEqual([{ username: 'supply-analyst', target: 'b2', route: '/api/r/:region/supply/rates' }]));
    });
  });
});
