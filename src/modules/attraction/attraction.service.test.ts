import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { insertCandidates, type NewCandidate } from './attraction.seed.ts';

const WENLING = '331081';

function candidate(id: string, overrides: Partial<NewCandidate>): NewCandidate {
  return { regionCode: WENLING, id, name: `候选${id}`, homeRegionCode: '330100', nodeIds: [], isSynthetic: true, ...overrides };
}

describe.each(testBackends())('attraction candidates on %s', (backend) => {
  let t: TestApp;
  let staff: Client;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const inserted = await insertCandidates(t.database.db, [
      candidate('a', { nodeIds: ['pump.seals', 'pump.castings', 'pump.seals'], revenueWan: 50_000, growthRate: 0.1, distanceKm: 120, isListed: true }),
      candidate('b', { nodeIds: ['pump.seals'], revenueWan: 90_000, growthRate: 0.3, distanceKm: 300, homeRegionCode: '310115' }),
      candidate('c', { nodeIds: ['chip.controller'], revenueWan: null, growthRate: 0.05, distanceKm: 40, homeRegionCode: '331002' }),
    ]);
    expect(inserted).toBe(3);
    staff = await t.signIn({ username: 'zhao', role: 'attraction' });
  });
  afterAll(() => t.close());

  const ids = async (query: string) => {
    const res = await staff.request('GET', `/api/r/${WENLING}/candidates${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((c: { id: string }) => c.id);
  };

  it('lists candidates, biggest first by default, with their nodes', async () => {
    const body = (await staff.request('GET', `/api/r/${WENLING}/candidates`)).json();
    expect(body.total).toBe(3);
    expect(body.items.map((c: { id: string }) => c.id)).toEqual(['b', 'a', 'c']);
    expect(body.items[1]).toMatchObject({ nodeIds: ['pump.castings', 'pump.seals'], isListed: true, revenueWan: 50_000, growthRate: 0.1, distanceKm: 120 });
  });

  it('filters by node, listing and home region', async () => {
    expect(await ids('?node=pump.seals')).toEqual(['b', 'a']);
    expect(await ids('?node=chip.controller')).toEqual(['c']);
    expect(await ids('?node=none')).toEqual([]);
    expect(await ids('?listed=true')).toEqual(['a']);
    expect(await ids('?home=3310')).toEqual(['c']);
  });

  it('sorts by growth, distance and name, and pages', async () => {
    expect(await ids('?sort=growth')).toEqual(['b', 'a', 'c']);
    expect(await ids('?sort=distance')).toEqual(['c', 'a', 'b']);
    expect(await ids('?sort=revenue&order=asc')).toEqual(['a', 'b', 'c']);
    expect(await ids('?sort=distance&pageSize=2&page=2')).toEqual(['b']);
  });

  it('answers 404 for a region outside the user scope', async () => {
    const other = await t.signIn({ username: 'ningbo', role: 'attraction', regions: ['3302'] });
    expect((await other.request('GET', `/api/r/${WENLING}/candidates`)).statusCode).toBe(404);
  });
});
