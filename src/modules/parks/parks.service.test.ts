import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { WENLING_PARKS } from './wenling.ts';
import { orderParentsFirst, type Park } from './parks.model.ts';
import { seedParks } from './parks.seed.ts';

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

describe('orderParentsFirst', () => {
  it('puts a parent ahead of its children and keeps the order otherwise', () => {
    const ordered = orderParentsFirst([{ id: 'zone', parentId: 'park' }, { id: 'park' }, { id: 'other' }]);
    expect(ordered.map((p) => p.id)).toEqual(['park', 'zone', 'other']);
  });

  it('refuses a parent that is not in the list', () => {
    expect(() => orderParentsFirst([{ id: 'zone', parentId: 'nowhere' }])).toThrow('parent nowhere is not in the list');
  });
});

describe.each(testBackends())('park reads on %s', (backend) => {
  let t: TestApp;
  let viewer: Client;
  const list = async (query: string): Promise<Page<Park>> => {
    const res = await viewer.request('GET', `/api/r/331081/parks${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedParks(t.database.db, '331081', WENLING_PARKS);
    viewer = await t.signIn({ username: 'park-viewer', role: 'viewer' });
  });
  afterAll(() => t.close());

  it('lists the "1+2+N" platforms and the "两城两湖" zones in data order', async () => {
    const all = await list('?pageSize=100');
    expect(all.total).toBe(WENLING_PARKS.length);
    expect(all.items.map((p) => p.id)).toEqual(WENLING_PARKS.map((p) => p.id));
    expect((await list('?kind=main')).items.map((p) => p.nameZh)).toEqual(['温岭经济开发区']);
    expect((await list('?kind=thousand_mu')).items.map((p) => p.id)).toEqual(['pump-park', 'chip-park']);
    expect((await list(`?frame=${encodeURIComponent('两城两湖')}`)).items.map((p) => p.id)).toEqual(['jiulonghu', 'longmenhu']);
    expect((await list('?parent=jiulonghu')).items.map((p) => p.areaMu)).toEqual([117, 150, null]);
  });

  it('carries areas the article gives and leaves the others empty', async () => {
    const byId = new Map((await list('?pageSize=100')).items.map((p) => [p.id, p]));
    expect(byId.get('laser-park')?.areaMu).toBe(220);
    expect(byId.get('pump-park-2a')).toMatchObject({ parentId: 'pump-park', kind: 'zone', areaMu: null, townCode: '331081101', isLocationApproximate: true, isSynthetic: false });
    expect(byId.get('pump-park-2a')?.statusZh).toContain('20亩');
    expect(byId.get('pump-park-2a')?.lon).toBeCloseTo(121.282, 3);
    expect(byId.get('chip-park')).toMatchObject({ townCode: null, lon: null, lat: null });
  });

  it('pages, answers one park, and 404 for an unknown park', async () => {
    const second = await list('?page=2&pageSize=4');
    expect(second).toMatchObject({ total: WENLING_PARKS.length, page: 2, pageSize: 4 });
    expect(second.items.map((p) => p.id)).toEqual(WENLING_PARKS.slice(4, 8).map((p) => p.id));
    const one = await viewer.request('GET', '/api/r/331081/parks/laser-park');
    expect(one.json()).toMatchObject({ nameZh: '激光产业园', areaMu: 220 });
    expect((await viewer.request('GET', '/api/r/331081/parks/nowhere')).statusCode).toBe(404);
    expect((await viewer.request('GET', '/api/r/331081/parks?kind=castle')).statusCode).toBe(400);
  });

  it('answers 404 to a user scoped to another city', async () => {
    const ningbo = await t.signIn({ username: 'nb-viewer', role: 'viewer', regions: ['3302'] });
    expect((await ningbo.request('GET', '/api/r/331081/parks')).statusCode).toBe(404);
    expect((await ningbo.request('GET', '/api/r/331081/parks/laser-park')).statusCode).toBe(404);
  });

  it('re-seeds idempotently', async () => {
    expect(await seedParks(t.database.db, '331081', WENLING_PARKS)).toBe(WENLING_PARKS.length);
    const rows = await t.database.query<{ n: number | string }>(`select count(*) as n from parks where region_code = '331081'`);
    expect(Number(rows[0]?.n)).toBe(WENLING_PARKS.length);
  });
});
