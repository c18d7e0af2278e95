import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';

const DALANG = { id: 'dalang', name: '大浪泵业', uscc: '91350100M000100Y43', townCode: '331081101', aliases: ['大浪水泵厂'] };
const OTHERS = [
  { id: 'lida', name: '立达机电', townCode: '331081101' },
  { id: 'dongli', name: '东力模具', townCode: '331081107', aliases: ['东力精工'] },
];

describe.each(testBackends())('firm search (%s)', (backend) => {
  let t: TestApp;
  let c: Client;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const editor = await t.signIn({ username: 'editor', role: 'analyst' });
    for (const firm of [DALANG, ...OTHERS]) {
      const res = await editor.request('POST', '/api/r/331081/enterprises', firm);
      expect(res.statusCode).toBe(201);
    }
    c = await t.signIn({ username: 'searcher', role: 'viewer' });
  });
  afterAll(() => t.close());

  const search = async (q: string) => {
    const res = await c.request('GET', `/api/r/331081/enterprises?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    return res.json().items.map((e: { name: string }) => e.name);
  };

  it('finds 大浪泵业 by its pinyin initials, in any case, and by a part of them', async () => {
    expect(await search('dlby')).toEqual(['大浪泵业']);
    expect(await search('DLBY')).toEqual(['大浪泵业']);
    expect(await search('by')).toEqual(['大浪泵业']);
  });

  it('finds a firm by full pinyin, spaces ignored (模具 reads mu ju in this word)', async () => {
    expect(await search('dalangbeng')).toEqual(['大浪泵业']);
    expect(await search('mu ju')).toEqual(['东力模具']);
  });

  it('finds a firm by a part of its name or of an alias', async () => {
    expect(await search('泵业')).toEqual(['大浪泵业']);
    expect(await search('水泵厂')).toEqual(['大浪泵业']);
    expect(await search('精工')).toEqual(['东力模具']);
  });

  it('finds a firm by its USCC, lower-case or full-width', async () => {
    expect(await search('91350100m000100y43')).toEqual(['大浪泵业']);
    expect(await search('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual(['大浪泵业']);
  });

  it('combines the search with filters and pages in pinyin order', async () => {
    expect(await search('dl')).toEqual(['大浪泵业', '东力模具']);
    const res = await c.request('GET', '/api/r/331081/enterprises?q=dl&town=331081107');
    expect(res.json().items.map((e: { id: string }) => e.id)).toEqual(['dongli']);
    const page2 = await c.request('GET', '/api/r/331081/enterprises?q=dl&pageSize=1&page=2');
    expect(page2.json()).toMatchObject({ total: 2, page: 2, items: [{ id: 'dongli' }] });
    const pastTheEnd = await c.request('GET', '/api/r/331081/enterprises?q=dl&pageSize=1&page=5');
    expect(pastTheEnd.json()).toMatchObject({ total: 2, page: 5, items: [] });
    const none = await c.request('GET', '/api/r/331081/enterprises?q=zzzz');
    expect(none.json()).toMatchObject({ total: 0, items: [] });
  });

  it('finds a renamed firm by the pinyin of its new name only', async () => {
    const editor = await t.signIn({ username: 'renamer', role: 'analyst' });
    const res = await editor.request('PATCH', '/api/r/331081/enterprises/lida', { version: 1, name: '立达新材料' });
    expect(res.statusCode).toBe(200);
    expect(await search('ldxcl')).toEqual(['立达新材料']);
    expect(await search('ldjd')).toEqual([]);
  });

  it('treats LIKE wildcards as plain text', async () => {
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
  });

  it('lists the towns of the county for the filter', async () => {
    const res = await c.request('GET', '/api/r/331081/towns');
    expect(res.statusCode).toBe(200);
    const towns: { code: string; nameZh: string }[] = res.json().items;
    expect(towns.length).toBeGreaterThan(10);
    expect(towns.every((town) => town.code.startsWith('331081'))).toBe(true);
  });
});
