import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { auditLog } from '../auth/auth.schema.ts';
import type { EnterpriseProfile } from './enterprises.model.ts';

const FIRM = '/api/r/331081/enterprises/dalang';

describe.each(testBackends())('profile edits on %s', (backend) => {
  let t: TestApp;
  let analyst: Client;
  let trusted: Client;
  let viewer: Client;
  const profile = async (c: Client = trusted): Promise<EnterpriseProfile> => (await c.request('GET', `${FIRM}/profile`)).json();
  const version = async (): Promise<number> => (await profile()).enterprise.version;

  beforeAll(async () => {
    t = await createTestApp(backend);
    analyst = await t.signIn({ username: 'pe-analyst', role: 'analyst' });
    trusted = await t.signIn({ username: 'pe-trusted', role: 'analyst', canSeeSensitive: true });
    viewer = await t.signIn({ username: 'pe-viewer', role: 'viewer' });
    const created = await analyst.request('POST', '/api/r/331081/enterprises', { id: 'dalang', name: '大浪泵业有限公司', address: '温岭市大溪镇', lon: 121.3, lat: 28.4 });
    expect(created.statusCode, created.body).toBe(201);
  });
  afterAll(() => t.close());

  it('adds and removes an alias under the firm version; a stale version gets 409 with the current firm', async () => {
    const added = await analyst.request('POST', `${FIRM}/aliases`, { version: 1, alias: '大浪泵业' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({ version: 2, alias: { alias: '大浪泵业', source: 'manual', validFrom: null, validTo: null } });
    const stale = await analyst.request('POST', `${FIRM}/aliases`, { version: 1, alias: '大浪' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STALE_VERSION', field: 'version', details: { current: { id: 'dalang', version: 2 } } });
    expect((await profile()).aliases.map((a) => a.alias)).toEqual(['大浪泵业']);
    // the alias is searchable at once
    expect((await analyst.request('GET', '/api/r/331081/enterprises?q=大浪泵业')).json().total).toBe(1);

    const duplicate = await analyst.request('POST', `${FIRM}/aliases`, { version: 2, alias: '大浪泵业' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.field).toBe('alias');
    const ownName = await analyst.request('POST', `${FIRM}/aliases`, { version: 2, alias: '大浪泵业有限公司' });
    expect(ownName.json().error).toMatchObject({ code: 'VALIDATION', field: 'alias' });
    expect(await version()).toBe(2); // refused edits leave the version alone

    const removed = await analyst.request('DELETE', `${FIRM}/aliases/${encodeURIComponent('大浪泵业')}?version=2`);
    expect(removed.json()).toEqual({ version: 3 });
    expect((await profile()).aliases).toEqual([]);
    expect((await analyst.request('DELETE', `${FIRM}/aliases/${encodeURIComponent('大浪泵业')}?version=3`)).statusCode).toBe(404);
  });

  it('adds, edits and removes a site; lon/lat outside China or given alone are refused naming the field', async () => {
    const v = await version();
    const outside = await analyst.request('POST', `${FIRM}/sites`, { version: v, kind: 'plant', lon: 2.35, lat: 48.85 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.field).toBe('lon');
    const lonOnly = await analyst.request('POST', `${FIRM}/sites`, { version: v, kind: 'plant', lon: 121.4 });
    expect(lonOnly.json().error.field).toBe('lat');
    const badKind = await analyst.request('POST', `${FIRM}/sites`, { version: v, kind: 'warehouse' });
    expect(badKind.json().error.field).toBe('kind');

    const added = await analyst.request('POST', `${FIRM}/sites`, { version: v, kind: 'plant', name: '二厂', address: '温岭市泽国镇', lon: 121.38, lat: 28.51 });
    expect(added.statusCode, added.body).toBe(201);
    const site = added.json().site;
    expect(site).toMatchObject({ kind: 'plant', name: '二厂', address: '温岭市泽国镇', lon: 121.38, lat: 28.51, isSynthetic: false });
    const edited = await analyst.request('PATCH', `${FIRM}/sites/${site.id}`, { version: v + 1, address: '温岭市泽国镇工业区' });
    expect(edited.json()).toMatchObject({ version: v + 2, site: { name: '二厂', address: '温岭市泽国镇工业区', lon: 121.38 } });
    expect((await analyst.request('PATCH', `${FIRM}/sites/${site.id}`, { version: v + 1, name: '三厂' })).statusCode).toBe(409);

    // moving the registered site moves the firm itself
    const registered = (await profile()).sites.find((s) => s.kind === 'registered');
    const moved = await analyst.request('PATCH', `${FIRM}/sites/${registered?.id}`, { version: v + 2, lon: 121.2, lat: 28.3 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await profile()).enterprise).toMatchObject({ lon: 121.2, lat: 28.3, version: v + 3 });

    expect((await analyst.request('DELETE', `${FIRM}/sites/${site.id}?version=${v + 3}`)).json()).toEqual({ version: v + 4 });
    expect((await profile()).sites.map((s) => s.kind)).toEqual(['registered']);
    expect((await analyst.request('DELETE', `${FIRM}/sites/nope?version=${v + 4}`)).statusCode).toBe(404);
  });

  it('upserts one year (omitted figures stay) and deletes a year', async () => {
    const v = await version();
    const first = await analyst.request('PUT', `${FIRM}/metrics/2024`, { version: v, revenueWan: 5000, outputWan: 4800, employees: 120 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: v + 1, metric: { year: 2024, revenueWan: 5000, outputWan: 4800, employees: 120, taxWan: null } });
    const second = await analyst.request('PUT', `${FIRM}/metrics/2024`, { version: v + 1, outputWan: 5100, employees: null });
    expect(second.json().metric).toMatchObject({ revenueWan: 5000, outputWan: 5100, employees: null });
    expect((await analyst.request('PUT', `${FIRM}/metrics/2024`, { version: v + 1, outputWan: 1 })).statusCode).toBe(409);
    const negative = await analyst.request('PUT', `${FIRM}/metrics/2024`, { version: v + 2, revenueWan: -1 });
    expect(negative.json().error.field).toBe('revenueWan');
    expect((await analyst.request('PUT', `${FIRM}/metrics/1800`, { version: v + 2, revenueWan: 1 })).json().error.field).toBe('year');
    expect((await analyst.request('PUT', `${FIRM}/metrics/2024`, { version: v + 2 })).json().error.field).toBe('body');

    expect((await analyst.request('PUT', `${FIRM}/metrics/2023`, { version: v + 2, revenueWan: 4000 })).statusCode).toBe(200);
    expect((await analyst.request('DELETE', `${FIRM}/metrics/2023?version=${v + 3}`)).json()).toEqual({ version: v + 4 });
    expect((await profile()).metrics.map((m) => m.year)).toEqual([2024]);
    expect((await analyst.request('DELETE', `${FIRM}/metrics/2023?version=${v + 4}`)).statusCode).toBe(404);
  });

  it('refuses sensitive figures (403 naming the field) without the permission, even clearing them', async () => {
    const v = await version();
    const tax = await analyst.request('PUT', `${FIRM}/metrics/2024`, { version: v, outputWan: 1, taxWan: 300 });
    expect(tax.statusCode).toBe(403);
    expect(tax.json().error).toMatchObject({ code: 'FORBIDDEN', field: 'taxWan' });
    expect((await analyst.request('PUT', `${FIRM}/metrics/2024`, { version: v, energyTce: null })).json().error.field).toBe('energyTce');
    expect(await version()).toBe(v);

    const allowed = await trusted.request('PUT', `${FIRM}/metrics/2024`, { version: v, taxWan: 321.5, energyTce: 80 });
    expect(allowed.json().metric).toMatchObject({ taxWan: 321.5, energyTce: 80 });
    // the analyst who cannot see the tax cannot delete the year holding it either
    const drop = await analyst.request('DELETE', `${FIRM}/metrics/2024?version=${v + 1}`);
    expect(drop.statusCode).toBe(403);
    expect(drop.json().error.field).toBe('taxWan');
    expect((await profile()).metrics[0]).toMatchObject({ year: 2024, taxWan: 321.5 });
  });

  it('refuses read-only roles before validation', async () => {
    const res = await viewer.request('POST', `${FIRM}/aliases`, { version: 1, alias: 'x' });
    expect(res.statusCode).toBe(403);
  });

  it('lists hand edits in the provenance with the user, masking sensitive values, and audits each write', async () => {
    const masked = await profile(analyst);
    const manual = masked.provenance.filter((p) => p.source === 'manual');
    expect(manual.find((p) => p.field === 'metrics.2024.taxWan')).toMatchObject({ value: null, isMasked: true, byUser: 'pe-trusted', fileName: null, rowNumber: null });
    expect(manual.find((p) => p.field === 'metrics.2024.outputWan' && p.value === '5100')).toMatchObject({ byUser: 'pe-analyst', isMasked: false });
    expect(manual.filter((p) => p.field === 'aliases.大浪泵业').map((p) => p.value)).toEqual([null, '大浪泵业']);
    expect(manual.some((p) => p.field === 'metrics.2023' && p.value === null)).toBe(true);
    const open = await profile(trusted);
    expect(open.provenance.find((p) => p.field === 'metrics.2024.taxWan')).toMatchObject({ value: '321.5', isMasked: false });

    const audited = await t.database.db
      .select({ target: auditLog.target, status: auditLog.statusCode })
      .from(auditLog)
      .where(and(eq(auditLog.route, '/api/r/:region/enterprises/:id/aliases'), eq(auditLog.method, 'POST')));
    expect(audited.map((a) => a.status).sort()).toEqual([201, 400, 403, 409, 409]);
    expect(new Set(audited.map((a) => a.target))).toEqual(new Set(['enterprise:dalang:alias', 'dalang']));
  });
});
