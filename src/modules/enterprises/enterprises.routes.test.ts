import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { seedTaxonomy } from '../chains/chains.seed.ts';
import { WENLING_TAXONOMY } from '../chains/taxonomy/wenling.ts';
import { enterpriseNodes, enterprises } from './enterprises.schema.ts';
import { sortKeyOf } from './enterprises.service.ts';

const FIRMS = [
  { id: 'a', name: '大浪泵业', foundedYear: 2001, townCode: '331081101', isListed: true, node: 'pump.pumps' },
  { id: 'b', name: '安达铸造', foundedYear: 1995, townCode: '331081101', isListed: false, node: 'pump.castings-iron' },
  { id: 'c', name: '长城数控', foundedYear: 2010, townCode: '331081107', isListed: false, node: 'machine-tool.cutting' },
];

describe.each(testBackends())('firm list filters (%s)', (backend) => {
  let t: TestApp;
  let c: Client;
  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedTaxonomy(t.database.db, WENLING_TAXONOMY);
    await t.database.db.insert(enterprises).values(FIRMS.map(({ node: _n, ...f }) => ({ regionCode: '331081', ...f, nameSortKey: sortKeyOf(f.name) })));
    await t.database.db.insert(enterpriseNodes).values(FIRMS.map((f) => ({ regionCode: '331081', enterpriseId: f.id, nodeId: f.node, isPrimary: true })));
    c = await t.signIn({ username: 'lister', role: 'viewer' });
  });
  afterAll(() => t.close());

  const ids = async (query: string) => {
    const res = await c.request('GET', `/api/r/331081/enterprises?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().items.map((e: { id: string }) => e.id);
  };

  it('sorts by pinyin name by default and by founding year on request', async () => {
    expect(await ids('')).toEqual(['b', 'c', 'a']); // an, chang, da
    expect(await ids('sort=founded')).toEqual(['b', 'a', 'c']);
    expect(await ids('sort=-founded')).toEqual(['c', 'a', 'b']);
  });

  it('filters by chain, node, town and listed', async () => {
    expect(await ids('chain=pump')).toEqual(['b', 'a']);
    expect(await ids('node=machine-tool.cutting')).toEqual(['c']);
    expect(await ids('town=331081101')).toEqual(['b', 'a']);
    expect(await ids('listed=true')).toEqual(['a']);
    expect(await ids('chain=pump&listed=false')).toEqual(['b']);
  });

  it('names a bad filter value', async () => {
    const res = await c.request('GET', '/api/r/331081/enterprises?town=abc');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('town');
  });
});
