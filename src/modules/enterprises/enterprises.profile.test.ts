import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { TMP_DIR } from '../../../tests/helpers/paths.ts';
import { COLUMNS } from '../imports/imports.model.ts';
import { runImport } from '../imports/imports.service.ts';
import { seedTaxonomy } from '../chains/chains.seed.ts';
import { WENLING_TAXONOMY } from '../chains/taxonomy/wenling.ts';

const FIRM = {
  id: 'dalang',
  name: '大浪泵业有限公司',
  uscc: '91350100M000100Y43',
  townCode: '331081101',
  scale: 'above',
  aliases: ['大浪水泵厂'],
  address: '温岭市大溪镇大浪路 1 号',
  lon: 121.3,
  lat: 28.45,
};

describe.each(testBackends())('firm profile (%s)', (backend) => {
  let t: TestApp;
  let plain: Client;
  let trusted: Client;
  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedTaxonomy(t.database.db, WENLING_TAXONOMY);
    plain = await t.signIn({ username: 'plain', role: 'analyst' });
    trusted = await t.signIn({ username: 'trusted', role: 'analyst', canSeeSensitive: true });
    expect((await plain.request('POST', '/api/r/331081/enterprises', FIRM)).statusCode).toBe(201);
    await t.database.query(
      `insert into enterprise_metrics (region_code, enterprise_id, year, output_wan, revenue_wan, value_added_wan, tax_wan, energy_tce, emissions_t)
       values ('331081', 'dalang', 2023, 9000, 9500, 2100, 410, 300, 750), ('331081', 'dalang', 2024, 10000, 10400, 2300, 455.5, 320, 800)`,
    );
    await t.database.query(
      `insert into enterprise_nodes (region_code, enterprise_id, node_id, is_primary) values ('331081', 'dalang', 'pump.pumps', true), ('331081', 'dalang', 'pump.motors', false)`,
    );
    await t.database.query(
      `insert into projects (region_code, id, name, origin, chain_id, enterprise_id, investment_wan, stage) values ('331081', 'p1', '大浪智能泵扩产项目', 'local', 'pump', 'dalang', 12000, 'started')`,
    );
  });
  afterAll(() => t.close());

  const sensitiveReads = () =>
    t.database.query<{ username: string; target: string; route: string }>(`select username, target, route from audit_log where action = 'read_sensitive' order by at`);

  it('shows identity, aliases, the registered site, chain nodes with chain names and projects', async () => {
    const res = await plain.request('GET', '/api/r/331081/enterprises/dalang/profile');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.enterprise).toMatchObject({ id: 'dalang', name: '大浪泵业有限公司', uscc: '91350100M000100Y43', scale: 'above', lon: 121.3, lat: 28.45 });
    expect(body.aliases).toEqual([{ alias: '大浪水泵厂', source: 'manual', validFrom: null, validTo: null }]);
    expect(body.sites).toEqual([
      { id: 'registered', kind: 'registered', name: null, address: '温岭市大溪镇大浪路 1 号', townCode: '331081101', lon: 121.3, lat: 28.45, isSynthetic: false },
    ]);
    expect(body.nodes.map((n: { nodeId: string; isPrimary: boolean }) => [n.nodeId, n.isPrimary])).toEqual([
      ['pump.pumps', true],
      ['pump.motors', false],
    ]);
    expect(body.nodes[0]).toMatchObject({ chainId: 'pump', chainNameZh: expect.stringContaining('泵') });
    expect(body.projects).toEqual([expect.objectContaining({ id: 'p1', name: '大浪智能泵扩产项目', stage: 'started', investmentWan: 12000 })]);
    expect(body).toMatchObject({ importsAvailable: true, importHistory: [], provenance: [] });
  });

  it('masks tax, energy and emissions without the sensitive permission and audits nothing', async () => {
    const body = (await plain.request('GET', '/api/r/331081/enterprises/dalang/profile')).json();
    expect(body.isMasked).toBe(true);
    expect(body.metrics.map((m: { year: number }) => m.year)).toEqual([2023, 2024]);
    expect(body.metrics[1]).toMatchObject({ year: 2024, outputWan: 10000, valueAddedWan: 2300, taxWan: null, energyTce: null, emissionsT: null });
    await new Promise((r) => setTimeout(r, 50));
    expect(await sensitiveReads()).toEqual([]);
  });

  it('shows them with the permission and records the read in the audit log', async () => {
    const body = (await trusted.request('GET', '/api/r/331081/enterprises/dalang/profile')).json();
    expect(body.isMasked).toBe(false);
    expect(body.metrics[1]).toMatchObject({ taxWan: 455.5, energyTce: 320, emissionsT: 800 });
    await new Promise((r) => setTimeout(r, 50));
    expect(await sensitiveReads()).toEqual([{ username: 'trusted', target: 'dalang', route: '/api/r/:region/enterprises/:id/profile' }]);
  });

  it('answers 404 for an unknown firm and for a region outside the scope', async () => {
    expect((await plain.request('GET', '/api/r/331081/enterprises/nobody/profile')).statusCode).toBe(404);
    const outsider = await t.signIn({ username: 'outsider', role: 'analyst', regions: ['331082'] });
    expect((await outsider.request('GET', '/api/r/331081/enterprises/dalang/profile')).statusCode).toBe(404);
  });

  it('lists the imports that touched the firm and which file said what, with tax masked without the permission', async () => {
    const header = COLUMNS.metrics.map((c) => c.header);
    const row = header.map((h) => ({ 统一社会信用代码: FIRM.uscc, 年份: '2025', '营业收入(万元)': '11000', '税收(万元)': '500' })[h] ?? '');
    const dir = join(TMP_DIR, 'profile');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `metrics-${backend}.csv`);
    writeFileSync(path, `${header.join(',')}\r\n${row.join(',')}\r\n`);
    const summary = await runImport(t.database, { regionCode: '331081', kind: 'metrics', mode: 'apply', path, fileName: '2025年指标.csv', byUser: 'importer' });
    expect(summary.status).toBe('applied');

    const masked = (await plain.request('GET', '/api/r/331081/enterprises/dalang/profile')).json();
    expect(masked.importHistory).toEqual([
      { importId: summary.importId, kind: 'metrics', fileName: '2025年指标.csv', rowNumber: 2, outcome: expect.any(String), byUser: 'importer', at: expect.any(String) },
    ]);
    const field = (body: { provenance: { field: string }[] }, name: string) => body.provenance.find((p) => p.field === name);
    expect(field(masked, 'metrics.2025.revenueWan')).toMatchObject({ value: '11000', fileName: '2025年指标.csv', rowNumber: 2, isMasked: false });
    expect(field(masked, 'metrics.2025.taxWan')).toMatchObject({ value: null, isMasked: true });

    const open = (await trusted.request('GET', '/api/r/331081/enterprises/dalang/profile')).json();
    expect(field(open, 'metrics.2025.taxWan')).toMatchObject({ value: '500', isMasked: false });
  });
});
