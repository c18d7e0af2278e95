import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { insertProjects } from '../projects/projects.seed.ts';
import { insertFundInvestments, insertFunds, type NewFund, type NewFundInvestment } from './funds.seed.ts';

const WENLING = '331081';
/** 11 sub-funds adding up to 173亿 (1,730,000 万元): ten of 150,000 and one of 230,000. */
const SUB_SIZES = [...Array.from({ length: 10 }, () => 150_000), 230_000];

function sub(i: number, sizeWan: number): NewFund {
  const id = `sub${String(i + 1).padStart(2, '0')}`;
  return { regionCode: WENLING, id, name: `子基金${id}`, kind: 'sub', parentId: 'mother', sizeWan, governmentCommitmentWan: sizeWan / 4, isSynthetic: true };
}

function investment(id: string, overrides: Partial<NewFundInvestment>): NewFundInvestment {
  return { regionCode: WENLING, id, fundId: 'sub01', targetName: id, amountWan: 1_000, isSynthetic: true, ...overrides };
}

describe.each(testBackends())('funds on %s', (backend) => {
  let t: TestApp;
  let manager: Client;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const db = t.database.db;
    // Sub-funds first in the input: insertFunds puts the mother ahead of them.
    await insertFunds(db, [
      ...SUB_SIZES.map((size, i) => sub(i, size)),
      { regionCode: WENLING, id: 'mother', name: '温岭产业基金母基金', kind: 'mother', sizeWan: 600_000 },
      { regionCode: WENLING, id: 'loose', name: '未挂靠子基金', kind: 'sub', sizeWan: 5_000, isSynthetic: true },
    ]);
    await insertProjects(db, [{ regionCode: WENLING, id: 'yufan', name: '宇泛智能', origin: 'attracted', stage: 'signed' }]);
    await insertFundInvestments(db, [
      investment('i1', { projectId: 'yufan', targetName: '宇泛智能', amountWan: null, isAttractedProject: true, isSynthetic: false }),
      investment('i2', { fundId: 'sub02', projectId: 'yufan', targetName: '宇泛智能', amountWan: 2_000, isAttractedProject: true, isLocal: true }),
      investment('i3', { targetName: '某本地企业', amountWan: 500, isLocal: true, investedOn: '2024-05-01' }),
      investment('i4', { targetName: '某外地企业', amountWan: 700, investedOn: '2025-01-10' }),
    ]);
    manager = await t.signIn({ username: 'fang', role: 'fund' });
  });
  afterAll(() => t.close());

  it('shows the mother fund with its 11 sub-funds and a leverage of 173/60', async () => {
    const res = await manager.request('GET', `/api/r/${WENLING}/funds`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.mothers).toHaveLength(1);
    const mother = body.mothers[0];
    expect(mother.fund).toMatchObject({ id: 'mother', kind: 'mother', sizeWan: 600_000, governmentCommitmentWan: null, isSynthetic: false, leverage: null });
    expect(mother.subs).toHaveLength(11);
    expect(mother.subsSizeWan).toBe(1_730_000);
    expect(mother.leverage).toBeCloseTo(173 / 60, 12);
    expect(body.totals).toMatchObject({ motherSizeWan: 600_000, subsSizeWan: 1_730_000, subFundCount: 11 });
    expect(body.totals.leverage).toBeCloseTo(2.8833, 4);
    expect(body.unattached.map((f: { id: string }) => f.id)).toEqual(['loose']);
  });

  it('counts distinct targets invested in and attracted (one project backed by two funds counts once)', async () => {
    const { totals } = (await manager.request('GET', `/api/r/${WENLING}/funds`)).json();
    expect(totals.investedTargetCount).toBe(3);
    expect(totals.attractedProjectCount).toBe(1);
  });

  it('gives each sub-fund its own leverage and investment sums', async () => {
    const { mothers } = (await manager.request('GET', `/api/r/${WENLING}/funds`)).json();
    const sub01 = mothers[0].subs.find((f: { id: string }) => f.id === 'sub01');
    expect(sub01).toMatchObject({ leverage: 4, investmentCount: 3, investedWan: 1_200, localInvestedWan: 500 });
  });

  it('shows one fund with its investments, newest first, unknown dates last', async () => {
    const res = await manager.request('GET', `/api/r/${WENLING}/funds/sub01`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.fund.id).toBe('sub01');
    expect(body.investments.map((i: { id: string }) => i.id)).toEqual(['i4', 'i3', 'i1']);
    expect(body.investments[2]).toMatchObject({ projectId: 'yufan', amountWan: null, isAttractedProject: true, isSynthetic: false });
  });

  it('shows a mother fund with its sub-funds', async () => {
    const body = (await manager.request('GET', `/api/r/${WENLING}/funds/mother`)).json();
    expect(body.subs).toHaveLength(11);
    expect(body.investments).toEqual([]);
  });

  it('answers 404 for an unknown fund and for a region outside the user scope', async () => {
    expect((await manager.request('GET', `/api/r/${WENLING}/funds/nope`)).statusCode).toBe(404);
    const other = await t.signIn({ username: 'ningbo', role: 'fund', regions: ['3302'] });
    expect((await other.request('GET', `/api/r/${WENLING}/funds`)).statusCode).toBe(404);
    expect((await other.request('GET', `/api/r/${WENLING}/funds/mother`)).statusCode).toBe(404);
  });
});
