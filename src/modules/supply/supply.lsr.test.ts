import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackendName, openTestDatabase, testBackends, type TestDatabase } from '../../../tests/helpers/db.ts';
import { enterprises } from '../enterprises/enterprises.schema.ts';
import { supplyReach } from './supply.schema.ts';
import { REGION, seedSupplyFixture, T1, T2 } from './supply.fixture.ts';
import { chainLocalSupply, localSupplyRates, localSupplyTrend } from './supply.lsr.ts';
import { insertTradeFlows } from './supply.seed.ts';

const year = { year: 2025 };

describe.each(testBackends())('local supply rates on %s', (backend: BackendName) => {
  let database: TestDatabase;
  const rates = (level: 'region' | 'chain' | 'node' | 'firm' | 'town', filter = {}) =>
    localSupplyRates(database.db, { regionCode: REGION, level, period: year, filter, minutes: 30, limit: 100 });

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedSupplyFixture(database.db);
  });
  afterAll(() => database.dispose());

  it('gives each node of the chain its county and same-town rates, leaving out energy, own purchases and buyers off the chain', async () => {
    const result = await rates('node', { chainId: 'ch' });
    expect(result.isDriveTimeComputed).toBe(false);
    expect(result.rows.map((r) => [r.key, r.name, r.amountWan, r.localWan])).toEqual([
      ['ch.cast', '铸件', 300, { county: 230, sameTown: 180, driveTime: null }],
      ['ch.motor', '电机', 90, { county: 90, sameTown: 0, driveTime: null }],
    ]);
    expect(result.rows[0]?.rate.county).toBeCloseTo(230 / 300, 12);
    expect(result.rows[0]?.rate.sameTown).toBeCloseTo(0.6, 12);
    expect(result.rows[0]?.rate.driveTime).toBeNull();
    expect(result.total).toMatchObject({ key: null, amountWan: 390, localWan: { county: 320, sameTown: 180, driveTime: null }, flowCount: 8 });
  });

  it('counts a seller by USCC region or by registry membership as county-local, and an outside USCC as not', async () => {
    const motor = (await rates('node', { nodeId: 'ch.motor' })).rows[0];
    expect(motor?.localWan.county).toBe(90);
    const b2 = (await rates('firm', { buyerId: 'b2' })).rows[0];
    expect(b2).toMatchObject({ key: 'b2', name: '乙泵业', amountWan: 100, localWan: { county: 80, sameTown: 80 } });
  });

  it('sums by buyer firm, by buyer town (a registered site stands in for a missing town) and by chain', async () => {
    expect((await rates('firm')).rows.map((r) => [r.key, r.amountWan, r.localWan.county, r.localWan.sameTown])).toEqual([
      ['b1', 290, 240, 100],
      ['b2', 100, 80, 80],
    ]);
    expect((await rates('town')).rows.map((r) => [r.key, r.name, r.amountWan])).toEqual([
      [T1, '太平街道', 290],
      [T2, '城东街道', 100],
    ]);
    expect((await rates('chain')).rows.map((r) => [r.key, r.amountWan, r.localWan.county])).toEqual([['ch', 390, 320]]);
    expect((await rates('region')).total.amountWan).toBe(390);
  });

  it('gives a monthly trend that nets the credit note off in its month', async () => {
    const trend = await localSupplyTrend(database.db, { regionCode: REGION, year: 2025, filter: { chainId: 'ch' }, minutes: 30 });
    expect(trend.months.map((m) => [m.period, m.amountWan, m.localWan.county])).toEqual([
      ['2025-01', 200, 200],
      ['2025-02', 100, 50],
      ['2025-03', 90, 80 - 10],
    ]);
  });

  it('takes the drive-time variant from reach pairs once they exist, and the cache follows the new data version', async () => {
    expect((await chainLocalSupply(database.db, REGION, 2025))[0]?.driveTime).toBeNull();
    await database.db.insert(supplyReach).values([
      { regionCode: REGION, minutes: 30, buyerEnterpriseId: 'b1', sellerEnterpriseId: 's2', seconds: 900, dataVersion: 1 },
      { regionCode: REGION, minutes: 30, buyerEnterpriseId: 'b2', sellerEnterpriseId: 's2', seconds: 600, dataVersion: 1 },
      { regionCode: REGION, minutes: 15, buyerEnterpriseId: 'b1', sellerEnterpriseId: 's1', seconds: 600, dataVersion: 1 },
    ]);
    const rows = await chainLocalSupply(database.db, REGION, 2025);
    expect(rows.map((r) => r.chainId)).toEqual([null, 'ch']);
    expect(rows[0]?.amountWan).toBe(390);
    expect(rows[0]?.county).toBeCloseTo(320 / 390, 12);
    expect(rows[0]?.sameTown).toBeCloseTo(180 / 390, 12);
    expect(rows[0]?.driveTime).toBeCloseTo(130 / 390, 12);
    const fifteen = await localSupplyRates(database.db, { regionCode: REGION, level: 'chain', period: year, filter: {}, minutes: 15, limit: 10 });
    expect(fifteen.total.localWan.driveTime).toBe(100);
  });

  it('recomputes after new flows arrive (the triggers move the data version)', async () => {
    const before = await rates('chain');
    await insertTradeFlows(database.db, [{ regionCode: REGION, period: '2025-05', sellerUscc: '91330100MA0000004X', sellerEnterpriseId: null, sellerRegionCode: '330100', buyerEnterpriseId: 'b2', nodeId: 'ch.cast', amountWan: 10, isSynthetic: false }]);
    const after = await rates('chain');
    expect(after.total.amountWan).toBe(before.total.amountWan + 10);
    expect(after.total.localWan.county).toBe(before.total.localWan.county);
  });

  it('follows a firm moving town (the enterprises trigger moves the data version)', async () => {
    const before = (await rates('firm', { buyerId: 'b1' })).rows[0];
    await database.db.update(enterprises).set({ townCode: T1 }).where(and(eq(enterprises.regionCode, REGION), eq(enterprises.id, 's2')));
    const after = (await rates('firm', { buyerId: 'b1' })).rows[0];
    expect(after?.localWan.sameTown).toBe((before?.localWan.sameTown ?? 0) + 50);
  });

  it('keeps one month apart from the year', async () => {
    const march = await localSupplyRates(database.db, { regionCode: REGION, level: 'chain', period: { period: '2025-03' }, filter: {}, minutes: 30, limit: 10 });
    expect(march.total.amountWan).toBe(90);
    expect(march.from).toBe('2025-03-01');
  });
});
