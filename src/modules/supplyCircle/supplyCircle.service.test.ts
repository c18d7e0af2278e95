import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { haversineMeters } from '../../core/geo/haversine.ts';
import { buildRoadGraph } from '../../core/geo/roadGraph.ts';
import { chainGroups, chainNodes, chains, nodeInputs } from '../chains/chains.schema.ts';
import { enterpriseNodes, enterpriseSites, enterprises } from '../enterprises/enterprises.schema.ts';
import { RoadsService } from '../roads/roads.service.ts';
import { insertTradeFlows } from '../supply/supply.seed.ts';
import { chainCoverage } from './supplyCircle.coverage.ts';
import { refreshReach } from './supplyCircle.reach.ts';
import { SupplyCircleService } from './supplyCircle.service.ts';

const R = '331081';
const LAT = 28;
/** tertiary: 40 km/h (METHODS §4) */
const METRES_PER_SECOND = 40 / 3.6;
const secondsAlong = (lonA: number, lonB: number) => haversineMeters(lonA, LAT, lonB, LAT) / METRES_PER_SECOND;

/**
 * One straight two-way tertiary road along 28°N from 121.00°E to 121.30°E (a node every 0.01°), and firms on
 * it: the whole-pump buyer at 121.00 (also a castings maker), castings at 121.05 and 121.20, seals at 121.25,
 * motors at 121.10. At 40 km/h 0.05° of longitude is ~7.4 min, 0.10° ~14.7 min.
 */
const FIRMS = [
  { id: 'buyer', lon: 121.0, nodes: ['t.whole', 't.castings'] },
  { id: 'c1', lon: 121.05, nodes: ['t.castings'] },
  { id: 'c2', lon: 121.2, nodes: ['t.castings'] },
  { id: 's1', lon: 121.25, nodes: ['t.seals'] },
  { id: 'm1', lon: 121.1, nodes: ['t.motor'] },
];

