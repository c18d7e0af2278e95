import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { DomainError, validationError } from '../../shared/errors.ts';
import { type ChainPatch, type Membership, type NewChain, type NewInput, type NewNode, type NewRole, type NodePatch, type RolePatch, wouldCreateCycle } from './chainEdit.model.ts';
import { ChainEditRepo } from './chainEdit.repo.ts';
import { type Chain, type ChainNode, type ChainRole, nameSortKeyOf } from './chains.model.ts';
import { ChainsService, toNode, toRole } from './chains.service.ts';

const notFound = (field: string, what: string) => new DomainError('NOT_FOUND', { field, reason: `no such ${what}` }, 'not found');

/** Edits of chains, nodes, input edges, roles and memberships; chains and nodes carry optimistic locks. */
export class ChainEditService {
  private readonly repo: ChainEditRepo;
  private readonly reads: ChainsService;

  constructor(db: Db) {
    this.repo = new ChainEditRepo(db);
    this.reads = new ChainsService(db);
  }

  async createChain(regionCode: string, input: NewChain): Promise<Chain> {
    if (!(await this.repo.hasGroup(regionCode, input.groupId))) throw validationError('groupId', 'no such chain group');
    const isNew = await this.repo.insertChain({ regionCode, id: input.id, groupId: input.groupId, nameZh: input.nameZh, nameEn: input.nameEn ?? null, sort: input.sort ?? 0 });
    if (!isNew) throw new DomainError('CONFLICT', { field: 'id', reason: 'already exists' }, `chain ${input.id} exists`);
    return (await this.reads.detail(regionCode, input.id)).chain;
  }

  async updateChain(regionCode: string, id: string, patch: ChainPatch): Promise<Chain> {
    const { version, ...changes } = patch;
    if (changes.groupId !== undefined && !(await this.repo.hasGroup(regionCode, changes.groupId))) throw validationError('groupId', 'no such chain group');
    const isUpdated = await this.repo.updateChain(regionCode, id, version, changes);
    const current = (await this.reads.detail(regionCode, id)).chain;
    if (!isUpdated) throw stale(current.version, current);
    return current;
  }

  async createNode(regionCode: string, chainId: string, input: NewNode): Promise<ChainNode> {
    await this.reads.detail(regionCode, chainId);
    await this.checkClasses(input.industryCodes);
    const row = await this.repo.insertNode({
      regionCode,
      chainId,
      ...input,
      nameEn: input.nameEn ?? null,
      boneZh: input.boneZh ?? null,
      boneEn: input.boneEn ?? null,
      nameSortKey: nameSortKeyOf(input.nameZh),
    });
    if (!row) throw new DomainError('CONFLICT', { field: 'id', reason: 'a node with this id exists in the region' }, `node ${input.id} exists`);
    return toNode(row);
  }

  async updateNode(regionCode: string, chainId: string, nodeId: string, patch: NodePatch): Promise<ChainNode> {
    const existing = await this.repo.getNode(regionCode, nodeId);
    if (!existing || existing.chainId !== chainId) throw notFound('nodeId', 'node on this chain');
    const { version, ...changes } = patch;
    if (changes.industryCodes) await this.checkClasses(changes.industryCodes);
    const row = await this.repo.updateNode(regionCode, nodeId, version, { ...changes, ...(changes.nameZh ? { nameSortKey: nameSortKeyOf(changes.nameZh) } : {}) });
    if (row) return toNode(row);
    const current = await this.repo.getNode(regionCode, nodeId);
    if (!current) throw notFound('nodeId', 'node on this chain');
    throw stale(current.version, toNode(current));
  }

  /** Deletes a node with its input edges; a node that firms, trade flows or projects still use is refused (409). */
  async deleteNode(regionCode: string, chainId: string, nodeId: string, version: number): Promise<void> {
    const existing = await this.repo.getNode(regionCode, nodeId);
    if (!existing || existing.chainId !== chainId) throw notFound('nodeId', 'node on this chain');
    const users = await this.repo.nodeUsers(regionCode, nodeId);
    if (users.length > 0) throw new DomainError('CONFLICT', { field: 'nodeId', reason: `still used by ${users.join(', ')}` }, 'node in use');
    if (await this.repo.deleteNode(regionCode, nodeId, version)) return;
    const current = await this.repo.getNode(regionCode, nodeId);
    if (!current) throw notFound('nodeId', 'node on this chain');
    throw stale(current.version, toNode(current));
  }

