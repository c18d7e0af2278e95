import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackendName, openTestDatabase, testBackends, type TestDatabase } from '../../../tests/helpers/db.ts';
import { REGION, seedSupplyFixture, USCC } from './supply.fixture.ts';
import { RisksQuery } from './supply.risk.model.ts';
import { dependencyRisks, nodeConcentrations, topSuppliers } from './supply.risk.ts';

describe.each(testBackends())('supplier concentration and dependency on %s', (backend: BackendName) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedSupplyFixture(database.db);
  });
  afterAll(() => database.dispose());

  it("gives each node the HHI of its purchases by seller and its largest local seller's share of local supply", async () => {
    const { nodes } = await nodeConcentrations(database.db, { regionCode: REGION, year: 2025, chainId: 'ch' });
    const [cast, motor] = nodes;
    expect(nodes.map((n) => n.nodeId)).toEqual(['ch.cast', 'ch.motor']);
    expect(cast).toMatchObject({ amountWan: 300, countyWan: 230, sellerCount: 3 });
    expect(cast?.supplierHhi).toBeCloseTo((100 ** 2 + 130 ** 2 + 70 ** 2) / 300 ** 2, 12);
    expect(cast?.topSellerShare).toBeCloseTo(130 / 300, 12);
    expect(cast?.topLocalSeller).toEqual({ uscc: USCC.s2, enterpriseId: 's2', name: '丁铸造', regionCode: '331081', isLocal: true });
    expect(cast?.topLocalShare).toBeCloseTo(130 / 230, 12);
    // the credit note nets off s3's sales before the shares are taken
    expect(motor?.supplierHhi).toBeCloseTo((40 ** 2 + 50 ** 2) / 90 ** 2, 12);
    expect(motor?.topLocalSeller?.enterpriseId).toBe('s3');
  });

  it('ranks the sellers of a node with their shares, registry names and external sellers by USCC', async () => {
    const top = await topSuppliers(database.db, { regionCode: REGION, year: 2025, nodeId: 'ch.cast', limit: 2 });
    expect(top.amountWan).toBe(300);
    expect(top.sellerCount).toBe(3);
    expect(top.items.map((s) => [s.uscc, s.name, s.amountWan, s.buyerCount, s.isLocal])).toEqual([
      [USCC.s2, '丁铸造', 130, 2, true],
      [USCC.s1, '丙铸造', 100, 1, true],
    ]);
    const all = await topSuppliers(database.db, { regionCode: REGION, year: 2025, nodeId: 'ch.cast', limit: 10 });
    expect(all.items[2]).toMatchObject({ uscc: USCC.e1, enterpriseId: null, name: null, regionCode: '330100', isLocal: false, amountWan: 70 });
  });

  it('flags a buyer whose largest seller of a node holds more than 70 % and nodes one seller holds more than half of locally', async () => {
    const risks = await dependencyRisks(database.db, REGION, RisksQuery.parse({ year: '2025', chainId: 'ch' }));
    expect(risks.buyerTotal).toBe(1);
    expect(risks.buyers).toEqual([
      {
        buyerId: 'b2',
        buyerName: '乙泵业',
        nodeId: 'ch.cast',
        nodeName: '铸件',
        amountWan: 100,
        sellerCount: 2,
        hhi: expect.closeTo(0.68, 12),
        topSeller: { uscc: USCC.s2, enterpriseId: 's2', name: '丁铸造', regionCode: '331081', isLocal: true },
        topShare: expect.closeTo(0.8, 12),
      },
    ]);
    expect(risks.nodes.map((n) => [n.nodeId, n.topLocalSeller.enterpriseId])).toEqual([
      ['ch.cast', 's2'],
      ['ch.motor', 's3'],
    ]);
    const lenient = await dependencyRisks(database.db, REGION, RisksQuery.parse({ year: '2025', buyerShare: '0.4', localShare: '0.6' }));
    expect(lenient.buyers.map((b) => [b.buyerId, b.nodeId])).toEqual([
      ['b1', 'ch.cast'],
      ['b2', 'ch.cast'],
      ['b1', 'ch.motor'],
    ]);
    expect(lenient.nodes).toEqual([]);
  });
});