describe.each(testBackends())('supply circle on %s', (backend) => {
  let t: TestApp;
  let analyst: Client;
  let service: SupplyCircleService;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const db = t.database.db;
    await db.insert(chainGroups).values({ regionCode: R, id: 'tg', kind: 'pillar', nameZh: '测试' });
    await db.insert(chains).values({ regionCode: R, id: 'tpump', groupId: 'tg', nameZh: '测试泵' });
    const node = (id: string, nameZh: string, sort: number) => ({ regionCode: R, id, chainId: 'tpump', nameZh, nameSortKey: id, tier: 'mid', industryCodes: ['3441'], sort });
    await db.insert(chainNodes).values([node('t.whole', '整机', 1), node('t.castings', '铸件', 2), node('t.seals', '密封件', 3), node('t.motor', '电机', 4)]);
    await db.insert(nodeInputs).values(['t.castings', 't.seals', 't.motor'].map((fromNodeId) => ({ regionCode: R, fromNodeId, toNodeId: 't.whole' })));
    await db.insert(enterprises).values(FIRMS.map((f) => ({ regionCode: R, id: f.id, name: `${f.id} 公司`, lon: '0', lat: '0' })));
    // the plant site wins over the firm's own (wrong) lon/lat
    await db.insert(enterpriseSites).values(FIRMS.map((f) => ({ regionCode: R, enterpriseId: f.id, id: 'p1', kind: 'plant', lon: String(f.lon), lat: String(LAT) })));
    await db.insert(enterpriseNodes).values(FIRMS.flatMap((f) => f.nodes.map((nodeId) => ({ regionCode: R, enterpriseId: f.id, nodeId }))));
    const nodeIds = Array.from({ length: 31 }, (_, k) => 1000 + k);
    const graph = buildRoadGraph([{ id: 1, nodeIds, tags: { highway: 'tertiary' } }], (id) => [121 + (id - 1000) * 0.01, LAT]);
    await new RoadsService(db).store({ regionCode: R, graph, sourceName: 'test line', sourceSha256: null, sourceFormat: 'synthetic', isSynthetic: true });
    analyst = await t.signIn({ username: 'circle', role: 'analyst' });
    service = new SupplyCircleService(db);
  });
  afterAll(() => t.close());

  it('lists per input node the suppliers within the limit with their drive times, and the coverage', async () => {
    const circle = await service.circle(R, { site: { lon: 121, lat: LAT }, chainId: 'tpump', minutes: 10 });
    expect(circle.inputs.map((i) => i.nodeId)).toEqual(['t.castings', 't.seals', 't.motor']);
    const castings = circle.inputs[0];
    expect(castings?.suppliers.map((s) => s.enterpriseId)).toEqual(['buyer', 'c1']);
    expect(castings?.suppliers[1]?.seconds).toBeCloseTo(secondsAlong(121, 121.05), 0);
    expect(castings?.mappedFirms).toBe(3);
    expect(circle.inputs.map((i) => i.nearestSeconds === null)).toEqual([false, true, true]);
    expect(circle).toMatchObject({ inputCount: 3, coveredCount: 1, isFullySupplied: false });
    expect(circle.coverage).toBeCloseTo(1 / 3, 12);
    expect(circle.network).toMatchObject({ isSynthetic: true });
  });

  it("takes a firm's plant as the site and never counts the firm as its own supplier", async () => {
    const circle = await service.circle(R, { firmId: 'buyer', chainId: 'tpump', minutes: 10 });
    expect(circle.site).toMatchObject({ lon: 121, lat: LAT, firmId: 'buyer' });
    expect(circle.inputs[0]?.suppliers.map((s) => s.enterpriseId)).toEqual(['c1']);
  });

  it('reaches every node within an hour: 全配套', async () => {
    const circle = await service.circle(R, { firmId: 'buyer', chainId: 'tpump', minutes: 60 });
    expect(circle.inputs.map((i) => i.suppliers.map((s) => s.enterpriseId))).toEqual([['c1', 'c2'], ['s1'], ['m1']]);
    expect(circle.inputs[2]?.nearestSeconds).toBeCloseTo(secondsAlong(121, 121.1), 0);
    expect(circle).toMatchObject({ coverage: 1, isFullySupplied: true });
  });

  it('averages coverage over the chain firms (chainCoverage)', async () => {
    // at 10 min: buyer 1/3 (c1), c1 2/3 (buyer, m1), c2 1/3 (s1), s1 1/3 (c2), m1 1/3 (c1)
    expect(await chainCoverage(t.database.db, R, 'tpump', 10)).toEqual({ firms: 5, meanCoverage: expect.closeTo(6 / 15, 12), fullySupplied: 0 });
    // at 60 min every node is reached except a node whose only firm is the site itself (s1's seals, m1's motors)
    expect(await chainCoverage(t.database.db, R, 'tpump', 60)).toEqual({ firms: 5, meanCoverage: expect.closeTo(13 / 15, 12), fullySupplied: 3 });
  });

  it('fills supply_reach with the trading pairs within the limit only', async () => {
    const flow = { regionCode: R, period: '2025-01', sellerUscc: '91331081MA2AAAAA1X', sellerRegionCode: R, buyerEnterpriseId: 'buyer', nodeId: 't.castings', amountWan: 10, isSynthetic: true };
    await insertTradeFlows(t.database.db, [
      { ...flow, sellerEnterpriseId: 'c1' },
      { ...flow, sellerEnterpriseId: 's1', nodeId: 't.seals' },
      { ...flow, sellerEnterpriseId: 'c1', period: '2025-02' },
    ]);
    const summary = await refreshReach(t.database.db, R, 30);
    expect(summary).toMatchObject({ minutes: 30, pairs: 2, within: 1 });
    const rows = await t.database.query<{ buyer_enterprise_id: string; seller_enterprise_id: string; seconds: number; minutes: number }>(
      'select buyer_enterprise_id, seller_enterprise_id, seconds, minutes from supply_reach where region_code = $1',
      [R],
    );
    expect(rows.map((r) => [r.buyer_enterprise_id, r.seller_enterprise_id, r.minutes])).toEqual([['buyer', 'c1', 30]]);
    expect(Number(rows[0]?.seconds)).toBeCloseTo(secondsAlong(121, 121.05), 0);
  });

  it('answers the route with the isochrone, and names the field of bad input', async () => {
    const ok = await analyst.request('GET', `/api/r/${R}/supply-circle?site=121.0,28.0&chain=tpump&minutes=10&isochrone=true`);
    expect(ok.statusCode).toBe(200);
    const body = ok.json();
    expect(body.coveredCount).toBe(1);
    expect(body.isochrone.features.length).toBeGreaterThan(0);
    const both = await analyst.request('GET', `/api/r/${R}/supply-circle?site=121,28&firm=buyer&chain=tpump`);
    expect(both.statusCode).toBe(400);
    const badSite = await analyst.request('GET', `/api/r/${R}/supply-circle?site=north&chain=tpump`);
    expect(badSite.statusCode).toBe(400);
    expect(badSite.json().error.message).toContain('site');
    const noChain = await analyst.request('GET', `/api/r/${R}/supply-circle?site=121,28&chain=nope`);
    expect(noChain.statusCode).toBe(404);
    const noFirm = await analyst.request('GET', `/api/r/${R}/supply-circle?firm=nobody&chain=tpump`);
    expect(noFirm.statusCode).toBe(404);
  });

  it('credits OpenStreetMap once an imported network replaces the synthetic one, and routes on the new roads', async () => {
    // the same road with a primary (65 km/h) class: an "import" with other content
    const nodeIds = Array.from({ length: 31 }, (_, k) => 1000 + k);
    const graph = buildRoadGraph([{ id: 7, nodeIds, tags: { highway: 'primary' } }], (id) => [121 + (id - 1000) * 0.01, LAT]);
    const stored = await new RoadsService(t.database.db).store({ regionCode: R, graph, sourceName: 'line.osm', sourceSha256: null, sourceFormat: 'xml', isSynthetic: false });
    expect(stored.status).toBe('replaced');
    const circle = await service.circle(R, { firmId: 'buyer', chainId: 'tpump', minutes: 10 });
    expect(circle.network).toMatchObject({ isSynthetic: false, attribution: '© OpenStreetMap contributors' });
    // at 65 km/h the motors 0.10° away (~9.8 km, ~9 min) are now within 10 minutes
    expect(circle.inputs[2]?.nearestSeconds).toBeCloseTo(haversineMeters(121, LAT, 121.1, LAT) / (65 / 3.6), 0);
    const net = (await analyst.request('GET', `/api/r/${R}/supply-circle/network`)).json();
    expect(net.network).toMatchObject({ isSynthetic: false, attribution: '© OpenStreetMap contributors' });
  });

  it('serves the map: roads of the network and the chain firms with their nodes', async () => {
    const net = (await analyst.request('GET', `/api/r/${R}/supply-circle/network`)).json();
    expect(net.roads).toEqual([{ highway: 'primary', coords: expect.any(Array) }]);
    expect(net.roads[0].coords).toHaveLength(30 * 4);
    const firms = (await analyst.request('GET', `/api/r/${R}/supply-circle/firms?chain=tpump`)).json();
    expect(firms.nodes.map((n: { id: string }) => n.id)).toEqual(['t.whole', 't.castings', 't.seals', 't.motor']);
    expect(firms.firms.find((f: { id: string }) => f.id === 'buyer')).toMatchObject({ lon: 121, lat: 28, nodeIds: ['t.whole', 't.castings'] });
  });
  it('counts only 规上 firms as suppliers when asked (scale=above), after a firm data change', async () => {
    await t.database.query(`update enterprises set scale = 'above' where region_code = $1 and id = 'c2'`, [R]);
    const circle = await service.circle(R, { firmId: 'buyer', chainId: 'tpump', minutes: 60, scale: 'above' });
    expect(circle.inputs.map((i) => [i.nodeId, i.mappedFirms, i.suppliers.map((s) => s.enterpriseId)])).toEqual([
      ['t.castings', 1, ['c2']],
      ['t.seals', 0, []],
      ['t.motor', 0, []],
    ]);
    expect(circle).toMatchObject({ scale: 'above', coveredCount: 1, isFullySupplied: false });
    const res = await analyst.request('GET', `/api/r/${R}/supply-circle?firm=buyer&chain=tpump&minutes=60&scale=largest`);
    expect(res.statusCode).toBe(400);
  });
});
