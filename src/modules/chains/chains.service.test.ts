import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { tenants } from '../tenants/tenants.schema.ts';
import type { Chain, ChainDetail, ChainGroup, ChainNode, IndustryClass, NodeInput } from './chains.model.ts';
import { nameSortKeyOf } from './chains.model.ts';
import { seedTaxonomy } from './chains.seed.ts';
import { INDUSTRY_CLASSES } from './taxonomy/industryClasses.ts';
import { WENLING_TAXONOMY } from './taxonomy/wenling.ts';
import type { RegionTaxonomy } from './taxonomy.types.ts';

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const NINGBO = '330203';
const nodeTotal = WENLING_TAXONOMY.chains.reduce((n, c) => n + c.nodes.length, 0);
const pumpTaxonomy = WENLING_TAXONOMY.chains.find((c) => c.id === 'pump');

/** A one-chain taxonomy for a second tenant, reusing Wenling's ids to prove that keys are per region. */
function ningboTaxonomy(): RegionTaxonomy {
  return {
    regionCode: NINGBO,
    groups: [{ kind: 'pillar', nameZh: '支柱', nameEn: 'Pillar' }],
    chains: [
      {
        id: 'pump',
        group: 'pillar',
        nameZh: '宁波泵',
        nameEn: 'Ningbo pumps',
        nodes: [
          { id: 'pump.pumps', nameZh: '泵', nameEn: 'Pumps', tier: 'mid', industryCodes: ['3441'], demo: { localShare: 0.5, firmWeight: 1 } },
          { id: 'pump.motors', nameZh: '电机', nameEn: 'Motors', tier: 'up', industryCodes: ['3812'], demo: { localShare: 0.5, firmWeight: 1 } },
        ],
        inputs: [{ from: 'pump.motors', to: 'pump.pumps' }],
        roles: [],
      },
    ],
  };
}

