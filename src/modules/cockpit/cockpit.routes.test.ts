import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import type { CountyCockpit } from './cockpit.model.ts';

describe.each(testBackends())('cockpit routes on a region without data (%s)', (backend) => {
  let t: TestApp;
  let viewer: Client;
  beforeAll(async () => {
    t = await createTestApp(backend);
    viewer = await t.signIn({ username: 'cockpit-viewer', role: 'viewer' });
  });
  afterAll(() => t.close());

  it('answers an empty county with zeros and nulls, never an error', async () => {
    const res = await viewer.request('GET', '/api/r/331081/cockpit');
    expect(res.statusCode, res.body).toBe(200);
    const body: CountyCockpit = res.json();
    expect(body).toMatchObject({ regionCode: '331081', regionNameZh: '温岭市', year: null, isSynthetic: false });
    expect(body.totals).toMatchObject({ outputWan: 0, growth: null, firms: 0 });
    expect(body.funds).toMatchObject({ motherSizeWan: 0, subFundCount: 0, leverage: null });
    expect(body.projects).toMatchObject({ total: 0, landed: 0, overdue: 0, key: [] });
  });

  it('answers 404 for a chain the region does not have and 400 for a year out of range', async () => {
    const chain = await viewer.request('GET', '/api/r/331081/cockpit/chains/no-such-chain');
    expect(chain.statusCode).toBe(404);
    const year = await viewer.request('GET', '/api/r/331081/cockpit?year=1800');
    expect(year.statusCode).toBe(400);
    expect(year.json().error.field ?? year.json().error.message).toMatch(/year/);
  });

  it('exports an empty county as Excel as well', async () => {
    const res = await viewer.request('GET', '/api/r/331081/cockpit/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
