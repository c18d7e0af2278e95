import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canWrite, ROLES, type Resource } from '../src/modules/auth/auth.model.ts';
import { type Client, createTestApp, type TestApp } from './helpers/app.ts';
import { testBackends } from './helpers/db.ts';

const PUBLIC = ['GET /api/health', 'POST /api/auth/login'];

function fill(url: string, region: string): string {
  return url.replace(':region', region).replace(/:[A-Za-z]+/g, 'x');
}

describe.each(testBackends())('authorization matrix (%s)', (backend) => {
  let t: TestApp;
  let apiRoutes: TestApp['app']['routeTable'];
  beforeAll(async () => {
    t = await createTestApp(backend);
    apiRoutes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
  });
  afterAll(() => t.close());

  it('leaves only health and login (and the API docs) public', () => {
    const open = apiRoutes.filter((r) => r.isPublic).map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([...PUBLIC].sort());
  });

  it('answers 401 on every other route without a session', async () => {
    const failures: string[] = [];
    for (const route of apiRoutes.filter((r) => !r.isPublic)) {
      const res = await t.app.inject({ method: route.method as 'GET', url: fill(route.url, '331081'), ...(route.method === 'GET' ? {} : { payload: {} }) });
      if (res.statusCode !== 401) failures.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it("answers 404 on every region route outside the user's scopes, reads and writes alike", async () => {
    const ningbo = await t.signIn({ username: 'nb-admin', role: 'admin', regions: ['3302'] });
    const failures: string[] = [];
    for (const route of apiRoutes.filter((r) => r.url.includes(':region'))) {
      for (const region of ['331081', '330102', '999999']) {
        const res = await ningbo.request(route.method as 'GET', fill(route.url, region), route.method === 'GET' ? undefined : {});
        if (res.statusCode !== 404) failures.push(`${route.method} ${route.url} @${region} → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
    const regions = await ningbo.request('GET', '/api/regions');
    expect(regions.json().items).toEqual([]);
  });

  it('lets each role write only what its role allows (403 otherwise, before validation)', async () => {
    const writes = apiRoutes.filter((r) => r.write !== undefined && r.url.includes(':region'));
    expect(writes.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const role of ROLES) {
      const c = await t.signIn({ username: `w-${role}`, role });
      for (const route of writes) {
        const res = await c.request(route.method as 'POST', fill(route.url, '331081'), { unexpected: true });
        const isAllowed = canWrite(role, route.write as Resource);
        if (isAllowed && res.statusCode === 403) failures.push(`${role} ${route.method} ${route.url} refused`);
        if (!isAllowed && res.statusCode !== 403) failures.push(`${role} ${route.method} ${route.url} → ${res.statusCode}, expected 403`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe.each(testBackends())('sensitive figures (%s)', (backend) => {
  let t: TestApp;
  let analyst: Client;
  let auditor: Client;
  beforeAll(async () => {
    t = await createTestApp(backend);
    analyst = await t.signIn({ username: 'plain', role: 'analyst' });
    auditor = await t.signIn({ username: 'tax', role: 'analyst', canSeeSensitive: true });
    await analyst.request('POST', '/api/r/331081/enterprises', { id: 'f1', name: '示例电机有限公司', scale: 'above' });
    await t.database.query(
      `insert into enterprise_metrics (region_code, enterprise_id, year, revenue_wan, tax_wan, energy_tce, emissions_t, electricity_mwh, is_synthetic)
       values ('331081', 'f1', 2024, 5000, 321.5, 80, 12, 900, true)`,
    );
  });
  afterAll(() => t.close());

  it('masks tax, energy, emissions and electricity without the sensitive permission', async () => {
    const res = await analyst.request('GET', '/api/r/331081/enterprises/f1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.isMasked).toBe(true);
    expect(body.metrics[0]).toMatchObject({ year: 2024, revenueWan: 5000, taxWan: null, energyTce: null, emissionsT: null, electricityMwh: null });
  });

  it('shows them with the permission and records the read in the audit log', async () => {
    const res = await auditor.request('GET', '/api/r/331081/enterprises/f1');
    expect(res.json().metrics[0]).toMatchObject({ taxWan: 321.5, energyTce: 80 });
    await new Promise((r) => setTimeout(r, 50));
    const rows = await t.database.query<{ username: string; action: string; region_code: string; target: string; client_address: string }>(
      `select username, action, region_code, target, client_address from audit_log where action = 'read_sensitive'`,
    );
    expect(rows).toEqual([{ username: 'tax', action: 'read_sensitive', region_code: '331081', target: 'f1', client_address: '127.0.0.1' }]);
  });

  it('records every write with who, route, region and target', async () => {
    const rows = await t.database.query<{ username: string; route: string; region_code: string; target: string; status_code: number }>(
      `select username, route, region_code, target, status_code from audit_log where action = 'write' and method = 'POST' and route like '%enterprises'`,
    );
    expect(rows).toContainEqual({ username: 'plain', route: '/api/r/:region/enterprises', region_code: '331081', target: 'f1', status_code: 201 });
  });
});
