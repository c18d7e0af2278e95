import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import {
  type Chain,
  type ChainDetail,
  type ChainGroup,
  ChainGroupKind,
  type ChainNode,
  type ChainRole,
  ChainRoleKind,
  type ChainTarget,
  type IndustryClass,
  type NodeInput,
  Tier,
} from './chains.model.ts';
import { type ChainGroupRow, type ChainRow, ChainsRepo, type NodeFilter, type NodeRow, type RoleRow, type TargetRow, type Window } from './chains.repo.ts';

/** Reads of a region's chain strategy: groups, chains with their nodes, inputs, roles and targets. */
export class ChainsService {
  private readonly repo: ChainsRepo;

  constructor(db: Db) {
    this.repo = new ChainsRepo(db);
  }

  async listGroups(regionCode: string): Promise<{ items: ChainGroup[]; total: number }> {
    const items = (await this.repo.listGroups(regionCode)).map(toGroup);
    return { items, total: items.length };
  }

  async listChains(filter: { regionCode: string; groupId?: string | undefined } & Window): Promise<{ items: Chain[]; total: number }> {
    const { rows, total } = await this.repo.listChains(filter);
    return { items: rows.map(toChain), total };
  }

  /** One chain with everything a chain map needs; 404 when the region has no such chain. */
  async detail(regionCode: string, id: string): Promise<ChainDetail> {
    const row = await this.repo.getChain(regionCode, id);
    if (!row) throw new DomainError('NOT_FOUND', { field: 'id', reason: 'no such chain' }, 'not found');
    const [nodes, inputs, roles, targets] = await Promise.all([
      this.repo.nodesOfChain(regionCode, id),
      this.repo.listInputs({ regionCode, chainId: id, limit: 10_000, offset: 0 }),
      this.repo.rolesOfChain(regionCode, id),
      this.repo.targetsOfChain(regionCode, id),
    ]);
    return { chain: toChain(row), nodes: nodes.map(toNode), inputs: inputs.rows, roles: roles.map(toRole), targets: targets.map(toTarget) };
  }

  async listNodes(filter: NodeFilter): Promise<{ items: ChainNode[]; total: number }> {
    const { rows, total } = await this.repo.listNodes(filter);
    return { items: rows.map(toNode), total };
  }

  async listInputs(filter: { regionCode: string; chainId?: string | undefined } & Window): Promise<{ items: NodeInput[]; total: number }> {
    const { rows, total } = await this.repo.listInputs(filter);
    return { items: rows, total };
  }

  async listIndustryClasses(filter: { q?: string | undefined } & Window): Promise<{ items: IndustryClass[]; total: number }> {
    const { rows, total } = await this.repo.listIndustryClasses(filter);
    return { items: rows, total };
  }
}

function toGroup(row: ChainGroupRow): ChainGroup {
  return { id: row.id, kind: ChainGroupKind.parse(row.kind), nameZh: row.nameZh, nameEn: row.nameEn, sort: row.sort, chainCount: row.chainCount };
}

function toChain(row: ChainRow): Chain {
  return {
    id: row.id,
    groupId: row.groupId,
    groupKind: ChainGroupKind.parse(row.groupKind),
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    sort: row.sort,
    version: row.version,
    nodeCount: row.nodeCount,
  };
}

export function toNode(row: NodeRow): ChainNode {
  return {
    id: row.id,
    chainId: row.chainId,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    tier: Tier.parse(row.tier),
    industryCodes: row.industryCodes,
    boneZh: row.boneZh,
    boneEn: row.boneEn,
    isKeyNode: row.isKeyNode,
    sort: row.sort,
    version: row.version,
  };
}

export function toRole(row: RoleRow): ChainRole {
  return { id: row.id, kind: ChainRoleKind.parse(row.kind), nameZh: row.nameZh, nameEn: row.nameEn, note: row.note, isAssumption: row.isAssumption };
}

function toTarget(row: TargetRow): ChainTarget {
  return { year: row.year, outputWan: Number(row.outputWan), nameZh: row.nameZh, isAssumption: row.isAssumption, source: row.source };
}
