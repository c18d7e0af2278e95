import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { insertCandidates } from '../attraction/attraction.seed.ts';
import { REGION, seedChainMapFixture } from './chainMap.fixture.ts';
import type { ChainMap, ChainMapSettings, MapNode } from './chainMap.model.ts';

interface FirmPage {
  items: { id: string; name: string; outputWan: number | null; scale: string }[];
  total: number;
  year: number | null;
}

describe.each(testBackends())('chain map on %s', (backend) => {
  let t: TestApp;
  let analyst: Client;
  let viewer: Client;
  const node = (map: ChainMap, id: string): MapNode | undefined => map.nodes.find((n) => n.id === id);
  const getMap = async (query = ''): Promise<ChainMap> => {
    const res = await analyst.request('GET', `/api/r/331081/chains/tp/map${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedChainMapFixture(t.database.db);
    analyst = await t.signIn({ username: 'map-analyst', role: 'analyst' });
    viewer = await t.signIn({ username: 'map-viewer', role: 'viewer' });
  });
  afterAll(() => t.close());

  it('takes the latest full year of flows and gives each node its firms, 规上, output share and supply figures', async () => {
    const map = await getMap();
    expect(map.year).toBe(2025);
    expect(map.chainOutputWan).toBe(1000);
    expect(node(map, 'tp.castings')).toMatchObject({ firmCount: 3, aboveScaleCount: 1, outputWan: 300, outputShare: 0.3, purchasesWan: 300 });
    expect(node(map, 'tp.castings')?.localSupplyRate).toBeCloseTo(0.8, 9);
    expect(node(map, 'tp.castings')?.supplierHhi).toBeCloseTo(0.36, 9);
    expect(node(map, 'tp.pumps')).toMatchObject({ firmCount: 1, aboveScaleCount: 1, outputShare: 0.7, localSupplyRate: null });
  });

  it('colours castings strong, pumps weak (one firm) and motors and testing missing', async () => {
    const map = await getMap();
    expect(map.nodes.map((n) => [n.id, n.status, n.reasons])).toEqual([
      ['tp.castings', 'strong', []],
      ['tp.motors', 'missing', ['noLocalFirm']],
      ['tp.pumps', 'weak', ['fewFirms']],
      ['tp.testing', 'missing', ['noLocalFirm']],
    ]);
    expect(map.statusCounts).toEqual({ missing: 2, adjacent: 0, weak: 1, strong: 1 });
    expect(node(map, 'tp.motors')?.relatedness).toEqual({ density: 0, related: [] });
    expect(node(map, 'tp.castings')?.relatedness).toBeNull();
    expect(map.inputs).toContainEqual({ fromNodeId: 'tp.castings', toNodeId: 'tp.pumps' });
    expect(map.roles.map((r) => r.kind)).toEqual(['chief']);
  });

  it('sums the status counts of every chain for the chain cards', async () => {
    const res = await viewer.request('GET', '/api/r/331081/chain-maps');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ year: 2025, items: [{ chainId: 'tp', nodeCount: 4, firmCount: 4, statusCounts: { missing: 2, adjacent: 0, weak: 1, strong: 1 } }] });
  });

  it('calls motors adjacent once four outside firms make motors with castings; testing, made alone, stays missing', async () => {
    const outside = (id: string, nodeIds: string[]) => ({ regionCode: REGION, id, name: `外地${id}`, homeRegionCode: '330100', nodeIds });
    await insertCandidates(t.database.db, [
      ...['k1', 'k2', 'k3', 'k4'].map((id) => outside(id, ['tp.motors', 'tp.castings'])),
      outside('k5', ['tp.testing']),
    ]);
    const map = await getMap();
    // φ(motors, castings) = 4 firms on both / max(4 on motors, 3 local + 4 outside on castings) = 4/7;
    // density = (4/7) / (1 + 4/7) = 4/11 ≥ 0.25.
    expect(node(map, 'tp.motors')).toMatchObject({ status: 'adjacent', reasons: ['noLocalFirm'], firmCount: 0 });
    expect(node(map, 'tp.motors')?.relatedness?.density).toBeCloseTo(4 / 11, 12);
    expect(node(map, 'tp.motors')?.relatedness?.related).toEqual([{ nodeId: 'tp.castings', chainId: 'tp', nameZh: '铸件', nameEn: 'Castings', proximity: 4 / 7 }]);
    expect(node(map, 'tp.testing')).toMatchObject({ status: 'missing', relatedness: { density: 0, related: [] } });
    expect(map.statusCounts).toEqual({ missing: 1, adjacent: 1, weak: 1, strong: 1 });
    const summary = (await viewer.request('GET', '/api/r/331081/chain-maps')).json();
    expect(summary.items[0].statusCounts).toEqual({ missing: 1, adjacent: 1, weak: 1, strong: 1 });
  });

  it('gives a year without metrics or flows no output and no supply figures', async () => {
    const map = await getMap('?year=2019');
    expect(map.year).toBe(2019);
    expect(node(map, 'tp.castings')).toMatchObject({ firmCount: 3, outputWan: 0, outputShare: null, localSupplyRate: null, status: 'strong' });
  });

  it('lists the firms of a node, largest output first, paged', async () => {
    const res = await analyst.request('GET', '/api/r/331081/chains/tp/nodes/tp.castings/firms?pageSize=2');
    const page: FirmPage = res.json();
    expect(page.total).toBe(3);
    expect(page.year).toBe(2025);
    expect(page.items.map((f) => [f.id, f.outputWan])).toEqual([
      ['c1', 150],
      ['c2', 100],
    ]);
    const second: FirmPage = (await analyst.request('GET', '/api/r/331081/chains/tp/nodes/tp.castings/firms?pageSize=2&page=2')).json();
    expect(second.items.map((f) => f.id)).toEqual(['c3']);
    expect((await analyst.request('GET', '/api/r/331081/chains/tp/nodes/nope/firms')).statusCode).toBe(404);
  });

  it('exports the firms of a node as Excel with a Chinese file name, formulas defused', async () => {
    const res = await analyst.request('GET', '/api/r/331081/chains/tp/nodes/tp.castings/firms.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('测试泵·铸件-企业清单-2025.xlsx')}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([res.rawPayload]));
    const sheet = workbook.getWorksheet('企业清单');
    expect(sheet?.getRow(2).getCell(2).value).toBe('企业名称');
    expect(sheet?.getRow(3).getCell(2).value).toBe('甲铸造');
    expect(sheet?.getRow(3).getCell(7).value).toBe(150);
    expect(sheet?.getRow(5).getCell(2).value).toBe("'=丙铸造");
  });

  it('uses the METHODS §5 defaults until thresholds are stored, then the stored ones; a stale version gets 409', async () => {
    const defaults: ChainMapSettings = (await viewer.request('GET', '/api/r/331081/chain-map-settings')).json();
    expect(defaults).toMatchObject({ minFirms: 3, minLocalSupplyRate: 0.3, maxSupplierHhi: 0.5, minAdjacentDensity: 0.25, version: 0 });
    const body = { minFirms: 1, minLocalSupplyRate: 0.3, maxSupplierHhi: 0.3, minAdjacentDensity: 0.4, year: 2025, source: '经信局 2025 年会议纪要' };
    expect((await viewer.request('PUT', '/api/r/331081/chain-map-settings', { ...body, version: 0 })).statusCode).toBe(403);
    const saved = await analyst.request('PUT', '/api/r/331081/chain-map-settings', { ...body, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ ...body, version: 1 });
    const map = await getMap();
    expect(node(map, 'tp.castings')).toMatchObject({ status: 'weak', reasons: ['concentratedSuppliers'] });
    expect(node(map, 'tp.pumps')).toMatchObject({ status: 'strong' });
    expect(node(map, 'tp.motors')).toMatchObject({ status: 'missing' }); // density 4/11 < 0.4
    const stale = await analyst.request('PUT', '/api/r/331081/chain-map-settings', { ...body, minFirms: 5, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ minFirms: 1, version: 1 });
  });
});