describe.each(testBackends())('chain taxonomy reads on %s', (backend) => {
  let t: TestApp;
  let analyst: Client;
  const get = async <T>(url: string, client: Client = analyst): Promise<T> => {
    const res = await client.request('GET', url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    await t.database.db.insert(tenants).values({ regionCode: NINGBO, nameZh: '海曙区' });
    await seedTaxonomy(t.database.db, WENLING_TAXONOMY);
    await seedTaxonomy(t.database.db, ningboTaxonomy());
    analyst = await t.signIn({ username: 'chain-analyst', role: 'analyst' });
  });
  afterAll(() => t.close());

  it('lists the "4+6+X" groups with their chain counts', async () => {
    const body = await get<{ items: ChainGroup[]; total: number }>('/api/r/331081/chain-groups');
    expect(body.items.map((g) => [g.kind, g.chainCount])).toEqual([
      ['pillar', 4],
      ['emerging', 6],
      ['future', 2],
    ]);
  });

  it('lists chains in strategy order, filtered by group and paged', async () => {
    const emerging = await get<Page<Chain>>('/api/r/331081/chains?group=emerging');
    expect(emerging.items.map((c) => c.id)).toEqual(['marine', 'land', 'robot', 'chip', 'laser', 'medical']);
    const third = await get<Page<Chain>>('/api/r/331081/chains?page=3&pageSize=5');
    expect(third).toMatchObject({ total: 12, page: 3, pageSize: 5 });
    expect(third.items.map((c) => c.id)).toEqual(['ai-computing', 'humanoid']);
    expect(third.items[0]).toMatchObject({ groupKind: 'future', nodeCount: 11, version: 1 });
  });

  it('answers one chain with its nodes, input edges, roles and targets, assumptions flagged', async () => {
    const pump = await get<ChainDetail>('/api/r/331081/chains/pump');
    expect(pump.chain).toMatchObject({ nameZh: '泵与电机', groupKind: 'pillar', nodeCount: pump.nodes.length });
    expect(pump.nodes.map((n) => n.id)).toEqual(pumpTaxonomy?.nodes.map((n) => n.id));
    expect(pump.nodes.find((n) => n.id === 'pump.motors')?.industryCodes).toEqual(['3812']);
    expect(pump.inputs).toContainEqual({ fromNodeId: 'pump.castings-iron', toNodeId: 'pump.pumps', chainId: 'pump' });
    expect(pump.inputs).toHaveLength(pumpTaxonomy?.inputs.length ?? -1);
    expect(pump.roles.find((r) => r.kind === 'chief')).toMatchObject({ id: 'pump.chief.1', isAssumption: true });
    expect(pump.roles.find((r) => r.kind === 'innovator')).toMatchObject({ nameZh: '国家水泵产品质量检验检测中心（浙江）', isAssumption: false });
    expect(pump.targets).toEqual([expect.objectContaining({ year: 2030, outputWan: 10_000_000, isAssumption: true })]);
  });

  it('answers 404 for a chain the region does not have', async () => {
    const res = await analyst.request('GET', '/api/r/331081/chains/no-such-chain');
    expect(res.statusCode).toBe(404);
  });

  it('filters nodes by chain, tier and GB/T 4754 class', async () => {
    const mid = await get<Page<ChainNode>>('/api/r/331081/nodes?chain=pump&tier=mid');
    expect(mid.items.map((n) => n.id)).toEqual(pumpTaxonomy?.nodes.filter((n) => n.tier === 'mid').map((n) => n.id));
    const pumps = await get<Page<ChainNode>>('/api/r/331081/nodes?industryCode=3441&pageSize=500');
    expect(pumps.items.map((n) => n.id)).toEqual(expect.arrayContaining(['pump.pumps', 'marine.pumps', 'robot.use-manufacturing']));
    expect(pumps.items.every((n) => n.industryCodes.includes('3441'))).toBe(true);
  });

  it('pages all nodes in chain order and sorts by pinyin name on request', async () => {
    const first = await get<Page<ChainNode>>('/api/r/331081/nodes?pageSize=10');
    expect(first.total).toBe(nodeTotal);
    expect(first.items[0]?.id).toBe('pump.steel');
    const byName = await get<Page<ChainNode>>('/api/r/331081/nodes?sort=name&pageSize=500');
    const keys = byName.items.map((n) => nameSortKeyOf(n.nameZh));
    expect(keys).toEqual([...keys].sort());
  });

  it('rejects a bad filter with the field named', async () => {
    const res = await analyst.request('GET', '/api/r/331081/nodes?industryCode=34');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toContain('industryCode');
  });

  it("lists input edges of one chain, each into that chain's nodes", async () => {
    const edges = await get<Page<NodeInput>>('/api/r/331081/node-inputs?chain=shoes&pageSize=500');
    expect(edges.total).toBe(WENLING_TAXONOMY.chains.find((c) => c.id === 'shoes')?.inputs.length);
    expect(edges.items.every((e) => e.chainId === 'shoes' && e.toNodeId.startsWith('shoes.'))).toBe(true);
  });

  it('lists the GB/T 4754-2017 classes to any signed-in user and to nobody else', async () => {
    const all = await get<Page<IndustryClass>>('/api/industry-classes?pageSize=500');
    expect(all.total).toBe(INDUSTRY_CLASSES.length);
    expect(all.items.find((c) => c.code === '3812')?.nameZh).toBe('电动机制造');
    const motors = await get<Page<IndustryClass>>('/api/industry-classes?q=381');
    expect(motors.items.map((c) => c.code)).toEqual(['3812', '3813']);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/industry-classes' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('keeps regions apart: same ids per region, 404 outside the scope', async () => {
    const ningbo = await t.signIn({ username: 'nb-analyst', role: 'analyst', regions: ['3302'] });
    const own = await get<ChainDetail>(`/api/r/${NINGBO}/chains/pump`, ningbo);
    expect(own.chain.nameZh).toBe('宁波泵');
    expect(own.nodes).toHaveLength(2);
    for (const url of ['/api/r/331081/chains', '/api/r/331081/chains/pump', '/api/r/331081/nodes', '/api/r/331081/chain-groups']) {
      const res = await ningbo.request('GET', url);
      expect(res.statusCode, url).toBe(404);
    }
    const wenlingPumps = await get<Page<ChainNode>>('/api/r/331081/nodes?chain=pump&pageSize=500');
    expect(wenlingPumps.total).toBe(pumpTaxonomy?.nodes.length);
  });

  it('re-seeds idempotently: same rows, unchanged versions; a changed node alone gets a new version', async () => {
    const again = await seedTaxonomy(t.database.db, WENLING_TAXONOMY);
    expect(again).toMatchObject({ groups: 3, chains: 12, nodes: nodeTotal });
    const counts = await t.database.query<{ nodes: number | string; inputs: number | string; roles: number | string }>(
      `select (select count(*) from chain_nodes where region_code = '331081') as nodes,
              (select count(*) from node_inputs where region_code = '331081') as inputs,
              (select count(*) from chain_roles where region_code = '331081') as roles`,
    );
    const expectedInputs = WENLING_TAXONOMY.chains.reduce((n, c) => n + c.inputs.length, 0);
    const expectedRoles = WENLING_TAXONOMY.chains.reduce((n, c) => n + c.roles.length, 0);
    expect(counts[0] && [Number(counts[0].nodes), Number(counts[0].inputs), Number(counts[0].roles)]).toEqual([nodeTotal, expectedInputs, expectedRoles]);

    const renamed: RegionTaxonomy = {
      ...WENLING_TAXONOMY,
      chains: WENLING_TAXONOMY.chains.map((c) =>
        c.id !== 'pump' ? c : { ...c, nodes: c.nodes.map((n) => (n.id === 'pump.valves' ? { ...n, nameZh: '阀门与管件' } : n)) },
      ),
    };
    await seedTaxonomy(t.database.db, renamed);
    const pump = await get<ChainDetail>('/api/r/331081/chains/pump');
    expect(pump.chain.version).toBe(1);
    expect(pump.nodes.filter((n) => n.version !== 1).map((n) => [n.id, n.nameZh, n.version])).toEqual([['pump.valves', '阀门与管件', 2]]);
  });

  it('refuses a malformed taxonomy and writes nothing', async () => {
    const broken = ningboTaxonomy();
    const chain = broken.chains[0];
    if (chain) chain.inputs.push({ from: 'pump.pumps', to: 'pump.motors' });
    await expect(seedTaxonomy(t.database.db, { ...broken, regionCode: '330205' })).rejects.toThrow('malformed taxonomy');
    const rows = await t.database.query<{ n: number | string }>(`select count(*) as n from chains where region_code = '330205'`);
    expect(Number(rows[0]?.n)).toBe(0);
  });
});
