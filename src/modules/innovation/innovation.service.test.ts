import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { enterprises } from '../enterprises/enterprises.schema.ts';
import { insertChokepoints, insertPlatformMembers, insertPlatforms, insertResearchProjects, type NewChokepoint } from './innovation.seed.ts';

const WENLING = '331081';
const CENTRE = 'cnc-centre';

function chokepoint(id: string, overrides: Partial<NewChokepoint>): NewChokepoint {
  return { regionCode: WENLING, id, chainId: 'machine-tools', platformId: CENTRE, title: `问题${id}`, status: 'open', isSynthetic: true, ...overrides };
}

describe.each(testBackends())('innovation on %s', (backend) => {
  let t: TestApp;
  let staff: Client;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const db = t.database.db;
    await db.insert(enterprises).values({ regionCode: WENLING, id: 'e1', name: '某机床', isSynthetic: true });
    // Children ahead of their parents in the input: insertPlatforms inserts parents first.
    await insertPlatforms(db, [
      { regionCode: WENLING, id: 'alliance', nameZh: '浙江省数控机床产业技术联盟', kind: 'alliance', parentId: CENTRE },
      { regionCode: WENLING, id: 'body-1', nameZh: '示例创新体', kind: 'service_center', parentId: CENTRE, isSynthetic: true },
      { regionCode: WENLING, id: CENTRE, nameZh: '浙江省高档数控机床技术创新中心', kind: 'innovation_center', foundedOn: '2023-07', partner: '浙江大学', chainId: 'machine-tools' },
      { regionCode: WENLING, id: 'pump-test', nameZh: '国家水泵产品质量检验检测中心(浙江)', kind: 'test_center', chainId: 'pump' },
    ]);
    await insertPlatformMembers(db, [
      { regionCode: WENLING, platformId: 'alliance', memberId: 'm1', memberName: '某机床', memberKind: 'firm', enterpriseId: 'e1', isSynthetic: true },
      { regionCode: WENLING, platformId: 'alliance', memberId: 'm2', memberName: '浙江大学', memberKind: 'university' },
      { regionCode: WENLING, platformId: 'alliance', memberId: 'm3', memberName: '示例研究所', memberKind: 'institute', isSynthetic: true },
    ]);
    await insertChokepoints(db, [
      chokepoint('c1', { link: '主机', commonTech: '数字化设计', scenario: '模具', openedOn: '2024-01-01' }),
      chokepoint('c2', { link: '主机', commonTech: '数字化设计', scenario: '模具', status: 'solved', solverKind: 'open_call', openedOn: '2024-02-01', solvedOn: '2025-01-01' }),
      chokepoint('c3', { link: '功能部件', commonTech: '高性能零部件', scenario: '航空', status: 'in_progress', openedOn: '2024-03-01' }),
      chokepoint('c4', { chainId: 'pump', platformId: null, link: null, commonTech: null, scenario: '模具' }),
    ]);
    await insertResearchProjects(db, [
      { regionCode: WENLING, id: 'r1', title: '五轴加工', level: 'national', platformId: CENTRE, chainId: 'machine-tools', chokepointId: 'c2', startedOn: '2024-06-01', isSynthetic: true },
      { regionCode: WENLING, id: 'r2', title: '涂层', level: 'provincial', chainId: 'machine-tools', startedOn: '2023-06-01', budgetWan: 300, isSynthetic: true },
    ]);
    staff = await t.signIn({ username: 'ino', role: 'innovation' });
  });
  afterAll(() => t.close());

  const get = async (path: string) => {
    const res = await staff.request('GET', `/api/r/${WENLING}${path}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const ids = (body: { items: { id: string }[] }) => body.items.map((p) => p.id);

  it('lists platforms with member counts, filtered by kind and parent', async () => {
    const all = await get('/platforms');
    expect(all.total).toBe(4);
    const byId = new Map(all.items.map((p: { id: string; memberCount: number }) => [p.id, p]));
    expect(byId.get('alliance')).toMatchObject({ memberCount: 3, parentId: CENTRE, isSynthetic: false });
    expect(byId.get(CENTRE)).toMatchObject({ memberCount: 0, foundedOn: '2023-07', partner: '浙江大学', note: null });
    expect(ids(await get('/platforms?kind=test_center'))).toEqual(['pump-test']);
    expect((await get(`/platforms?parent=${CENTRE}`)).total).toBe(2);
    const paged = await get('/platforms?pageSize=1&page=2');
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBe(4);
  });

  it('shows a platform with its children and members', async () => {
    const centre = await get(`/platforms/${CENTRE}`);
    expect(centre.platform.id).toBe(CENTRE);
    expect(centre.children.map((c: { id: string }) => c.id).sort()).toEqual(['alliance', 'body-1']);
    const alliance = await get('/platforms/alliance');
    expect(alliance.members).toHaveLength(3);
    expect(alliance.members.find((m: { memberId: string }) => m.memberId === 'm1')).toEqual({ memberId: 'm1', memberName: '某机床', memberKind: 'firm', enterpriseId: 'e1', isSynthetic: true });
  });

  it('lists chokepoints newest first with filters', async () => {
    expect(ids(await get('/chokepoints'))).toEqual(['c3', 'c2', 'c1', 'c4']);
    expect(ids(await get('/chokepoints?chain=pump'))).toEqual(['c4']);
    expect(ids(await get(`/chokepoints?link=${encodeURIComponent('主机')}`))).toEqual(['c2', 'c1']);
    expect(ids(await get(`/chokepoints?commonTech=${encodeURIComponent('高性能零部件')}`))).toEqual(['c3']);
    expect(ids(await get(`/chokepoints?scenario=${encodeURIComponent('模具')}&status=open`))).toEqual(['c1', 'c4']);
    expect((await get('/chokepoints?status=solved')).items[0]).toMatchObject({ id: 'c2', solverKind: 'open_call', solvedOn: '2025-01-01' });
    const page2 = await get('/chokepoints?pageSize=3&page=2');
    expect(ids(page2)).toEqual(['c4']);
  });

  it('counts chokepoints by common technology × scenario, by link and by status', async () => {
    const m = await get(`/chokepoints/matrix?chain=machine-tools`);
    expect(m.total).toBe(3);
    expect(m.byStatus).toEqual({ open: 1, inProgress: 1, solved: 1 });
    const cell = (tech: string, scenario: string) => m.counts[m.commonTechs.indexOf(tech)][m.scenarios.indexOf(scenario)];
    expect(cell('数字化设计', '模具')).toBe(2);
    expect(cell('高性能零部件', '航空')).toBe(1);
    expect(cell('高性能零部件', '模具')).toBe(0);
    expect(m.byLink).toEqual(expect.arrayContaining([{ link: '主机', count: 2, solved: 1 }, { link: '功能部件', count: 1, solved: 0 }]));
    const all = await get('/chokepoints/matrix');
    expect(all.total).toBe(4);
    expect(all.commonTechs.at(-1)).toBeNull();
    expect(all.byLink.at(-1)).toEqual({ link: null, count: 1, solved: 0 });
  });

  it('lists research projects newest first, filtered by level and platform', async () => {
    expect(ids(await get('/research-projects'))).toEqual(['r1', 'r2']);
    expect(ids(await get('/research-projects?level=provincial'))).toEqual(['r2']);
    expect(ids(await get(`/research-projects?platform=${CENTRE}`))).toEqual(['r1']);
    expect((await get('/research-projects?level=provincial')).items[0]).toMatchObject({ budgetWan: 300, chokepointId: null });
  });

  it('answers 404 for an unknown platform and for a region outside the user scope', async () => {
    expect((await staff.request('GET', `/api/r/${WENLING}/platforms/nope`)).statusCode).toBe(404);
    const other = await t.signIn({ username: 'ningbo', role: 'innovation', regions: ['3302'] });
    for (const path of ['/platforms', `/platforms/${CENTRE}`, '/chokepoints', '/chokepoints/matrix', '/research-projects']) {
      expect((await other.request('GET', `/api/r/${WENLING}${path}`)).statusCode, path).toBe(404);
    }
  });

  it('refuses a founding date that is not YYYY, YYYY-MM or YYYY-MM-DD', async () => {
    await expect(insertPlatforms(t.database.db, [{ regionCode: WENLING, id: 'bad', nameZh: 'x', kind: 'lab', foundedOn: 'July 2023' }])).rejects.toThrow();
  });
});
