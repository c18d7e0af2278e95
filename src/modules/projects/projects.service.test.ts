import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { tenants } from '../tenants/tenants.schema.ts';
import { insertLandAgreements, insertParcels, insertProjectEvents, insertProjects, type NewParcel, type NewProject } from './projects.seed.ts';

const WENLING = '331081';

function parcel(id: string, overrides: Partial<NewParcel> = {}): NewParcel {
  return { regionCode: WENLING, id, name: `地块${id}`, areaMu: 20, status: 'free', investmentPerMuWanMin: 270, isSynthetic: true, ...overrides };
}

function project(id: string, overrides: Partial<NewProject> = {}): NewProject {
  return { regionCode: WENLING, id, name: `项目${id}`, origin: 'local', stage: 'lead', chainId: 'pump', isSynthetic: true, ...overrides };
}

describe.each(testBackends())('projects and parcels on %s', (backend) => {
  let t: TestApp;
  let land: Client;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const db = t.database.db;
    await db.insert(tenants).values({ regionCode: '331082', nameZh: '临海市' });
    await insertParcels(db, [
      parcel('P1', { parkId: 'daxi', status: 'supplied', plotRatioMin: 1.2, plotRatioMax: 2.5 }),
      parcel('P2', { parkId: 'daxi', status: 'free' }),
      parcel('P3', { parkId: 'xincheng', status: 'agreed', townCode: '331081100' }),
    ]);
    await insertProjects(db, [
      project('A', { name: '大浪泵业新厂', parkId: 'daxi', parcelId: 'P1', stage: 'started', investmentWan: 30_000, landMu: 20, isKey: true }),
      project('B', { origin: 'attracted', chainId: 'chip', parkId: 'xincheng', stage: 'signed', investmentWan: 80_000 }),
      project('C', { stage: 'land_supplied', investmentWan: 5_000 }),
      project('D', { stage: 'lead' }),
      { ...project('X'), regionCode: '331082' },
    ]);
    await insertProjectEvents(db, [
      { regionCode: WENLING, projectId: 'A', stage: 'signed', plannedOn: '2024-01-10', actualOn: '2024-01-15', isSynthetic: true },
      { regionCode: WENLING, projectId: 'A', stage: 'land_supplied', plannedOn: '2024-03-01', actualOn: '2024-04-02', isSynthetic: true },
      { regionCode: WENLING, projectId: 'A', stage: 'started', plannedOn: '2024-06-01', actualOn: '2024-06-20', isSynthetic: true },
      { regionCode: WENLING, projectId: 'A', stage: 'completed', plannedOn: '2099-12-31', actualOn: null, isSynthetic: true },
      { regionCode: WENLING, projectId: 'B', stage: 'signed', plannedOn: '2025-02-01', actualOn: '2025-02-01', isSynthetic: true },
      { regionCode: WENLING, projectId: 'B', stage: 'land_supplied', plannedOn: '2025-03-01', actualOn: null, isSynthetic: true },
      { regionCode: WENLING, projectId: 'C', stage: 'land_supplied', plannedOn: null, actualOn: '2023-11-30', isSynthetic: true },
      { regionCode: '331082', projectId: 'X', stage: 'land_supplied', plannedOn: null, actualOn: '2024-05-01', isSynthetic: true },
    ]);
    await insertLandAgreements(db, [
      { regionCode: WENLING, id: 'LA1', projectId: 'A', parcelId: 'P1', signedOn: '2024-03-20', landPriceWan: 1_200, investmentPerMuWan: 300, isSynthetic: true },
    ]);
    land = await t.signIn({ username: 'lan', role: 'land' });
  });
  afterAll(() => t.close());

  const list = async (query: string) => {
    const res = await land.request('GET', `/api/r/${WENLING}/projects${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const ids = (body: { items: { id: string }[] }) => body.items.map((p) => p.id);

  it('lists the region’s projects by name, with the land date and the overdue flag', async () => {
    const body = await list('');
    expect(body.total).toBe(4);
    expect(ids(body)).toEqual(['A', 'B', 'C', 'D']);
    const a = body.items[0];
    expect(a).toMatchObject({ name: '大浪泵业新厂', stage: 'started', landedOn: '2024-04-02', isOverdue: false, isKey: true, investmentWan: 30_000, landMu: 20 });
    expect(body.items[1]).toMatchObject({ id: 'B', landedOn: null, isOverdue: true });
  });

  it('filters by origin, stage, chain, park, year landed, key and overdue', async () => {
    expect(ids(await list('?origin=attracted'))).toEqual(['B']);
    expect(ids(await list('?stage=land_supplied'))).toEqual(['C']);
    expect(ids(await list('?chain=pump'))).toEqual(['A', 'C', 'D']);
    expect(ids(await list('?park=daxi'))).toEqual(['A']);
    expect(ids(await list('?landedYear=2024'))).toEqual(['A']);
    expect(ids(await list('?landedYear=2023'))).toEqual(['C']);
    expect(ids(await list('?key=true'))).toEqual(['A']);
    expect(ids(await list('?overdue=true'))).toEqual(['B']);
    expect(ids(await list('?overdue=false'))).toEqual(['A', 'C', 'D']);
  });

  it('sorts by investment, stage and land date, empty values last', async () => {
    expect(ids(await list('?sort=investment&order=desc'))).toEqual(['B', 'A', 'C', 'D']);
    expect(ids(await list('?sort=investment'))).toEqual(['C', 'A', 'B', 'D']);
    expect(ids(await list('?sort=stage&order=desc'))).toEqual(['A', 'C', 'B', 'D']);
    expect(ids(await list('?sort=landed'))).toEqual(['C', 'A', 'B', 'D']);
  });

  it('pages', async () => {
    const first = await list('?pageSize=3');
    const second = await list('?pageSize=3&page=2');
    expect(ids(first)).toEqual(['A', 'B', 'C']);
    expect(ids(second)).toEqual(['D']);
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
  });

  it('rejects an unknown stage or sort', async () => {
    expect((await land.request('GET', `/api/r/${WENLING}/projects?stage=done`)).statusCode).toBe(400);
    expect((await land.request('GET', `/api/r/${WENLING}/projects?sort=size`)).statusCode).toBe(400);
  });

  it('shows one project with its events in pipeline order and its land agreement', async () => {
    const res = await land.request('GET', `/api/r/${WENLING}/projects/A`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.events.map((e: { stage: string }) => e.stage)).toEqual(['signed', 'land_supplied', 'started', 'completed']);
    expect(body.events.every((e: { isOverdue: boolean }) => !e.isOverdue)).toBe(true);
    expect(body.agreements).toEqual([
      expect.objectContaining({ id: 'LA1', parcelId: 'P1', landPriceWan: 1_200, investmentPerMuWan: 300, signedOn: '2024-03-20' }),
    ]);
    const b = (await land.request('GET', `/api/r/${WENLING}/projects/B`)).json();
    expect(b.events.find((e: { stage: string }) => e.stage === 'land_supplied').isOverdue).toBe(true);
  });

  it('answers 404 for a project of another region or none at all', async () => {
    expect((await land.request('GET', `/api/r/${WENLING}/projects/X`)).statusCode).toBe(404);
    expect((await land.request('GET', `/api/r/${WENLING}/projects/nope`)).statusCode).toBe(404);
  });

  it('lists parcels with their indicators, filtered by status, park and town', async () => {
    const all = (await land.request('GET', `/api/r/${WENLING}/parcels`)).json();
    expect(all.total).toBe(3);
    expect(all.items[0]).toMatchObject({ id: 'P1', areaMu: 20, status: 'supplied', investmentPerMuWanMin: 270, plotRatioMin: 1.2, plotRatioMax: 2.5, taxPerMuWanMin: null });
    expect(ids((await land.request('GET', `/api/r/${WENLING}/parcels?status=free`)).json())).toEqual(['P2']);
    expect(ids((await land.request('GET', `/api/r/${WENLING}/parcels?park=daxi`)).json())).toEqual(['P1', 'P2']);
    expect(ids((await land.request('GET', `/api/r/${WENLING}/parcels?town=331081100`)).json())).toEqual(['P3']);
  });

  it('answers 404 for a region outside the user scope', async () => {
    const other = await t.signIn({ username: 'ningbo', role: 'land', regions: ['3302'] });
    expect((await other.request('GET', `/api/r/${WENLING}/projects`)).statusCode).toBe(404);
    expect((await other.request('GET', `/api/r/${WENLING}/projects/A`)).statusCode).toBe(404);
    expect((await other.request('GET', `/api/r/${WENLING}/parcels`)).statusCode).toBe(404);
  });

  it('refuses a stage outside the pipeline at the database', async () => {
    const bad = { ...project('Z'), stage: 'done' as 'lead' };
    await expect(insertProjects(t.database.db, [bad])).rejects.toThrow();
  });
});
