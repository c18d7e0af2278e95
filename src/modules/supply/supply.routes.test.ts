import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { REGION, seedSupplyFixture, USCC } from './supply.fixture.ts';

describe.each(testBackends())('supply routes on %s', (backend) => {
  let t: TestApp;
  let viewer: Client;
  const get = async (url: string) => viewer.request('GET', `/api/r/${REGION}/supply/${url}`);

  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedSupplyFixture(t.database.db);
    viewer = await t.signIn({ username: 'supply-viewer', role: 'viewer' });
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

  it("gives a firm's suppliers and customers", async () => {
    const b2 = (await get('firms/b2/partners?year=2025')).json();
    expect(b2.purchasesWan).toBe(100);
    expect(b2.suppliers.map((s: { uscc: string; share: number; isLocal: boolean }) => [s.uscc, s.share, s.isLocal])).toEqual([
      [USCC.s2, 0.8, true],
      [USCC.e1, 0.2, false],
    ]);
    const s2 = (await get('firms/s2/partners?year=2025')).json();
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
});
