import { and, arrayContains, asc, count, eq, getTableColumns, ilike, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { chainGroups, chainNodes, chainRoles, chains, chainTargets, industryClasses, nodeInputs } from './chains.schema.ts';

export type ChainGroupRow = typeof chainGroups.$inferSelect & { chainCount: number };
export type ChainRow = typeof chains.$inferSelect & { groupKind: string; nodeCount: number };
export type NodeRow = typeof chainNodes.$inferSelect;
export type RoleRow = typeof chainRoles.$inferSelect;
export type TargetRow = typeof chainTargets.$inferSelect;
export interface InputRow {
  fromNodeId: string;
  toNodeId: string;
  chainId: string;
}

export interface Window {
  limit: number;
  offset: number;
}

export interface NodeFilter extends Window {
  regionCode: string;
  chainId?: string | undefined;
  tier?: string | undefined;
  industryCode?: string | undefined;
  sort: 'sort' | 'name';
}

const toNode = alias(chainNodes, 'to_node');

/** SQL of the chain module: the only file that reads chain tables. */
export class ChainsRepo {
  constructor(private readonly db: Db) {}

  async listGroups(regionCode: string): Promise<ChainGroupRow[]> {
    // Written out: Drizzle leaves columns unqualified in a one-table select, which would make this correlation vacuous.
    const chainCount = sql<number>`(select count(*) from chains c where c.region_code = chain_groups.region_code and c.group_id = chain_groups.id)`;
    const rows = await this.db
      .select({ ...getTableColumns(chainGroups), chainCount })
      .from(chainGroups)
      .where(eq(chainGroups.regionCode, regionCode))
      .orderBy(asc(chainGroups.sort), asc(chainGroups.id));
    return rows.map((r) => ({ ...r, chainCount: Number(r.chainCount) }));
  }

  async listChains(filter: { regionCode: string; groupId?: string | undefined } & Window): Promise<{ rows: ChainRow[]; total: number }> {
    const where = and(eq(chains.regionCode, filter.regionCode), filter.groupId ? eq(chains.groupId, filter.groupId) : undefined);
    const rows = await this.selectChains(where).limit(filter.limit).offset(filter.offset);
    const totals = await this.db.select({ n: count() }).from(chains).where(where);
    return { rows: rows.map(withCounts), total: Number(totals[0]?.n ?? 0) };
  }

  async getChain(regionCode: string, id: string): Promise<ChainRow | undefined> {
    const rows = await this.selectChains(and(eq(chains.regionCode, regionCode), eq(chains.id, id))).limit(1);
    return rows.map(withCounts)[0];
  }

  async nodesOfChain(regionCode: string, chainId: string): Promise<NodeRow[]> {
    return this.db
      .select()
      .from(chainNodes)
      .where(and(eq(chainNodes.regionCode, regionCode), eq(chainNodes.chainId, chainId)))
      .orderBy(asc(chainNodes.sort), asc(chainNodes.id));
  }

  async rolesOfChain(regionCode: string, chainId: string): Promise<RoleRow[]> {
    return this.db
      .select()
      .from(chainRoles)
      .where(and(eq(chainRoles.regionCode, regionCode), eq(chainRoles.chainId, chainId)))
      .orderBy(asc(chainRoles.sort), asc(chainRoles.id));
  }

  async targetsOfChain(regionCode: string, chainId: string): Promise<TargetRow[]> {
    return this.db
      .select()
      .from(chainTargets)
      .where(and(eq(chainTargets.regionCode, regionCode), eq(chainTargets.chainId, chainId)))
      .orderBy(asc(chainTargets.year));
  }

  async listNodes(filter: NodeFilter): Promise<{ rows: NodeRow[]; total: number }> {
    const where = and(
      eq(chainNodes.regionCode, filter.regionCode),
      filter.chainId ? eq(chainNodes.chainId, filter.chainId) : undefined,
      filter.tier ? eq(chainNodes.tier, filter.tier) : undefined,
      filter.industryCode ? arrayContains(chainNodes.industryCodes, [filter.industryCode]) : undefined,
    );
    const order = filter.sort === 'name' ? [asc(chainNodes.nameSortKey), asc(chainNodes.id)] : [asc(chains.sort), asc(chainNodes.sort), asc(chainNodes.id)];
    const rows = await this.db
      .select(getTableColumns(chainNodes))
      .from(chainNodes)
      .innerJoin(chains, and(eq(chains.regionCode, chainNodes.regionCode), eq(chains.id, chainNodes.chainId)))
      .where(where)
      .orderBy(...order)
      .limit(filter.limit)
      .offset(filter.offset);
    const totals = await this.db.select({ n: count() }).from(chainNodes).where(where);
    return { rows, total: Number(totals[0]?.n ?? 0) };
  }

  /** Edges into the nodes of one chain (or of every chain), ordered by chain, supplier, buyer. */
  async listInputs(filter: { regionCode: string; chainId?: string | undefined } & Window): Promise<{ rows: InputRow[]; total: number }> {
    const where = and(eq(nodeInputs.regionCode, filter.regionCode), filter.chainId ? eq(toNode.chainId, filter.chainId) : undefined);
    const base = this.db
      .select({ fromNodeId: nodeInputs.fromNodeId, toNodeId: nodeInputs.toNodeId, chainId: toNode.chainId })
      .from(nodeInputs)
      .innerJoin(toNode, and(eq(toNode.regionCode, nodeInputs.regionCode), eq(toNode.id, nodeInputs.toNodeId)))
      .innerJoin(chains, and(eq(chains.regionCode, toNode.regionCode), eq(chains.id, toNode.chainId)))
      .where(where);
    const rows = await base.orderBy(asc(chains.sort), asc(nodeInputs.fromNodeId), asc(nodeInputs.toNodeId)).limit(filter.limit).offset(filter.offset);
    const totals = await this.db
      .select({ n: count() })
      .from(nodeInputs)
      .innerJoin(toNode, and(eq(toNode.regionCode, nodeInputs.regionCode), eq(toNode.id, nodeInputs.toNodeId)))
      .where(where);
    return { rows, total: Number(totals[0]?.n ?? 0) };
  }

  async listIndustryClasses(filter: { q?: string | undefined } & Window): Promise<{ rows: (typeof industryClasses.$inferSelect)[]; total: number }> {
    const q = filter.q;
    const where = q ? or(like(industryClasses.code, `${escapeLike(q)}%`), ilike(industryClasses.nameZh, `%${escapeLike(q)}%`), ilike(industryClasses.nameEn, `%${escapeLike(q)}%`)) : undefined;
    const rows = await this.db.select().from(industryClasses).where(where).orderBy(asc(industryClasses.code)).limit(filter.limit).offset(filter.offset);
    const totals = await this.db.select({ n: count() }).from(industryClasses).where(where);
    return { rows, total: Number(totals[0]?.n ?? 0) };
  }

  private selectChains(where: SQL | undefined) {
    const nodeCount = sql<number>`(select count(*) from chain_nodes n where n.region_code = chains.region_code and n.chain_id = chains.id)`;
    return this.db
      .select({ ...getTableColumns(chains), groupKind: chainGroups.kind, nodeCount })
      .from(chains)
      .innerJoin(chainGroups, and(eq(chainGroups.regionCode, chains.regionCode), eq(chainGroups.id, chains.groupId)))
      .where(where)
      .orderBy(asc(chainGroups.sort), asc(chains.sort), asc(chains.id))
      .$dynamic();
  }
}

// count(*) arrives as a string on node-postgres (bigint) and as a number on PGlite.
function withCounts<T extends { nodeCount: number | string }>(row: T): T & { nodeCount: number } {
  return { ...row, nodeCount: Number(row.nodeCount) };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
