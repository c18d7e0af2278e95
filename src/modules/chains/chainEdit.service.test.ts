import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';
import { auditLog } from '../auth/auth.schema.ts';
import { seedChainMapFixture } from './chainMap.fixture.ts';
import type { Chain, ChainDetail, ChainNode, ChainRole } from './chains.model.ts';

const R = '/api/r/331081';

describe.each(testBackends())('chain editing on %s', (backend) => {
  let t: TestApp;
  let analyst: Client;
  let chief: Client;
  let viewer: Client;
  const detail = async (): Promise<ChainDetail> => (await analyst.request('GET', `${R}/chains/tp`)).json();
  const auditTargets = async (route: string): Promise<(string | null)[]> =>
    (await t.database.db.select({ target: auditLog.target }).from(auditLog).where(and(eq(auditLog.route, route), eq(auditLog.statusCode, 200)))).map((r) => r.target);

  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedChainMapFixture(t.database.db);
    analyst = await t.signIn({ username: 'edit-analyst', role: 'analyst' });
    chief = await t.signIn({ username: 'edit-chief', role: 'chief' });
    viewer = await t.signIn({ username: 'edit-viewer', role: 'viewer' });
  });
  afterAll(() => t.close());

  it('creates a chain in a group, refuses a taken id (409) and an unknown group (400 naming groupId)', async () => {
    const created = await analyst.request('POST', `${R}/chains`, { id: 'valves', groupId: 'pillar', nameZh: '阀门' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id: 'valves', version: 1, nodeCount: 0 });
    expect((await analyst.request('POST', `${R}/chains`, { id: 'valves', groupId: 'pillar', nameZh: '阀门' })).statusCode).toBe(409);
    const badGroup = await analyst.request('POST', `${R}/chains`, { id: 'x', groupId: 'nope', nameZh: 'x' });
    expect(badGroup.statusCode).toBe(400);
    expect(badGroup.json().error.field).toBe('groupId');
  });

  it('updates a chain with its version; the second, stale edit gets 409 and the current record', async () => {
    const first = await chief.request('PATCH', `${R}/chains/tp`, { version: 1, nameZh: '泵与电机' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Chain>()).toMatchObject({ nameZh: '泵与电机', version: 2 });
    const stale = await analyst.request('PATCH', `${R}/chains/tp`, { version: 1, nameZh: '水泵' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STALE_VERSION', field: 'version', details: { current: { nameZh: '泵与电机', version: 2 } } });
    expect((await detail()).chain.nameZh).toBe('泵与电机');
    expect(await auditTargets('/api/r/:region/chains/:id')).toEqual(['chain:tp']);
  });

  it('adds a node and edits it under optimistic locking; unknown classes are refused naming industryCodes', async () => {
    const node = { id: 'tp.seals', nameZh: '密封件', tier: 'up', industryCodes: ['2913'], boneZh: '核心零部件' };
    const created = await analyst.request('POST', `${R}/chains/tp/nodes`, node);
    expect(created.statusCode, created.body).toBe(201);
    const badCode = await analyst.request('POST', `${R}/chains/tp/nodes`, { ...node, id: 'tp.x', industryCodes: ['0000'] });
    expect(badCode.json().error).toMatchObject({ field: 'industryCodes' });
    const edited = await analyst.request('PATCH', `${R}/chains/tp/nodes/tp.seals`, { version: 1, nameZh: '机械密封' });
    expect(edited.json<ChainNode>()).toMatchObject({ nameZh: '机械密封', version: 2, boneZh: '核心零部件' });
    const stale = await analyst.request('PATCH', `${R}/chains/tp/nodes/tp.seals`, { version: 1, isKeyNode: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ id: 'tp.seals', version: 2, isKeyNode: false });
    expect((await analyst.request('PATCH', `${R}/chains/valves/nodes/tp.seals`, { version: 2 })).statusCode).toBe(404);
    expect(await auditTargets('/api/r/:region/chains/:id/nodes/:nodeId')).toEqual(['node:tp.seals']);
  });

  it('adds and removes input edges and refuses one that closes a cycle with a 400 naming toNodeId', async () => {
    const added = await analyst.request('POST', `${R}/chains/tp/inputs`, { fromNodeId: 'tp.seals', toNodeId: 'tp.pumps' });
    expect(added.statusCode, added.body).toBe(201);
    const cycle = await analyst.request('POST', `${R}/chains/tp/inputs`, { fromNodeId: 'tp.pumps', toNodeId: 'tp.castings' });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.field).toBe('toNodeId');
    expect(cycle.json().error.reason).toContain('cycle');
    expect((await analyst.request('POST', `${R}/chains/tp/inputs`, { fromNodeId: 'tp.seals', toNodeId: 'tp.pumps' })).statusCode).toBe(409);
    expect((await detail()).inputs).toContainEqual({ fromNodeId: 'tp.seals', toNodeId: 'tp.pumps', chainId: 'tp' });
    expect((await analyst.request('DELETE', `${R}/chains/tp/inputs/tp.seals/tp.pumps`)).statusCode).toBe(200);
    expect((await detail()).inputs.some((e) => e.fromNodeId === 'tp.seals')).toBe(false);
    expect((await analyst.request('DELETE', `${R}/chains/tp/inputs/tp.seals/tp.pumps`)).statusCode).toBe(404);
  });

  it('creates, edits and deletes roles; a viewer may not', async () => {
    const created = await chief.request('POST', `${R}/chains/tp/roles`, { kind: 'leadFirm', nameZh: '丁泵业' });
    expect(created.statusCode, created.body).toBe(201);
    const role: ChainRole = created.json();
    expect((await viewer.request('POST', `${R}/chains/tp/roles`, { kind: 'financier', nameZh: '产业基金' })).statusCode).toBe(403);
    expect((await viewer.request('DELETE', `${R}/chains/tp/roles/${role.id}`)).statusCode).toBe(403);
    const edited = await chief.request('PATCH', `${R}/chains/tp/roles/${role.id}`, { note: '上市整机企业' });
    expect(edited.json<ChainRole>()).toMatchObject({ kind: 'leadFirm', note: '上市整机企业' });
    expect((await detail()).roles.map((r) => r.nameZh)).toEqual(['分管副市长', '丁泵业']);
    expect((await chief.request('DELETE', `${R}/chains/tp/roles/${role.id}`)).statusCode).toBe(200);
    expect((await detail()).roles.map((r) => r.nameZh)).toEqual(['分管副市长']);
    expect(await auditTargets('/api/r/:region/chains/:id/roles/:roleId')).toEqual([`role:${role.id}`, `role:${role.id}`]);
  });

  it('puts firms on nodes and takes them off (write resource enterprises: analyst yes, chief no)', async () => {
    const url = `${R}/chains/tp/nodes/tp.motors/firms/x1`;
    expect((await chief.request('PUT', url, { isPrimary: true })).statusCode).toBe(403);
    expect((await analyst.request('PUT', url, { isPrimary: true })).statusCode).toBe(201);
    expect((await analyst.request('PUT', url, { isPrimary: false })).statusCode).toBe(200);
    const map = (await analyst.request('GET', `${R}/chains/tp/map`)).json<{ nodes: { id: string; firmCount: number; status: string }[] }>();
    expect(map.nodes.find((n) => n.id === 'tp.motors')).toMatchObject({ firmCount: 1, status: 'weak' });
    expect((await analyst.request('PUT', `${R}/chains/tp/nodes/tp.motors/firms/nobody`, {})).json().error.field).toBe('enterpriseId');
    expect((await analyst.request('DELETE', url)).statusCode).toBe(200);
    expect((await analyst.request('DELETE', url)).statusCode).toBe(404);
    expect(await auditTargets('/api/r/:region/chains/:id/nodes/:nodeId/firms/:enterpriseId')).toEqual(['membership:x1@tp.motors', 'membership:x1@tp.motors']);
  });

  it('deletes a node with its input edges under its version; a node still holding firms is refused (409 naming nodeId)', async () => {
    await analyst.request('POST', `${R}/chains/tp/nodes`, { id: 'tp.gaskets', nameZh: '垫片', tier: 'up', industryCodes: ['2913'] });
    expect((await analyst.request('POST', `${R}/chains/tp/inputs`, { fromNodeId: 'tp.gaskets', toNodeId: 'tp.pumps' })).statusCode).toBe(201);
    const stale = await analyst.request('DELETE', `${R}/chains/tp/nodes/tp.gaskets?version=7`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STALE_VERSION', details: { current: { id: 'tp.gaskets', version: 1 } } });
    expect((await chief.request('PUT', `${R}/chains/tp/nodes/tp.gaskets/firms/x1`, {})).statusCode).toBe(403);
    await analyst.request('PUT', `${R}/chains/tp/nodes/tp.gaskets/firms/x1`, {});
    const used = await analyst.request('DELETE', `${R}/chains/tp/nodes/tp.gaskets?version=1`);
    expect(used.statusCode).toBe(409);
    expect(used.json().error).toMatchObject({ code: 'CONFLICT', field: 'nodeId', reason: 'still used by firms' });
    await analyst.request('DELETE', `${R}/chains/tp/nodes/tp.gaskets/firms/x1`);
    expect((await viewer.request('DELETE', `${R}/chains/tp/nodes/tp.gaskets?version=1`)).statusCode).toBe(403);
    expect((await analyst.request('DELETE', `${R}/chains/valves/nodes/tp.gaskets?version=1`)).statusCode).toBe(404);
    expect((await analyst.request('DELETE', `${R}/chains/tp/nodes/tp.gaskets?version=1`)).statusCode).toBe(200);
    const after = await detail();
    expect(after.nodes.some((n) => n.id === 'tp.gaskets')).toBe(false);
    expect(after.inputs.some((e) => e.fromNodeId === 'tp.gaskets')).toBe(false);
    expect((await analyst.request('DELETE', `${R}/chains/tp/nodes/tp.gaskets?version=1`)).statusCode).toBe(404);
  });
});
