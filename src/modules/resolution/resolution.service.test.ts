import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { composeUscc } from '../../core/uscc/uscc.ts';
import { seedChainMapFixture } from '../chains/chainMap.fixture.ts';
import { enterpriseSites, enterprises } from '../enterprises/enterprises.schema.ts';
import { selectRows } from './resolution.repo.ts';
import { ImportResolver, resolveFirms } from './resolution.service.ts';
import type { ReviewPairDetail } from './resolution.model.ts';
import { z } from 'zod';

const R = '/api/r/331081';
const DALANG = composeUscc('91', '331081', 'MA2DL0001');

describe.each(testBackends())('entity resolution on %s', (backend) => {
  let t: TestApp;
  let analyst: Client;
  let viewer: Client;
  const count = async (query: ReturnType<typeof sql>) => (await selectRows(t.database.db, query, z.object({ n: z.coerce.number() })))[0]?.n;

  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedChainMapFixture(t.database.db);
    await t.database.db.insert(enterprises).values([
      { regionCode: '331081', id: 'e1', name: '温岭市大浪泵业有限公司', uscc: DALANG },
      { regionCode: '331081', id: 'e2', name: '温岭市东海机电有限公司' },
      { regionCode: '331081', id: 'd1', name: '浙江省温岭市丁泵业有限公司' },
    ]);
    await t.database.db.insert(enterpriseSites).values({ regionCode: '331081', enterpriseId: 'e1', id: 'reg', kind: 'registered', address: '温岭市泽国镇文昌路88号' });
    analyst = await t.signIn({ username: 'res-analyst', role: 'analyst' });
    viewer = await t.signIn({ username: 'res-viewer', role: 'viewer' });
  });
  afterAll(() => t.close());

  it('resolves by USCC, by an automatic name match, to a queued review pair, or to a new firm (same order as the input)', async () => {
    const out = await resolveFirms(t.database.db, '331081', [
      { sourceKey: 'import:a:2', name: '随便什么名字', uscc: DALANG },
      { sourceKey: 'import:a:3', name: '大浪泵业股份有限公司', address: '浙江省温岭市泽国镇文昌路88号' },
      { sourceKey: 'import:a:4', name: '温岭市东梅机电有限公司' },
      { sourceKey: 'import:a:5', name: '温岭市海天鞋业有限公司' },
      { sourceKey: 'import:a:6', name: '温岭市大浪泵业有限公司', uscc: composeUscc('91', '331081', 'MA2DL0002') },
    ]);
    expect(out[0]).toEqual({ decision: 'existing', enterpriseId: 'e1', score: 1, rule: 'uscc' });
    expect(out[1]).toEqual({ decision: 'existing', enterpriseId: 'e1', score: 1, rule: 'name' });
    expect(out[2]).toMatchObject({ decision: 'review', enterpriseId: 'e2', rule: 'name', score: 0.6 });
    expect(out[3]).toEqual({ decision: 'new', score: 0, rule: 'no-match' });
    // a different valid USCC is a different firm, however similar the name
    expect(out[4]).toMatchObject({ decision: 'new', rule: 'no-match' });
  });

  it('never asks twice: a re-import gets the same queued pair, then the person’s decision', async () => {
    const incoming = [{ sourceKey: 'import:b:9', name: '温岭市东梅机电有限公司' }];
    const [first] = await resolveFirms(t.database.db, '331081', incoming);
    const [again] = await resolveFirms(t.database.db, '331081', [{ ...incoming[0], sourceKey: 'import:c:2', name: '温岭市东梅机电有限公司' }]);
    expect(first?.decision).toBe('review');
    expect(again).toEqual(first);
    if (first?.decision !== 'review') throw new Error('expected a review pair');
    expect(await count(sql`select count(*) as n from match_pairs where status = 'queued' and enterprise_id = 'e2'`)).toBe(1);

    const pair = (await analyst.request('GET', `${R}/review-pairs/${first.pairId}`)).json<ReviewPairDetail>();
    expect(pair).toMatchObject({ kind: 'incoming', status: 'queued', left: { enterpriseId: 'e2', name: '温岭市东海机电有限公司' }, right: { enterpriseId: null, name: '温岭市东梅机电有限公司' } });
    expect(pair.parts).toMatchObject({ tradeNameShared: true });

    const rejected = await analyst.request('POST', `${R}/review-pairs/${first.pairId}/decision`, { decision: 'reject', version: pair.version });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', decidedBy: 'res-analyst', version: pair.version + 1 });
    const [afterReject] = await resolveFirms(t.database.db, '331081', incoming);
    expect(afterReject).toEqual({ decision: 'new', score: 0, rule: 'remembered' });

    const stale = await analyst.request('POST', `${R}/review-pairs/${first.pairId}/decision`, { decision: 'confirm', version: pair.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STALE_VERSION', field: 'version' });
    const confirmed = await analyst.request('POST', `${R}/review-pairs/${first.pairId}/decision`, { decision: 'confirm', version: pair.version + 1 });
    expect(confirmed.statusCode).toBe(200);
    const [afterConfirm] = await resolveFirms(t.database.db, '331081', incoming);
    expect(afterConfirm).toEqual({ decision: 'existing', enterpriseId: 'e2', score: 0.6, rule: 'remembered' });
  });

  it('lists pairs by status, paged, and refuses decisions to a role that may not write firms', async () => {
    const confirmed = (await viewer.request('GET', `${R}/review-pairs?status=confirmed&pageSize=1`)).json();
    expect(confirmed.total).toBeGreaterThanOrEqual(2);
    expect(confirmed.items).toHaveLength(1);
    const id: string = confirmed.items[0].id;
    expect((await viewer.request('POST', `${R}/review-pairs/${id}/decision`, { decision: 'reject', version: 1 })).statusCode).toBe(403);
    expect((await viewer.request('GET', `${R}/review-pairs/nope`)).statusCode).toBe(404);
  });

  it('scans firms into queued firm–firm pairs once, merges with a version check, and splits the merge back', async () => {
    const scan = await analyst.request('POST', `${R}/review-pairs/scan`, { enterpriseIds: ['d1'] });
    expect(scan.statusCode, scan.body).toBe(200);
    expect(scan.json()).toEqual({ scanned: 1, queued: 1, remembered: 0 });
    expect((await analyst.request('POST', `${R}/review-pairs/scan`, { enterpriseIds: ['d1'] })).json()).toEqual({ scanned: 1, queued: 0, remembered: 1 });
    const queued = (await analyst.request('GET', `${R}/review-pairs`)).json();
    const pair = queued.items.find((p: { kind: string }) => p.kind === 'firms');
    expect(pair).toMatchObject({ score: 1, left: { enterpriseId: 'd1' }, right: { enterpriseId: 'p1', name: '丁泵业' } });

    const flowsOfP1 = await count(sql`select count(*) as n from trade_flows where buyer_enterprise_id = 'p1'`);
    expect(flowsOfP1).toBeGreaterThan(0);
    expect((await analyst.request('POST', `${R}/enterprises/p1/merge`, { intoId: 'd1', version: 7 })).statusCode).toBe(409);
    const merged = await analyst.request('POST', `${R}/enterprises/p1/merge`, { intoId: 'd1', version: 1 });
    expect(merged.statusCode, merged.body).toBe(200);
    const merge = merged.json();
    expect(merge).toMatchObject({ mergedId: 'p1', mergedName: '丁泵业', mergedIntoId: 'd1', status: 'merged', mergedBy: 'res-analyst' });
    expect(merge.movedCounts).toMatchObject({ enterprise_nodes: 1, enterprise_metrics: 1, 'trade_flows.buyer_enterprise_id': flowsOfP1 });
    expect(await count(sql`select count(*) as n from enterprises where id = 'p1'`)).toBe(0);
    expect(await count(sql`select count(*) as n from trade_flows where buyer_enterprise_id = 'd1'`)).toBe(flowsOfP1);
    expect(await count(sql`select count(*) as n from enterprise_aliases where enterprise_id = 'd1' and alias = '丁泵业'`)).toBe(1);
    expect((await analyst.request('GET', `${R}/review-pairs/${pair.id}`)).statusCode).toBe(404);

    const split = await analyst.request('POST', `${R}/merges/${merge.id}/split`);
    expect(split.statusCode, split.body).toBe(200);
    expect(split.json()).toMatchObject({ status: 'split', splitBy: 'res-analyst' });
    expect(await count(sql`select count(*) as n from enterprises where id = 'p1' and name = '丁泵业'`)).toBe(1);
    expect(await count(sql`select count(*) as n from trade_flows where buyer_enterprise_id = 'p1'`)).toBe(flowsOfP1);
    expect(await count(sql`select count(*) as n from trade_flows where buyer_enterprise_id = 'd1'`)).toBe(0);
    expect(await count(sql`select count(*) as n from enterprise_nodes where enterprise_id = 'p1'`)).toBe(1);
    expect(await count(sql`select count(*) as n from enterprise_metrics where enterprise_id = 'p1'`)).toBe(1);
    expect(await count(sql`select count(*) as n from enterprise_aliases where enterprise_id = 'd1'`)).toBe(0);
    expect((await analyst.request('GET', `${R}/review-pairs/${pair.id}`)).json()).toMatchObject({ status: 'rejected' });
    expect((await analyst.request('POST', `${R}/merges/${merge.id}/split`)).statusCode).toBe(409);
  });
  it('an import resolver reads the registry once and learns the firms the import writes', async () => {
    const db = t.database.db;
    const resolver = new ImportResolver('331081');
    expect((await resolver.resolve(db, [{ sourceKey: 'import:b:2', name: '温岭市新潮阀门有限公司' }]))[0]).toMatchObject({ decision: 'new' });
    await db.insert(enterprises).values({ regionCode: '331081', id: 'b-r2', name: '温岭市新潮阀门有限公司' });
    // written behind its back: not seen until the import tells it
    expect((await resolver.resolve(db, [{ sourceKey: 'import:b:3', name: '新潮阀门股份有限公司' }]))[0]).toMatchObject({ decision: 'new' });
    resolver.remember([{ id: 'b-r2', name: '温岭市新潮阀门有限公司', uscc: null, townCode: null }]);
    expect((await resolver.resolve(db, [{ sourceKey: 'import:b:4', name: '新潮阀门股份有限公司' }]))[0]).toMatchObject({ decision: 'existing', enterpriseId: 'b-r2' });
    // resolveFirms, which reads the registry afresh, agrees
    expect((await resolveFirms(db, '331081', [{ sourceKey: 'import:b:5', name: '新潮阀门股份有限公司' }]))[0]).toMatchObject({ decision: 'existing', enterpriseId: 'b-r2' });
  });

  it('an import resolver keeps the firms it is told of before it reads the registry, written yet or not, each once', async () => {
    const db = t.database.db;
    const resolver = new ImportResolver('331081');
    // an earlier chunk's firms: one already in the database, one whose write is still queued behind the reads
    await db.insert(enterprises).values({ regionCode: '331081', id: 'c-r2', name: '温岭市朝阳齿轮有限公司' });
    resolver.remember([
      { id: 'c-r2', name: '温岭市朝阳齿轮有限公司', uscc: null, townCode: null },
      { id: 'c-r3', name: '温岭市晨星轴承有限公司', uscc: null, townCode: null },
    ]);
    // the pairs go with the import's writes (deferred), after the firms they name
    const deferred: unknown[] = [];
    const io = { defer: (statement: unknown) => deferred.push(statement) };
    const [gear, bearing] = await Promise.all([
      resolver.resolve(db, [{ sourceKey: 'import:c:4', name: '朝阳齿轮股份有限公司' }], io),
      resolver.resolve(db, [{ sourceKey: 'import:c:5', name: '晨星轴承股份有限公司' }], io),
    ]);
    expect(deferred).toHaveLength(2);
    expect(gear[0]).toMatchObject({ decision: 'existing', enterpriseId: 'c-r2' });
    expect(bearing[0]).toMatchObject({ decision: 'existing', enterpriseId: 'c-r3' });
  });
});