  /** Adds "from is consumed by to"; `to` must be on the chain, and the edge may not close a cycle. */
  async addInput(regionCode: string, chainId: string, input: NewInput): Promise<NewInput> {
    const to = await this.repo.getNode(regionCode, input.toNodeId);
    if (!to || to.chainId !== chainId) throw validationError('toNodeId', 'not a node of this chain');
    if (!(await this.repo.getNode(regionCode, input.fromNodeId))) throw validationError('fromNodeId', 'no such node');
    const edges = await this.repo.allInputs(regionCode);
    if (wouldCreateCycle(edges, input.fromNodeId, input.toNodeId)) {
      throw validationError('toNodeId', `${input.fromNodeId} → ${input.toNodeId} would close a cycle in the input edges`);
    }
    if (!(await this.repo.insertInput(regionCode, input.fromNodeId, input.toNodeId))) {
      throw new DomainError('CONFLICT', { field: 'toNodeId', reason: 'this edge exists' }, 'edge exists');
    }
    return input;
  }

  async removeInput(regionCode: string, chainId: string, input: NewInput): Promise<void> {
    const to = await this.repo.getNode(regionCode, input.toNodeId);
    if (!to || to.chainId !== chainId || !(await this.repo.deleteInput(regionCode, input.fromNodeId, input.toNodeId))) throw notFound('toNodeId', 'edge into this chain');
  }

  async createRole(regionCode: string, chainId: string, input: NewRole): Promise<ChainRole> {
    await this.reads.detail(regionCode, chainId);
    const sort = await this.repo.nextRoleSort(regionCode, chainId);
    const row = await this.repo.insertRole({
      regionCode,
      chainId,
      id: `${chainId}.role-${randomUUID().slice(0, 8)}`,
      kind: input.kind,
      nameZh: input.nameZh,
      nameEn: input.nameEn ?? null,
      note: input.note ?? null,
      isAssumption: input.isAssumption ?? false,
      sort,
    });
    if (!row) throw new DomainError('CONFLICT', { field: 'id', reason: 'role id taken; retry' }, 'role exists');
    return toRole(row);
  }

  async updateRole(regionCode: string, chainId: string, roleId: string, patch: RolePatch): Promise<ChainRole> {
    const row = await this.repo.updateRole(regionCode, chainId, roleId, patch);
    if (!row) throw notFound('roleId', 'role of this chain');
    return toRole(row);
  }

  async deleteRole(regionCode: string, chainId: string, roleId: string): Promise<void> {
    if (!(await this.repo.deleteRole(regionCode, chainId, roleId))) throw notFound('roleId', 'role of this chain');
  }

  /** Puts a firm on a node of the chain (or changes whether it is its primary node); true when new. */
  async putMembership(regionCode: string, chainId: string, m: Membership): Promise<boolean> {
    const node = await this.repo.getNode(regionCode, m.nodeId);
    if (!node || node.chainId !== chainId) throw notFound('nodeId', 'node on this chain');
    if (!(await this.repo.hasEnterprise(regionCode, m.enterpriseId))) throw notFound('enterpriseId', 'enterprise');
    return this.repo.upsertMembership(regionCode, m.enterpriseId, m.nodeId, m.isPrimary);
  }

  async removeMembership(regionCode: string, chainId: string, enterpriseId: string, nodeId: string): Promise<void> {
    const node = await this.repo.getNode(regionCode, nodeId);
    if (!node || node.chainId !== chainId || !(await this.repo.deleteMembership(regionCode, enterpriseId, nodeId))) throw notFound('enterpriseId', 'firm on this node');
  }

  private async checkClasses(codes: readonly string[]): Promise<void> {
    const unknown = await this.repo.unknownClasses(codes);
    if (unknown.length > 0) throw validationError('industryCodes', `unknown GB/T 4754 class ${unknown.join(', ')}`);
  }
}

function stale(version: number, current: unknown): DomainError {
  return new DomainError('STALE_VERSION', { field: 'version', reason: `stale: current version is ${version}`, current }, 'someone else changed this record; reload and edit again');
}
