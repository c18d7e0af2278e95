import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { enterprises } from '../enterprises/enterprises.schema.ts';
import { tenants } from '../tenants/tenants.schema.ts';
import { type NewTradeFlow, insertTradeFlows } from './supply.seed.ts';

const WENLING = '331081';
const LINHAI = '331082';

function flow(overrides: Partial<NewTradeFlow>): NewTradeFlow {
  return {
    regionCode: WENLING,
    period: '2024-03',
    sellerUscc: '91331081MA2AAAAA1X',
    sellerEnterpriseId: 'seller',
    sellerRegionCode: WENLING,
    buyerEnterpriseId: 'buyer',
    nodeId: 'pump.castings',
    amountWan: 100,
    isSynthetic: true,
    ...overrides,
  };
}

const external = { sellerUscc: '91330100MA2BBBBB2Y', sellerEnterpriseId: null, sellerRegionCode: '330100' };

describe.each(testBackends())('supply flows on %s', (backend) => {
  let t: TestApp;
  let analyst: Client;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const db = t.database.db;
    await db.insert(tenants).values({ regionCode: LINHAI, nameZh: '临海市' });
    await db.insert(enterprises).values([
      { regionCode: WENLING, id: 'buyer', name: '甲泵业', isSynthetic: true },
      { regionCode: WENLING, id: 'seller', name: '乙铸造', isSynthetic: true },
      { regionCode: LINHAI, id: 'buyer', name: '丙泵业', isSynthetic: true },
    ]);
    const inserted = await insertTradeFlows(db, [
      flow({ amountWan: 300 }),
      flow({ ...external, amountWan: 100 }),
      flow({ period: '2024-03-01', nodeId: 'pump.seals', ...external, amountWan: 50 }),
      flow({ period: '2024-04', amountWan: 60 }),
      flow({ period: '2024-04', amountWan: -10 }),
      flow({ period: '2025-01', amountWan: 999 }),
      flow({ regionCode: LINHAI, sellerEnterpriseId: null, amountWan: 7777 }),
    ]);
    expect(inserted).toBe(7);
    analyst = await t.signIn({ username: 'ana', role: 'analyst' });
  });
  afterAll(() => t.close());

  it('sums one month by node, with the share bought from sellers registered in the county', async () => {
    const res = await analyst.request('GET', `/api/r/${WENLING}/flows/summary?period=2024-03`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.from).toBe('2024-03-01');
    expect(body.nodes).toEqual([
      { nodeId: 'pump.castings', amountWan: 400, localAmountWan: 300, localShare: 0.75, flowCount: 2 },
      { nodeId: 'pump.seals', amountWan: 50, localAmountWan: 0, localShare: 0, flowCount: 1 },
    ]);
    expect(body.total).toEqual({ amountWan: 450, localAmountWan: 300, localShare: 300 / 450, flowCount: 3 });
  });

  it('sums a year and nets credit notes off', async () => {
    const body = (await analyst.request('GET', `/api/r/${WENLING}/flows/summary?year=2024`)).json();
    expect(body.nodes[0]).toEqual({ nodeId: 'pump.castings', amountWan: 450, localAmountWan: 350, localShare: 350 / 450, flowCount: 4 });
    expect(body.total.amountWan).toBe(500);
  });

  it('gives an empty summary for a period without flows', async () => {
    const body = (await analyst.request('GET', `/api/r/${WENLING}/flows/summary?year=2019`)).json();
    expect(body.nodes).toEqual([]);
    expect(body.total).toEqual({ amountWan: 0, localAmountWan: 0, localShare: null, flowCount: 0 });
  });

  it('rejects a query with neither or both of period and year', async () => {
    expect((await analyst.request('GET', `/api/r/${WENLING}/flows/summary`)).statusCode).toBe(400);
    expect((await analyst.request('GET', `/api/r/${WENLING}/flows/summary?period=2024-03&year=2024`)).statusCode).toBe(400);
    expect((await analyst.request('GET', `/api/r/${WENLING}/flows/summary?period=2024-3`)).statusCode).toBe(400);
  });

  it('answers 404 for a region outside the user scope', async () => {
    const other = await t.signIn({ username: 'ningbo', role: 'analyst', regions: ['3302'] });
    expect((await other.request('GET', `/api/r/${WENLING}/flows/summary?year=2024`)).statusCode).toBe(404);
  });

  it('refuses a period that is not the first of a month', async () => {
    await expect(insertTradeFlows(t.database.db, [flow({ period: '2024-03-15' })])).rejects.toThrow();
  });
});
