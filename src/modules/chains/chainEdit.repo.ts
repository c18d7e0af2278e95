import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enterpriseNodes, enterprises } from '../enterprises/enterprises.schema.ts';
import { projects } from '../projects/projects.schema.ts';
import { tradeFlows } from '../supply/supply.schema.ts';
import { chainGroups, chainNodes, chainRoles, chains, industryClasses, nodeInputs } from './chains.schema.ts';

type ChainInsert = typeof chains.$inferInsert;
type NodeInsert = typeof chainNodes.$inferInsert;
type RoleInsert = typeof chainRoles.$inferInsert;
export type NodeRecord = typeof chainNodes.$inferSelect;
export type RoleRecord = typeof chainRoles.$inferSelect;

/** Writes of the chain module: each changes one row and says whether it did (false = stale, missing or taken). */
export class ChainEditRepo {
  constructor(private readonly db: Db) {}

  async hasGroup(regionCode: string, groupId: string): Promise<boolean> {
    const rows = await this.db.select({ id: chainGroups.id }).from(chainGroups).where(and(eq(chainGroups.regionCode, regionCode), eq(chainGroups.id, groupId)));
    return rows.length > 0;
  }

  async unknownClasses(codes: readonly string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows = await this.db.select({ code: industryClasses.code }).from(industryClasses).where(inArray(industryClasses.code, [...codes]));
    const known = new Set(rows.map((r) => r.code));
    return codes.filter((c) => !known.has(c));
  }

  async insertChain(row: ChainInsert): Promise<boolean> {
    return (await this.db.insert(chains).values(row).onConflictDoNothing().returning({ id: chains.id })).length === 1;
  }

  async updateChain(regionCode: string, id: string, version: number, set: Partial<ChainInsert>): Promise<boolean> {
    const rows = await this.db
      .update(chains)
      .set({ ...set, version: sql`${chains.version} + 1` })
      .where(and(eq(chains.regionCode, regionCode), eq(chains.id, id), eq(chains.version, version)))
      .returning({ id: chains.id });
    return rows.length === 1;
  }

  async getNode(regionCode: string, id: string): Promise<NodeRecord | undefined> {
    return (await this.db.select().from(chainNodes).where(and(eq(chainNodes.regionCode, regionCode), eq(chainNodes.id, id))).limit(1))[0];
  }

  async insertNode(row: NodeInsert): Promise<NodeRecord | undefined> {
    return (await this.db.insert(chainNodes).values(row).onConflictDoNothing().returning())[0];
  }

  async updateNode(regionCode: string, id: string, version: number, set: Partial<NodeInsert>): Promise<NodeRecord | undefined> {
    const rows = await this.db
      .update(chainNodes)
      .set({ ...set, version: sql`${chainNodes.version} + 1` })
      .where(and(eq(chainNodes.regionCode, regionCode), eq(chainNodes.id, id), eq(chainNodes.version, version)))
      .returning();
    return rows[0];
  }

  /** Deletes the node when its version still matches; its input edges and tax-code mappings go with it. */
  async deleteNode(regionCode: string, id: string, version: number): Promise<boolean> {
    const rows = await this.db
      .delete(chainNodes)
      .where(and(eq(chainNodes.regionCode, regionCode), eq(chainNodes.id, id), eq(chainNodes.version, version)))
      .returning({ id: chainNodes.id });
    return rows.length === 1;
  }

  /** What still refers to a node without a foreign key (firms, trade flows, projects): such a node is not deleted. */
  async nodeUsers(regionCode: string, id: string): Promise<string[]> {
    const has = async (table: typeof enterpriseNodes | typeof tradeFlows | typeof projects) =>
      (await this.db.select({ one: sql<number>`1` }).from(table).where(and(eq(table.regionCode, regionCode), eq(table.nodeId, id))).limit(1)).length > 0;
    const [firms, flows, projectRows] = await Promise.all([has(enterpriseNodes), has(tradeFlows), has(projects)]);
    return [firms ? 'firms' : '', flows ? 'trade flows' : '', projectRows ? 'projects' : ''].filter(Boolean);
  }

  async allInputs(regionCode: string): Promise<{ fromNodeId: string; toNodeId: string }[]> {
    return this.db.select({ fromNodeId: nodeInputs.fromNodeId, toNodeId: nodeInputs.toNodeId }).from(nodeInputs).where(eq(nodeInputs.regionCode, regionCode));
  }

  async insertInput(regionCode: string, fromNodeId: string, toNodeId: string): Promise<boolean> {
    return (await this.db.insert(nodeInputs).values({ regionCode, fromNodeId, toNodeId }).onConflictDoNothing().returning({ f: nodeInputs.fromNodeId })).length === 1;
  }

  async deleteInput(regionCode: string, fromNodeId: string, toNodeId: string): Promise<boolean> {
    const rows = await this.db
      .delete(nodeInputs)
      .where(and(eq(nodeInputs.regionCode, regionCode), eq(nodeInputs.fromNodeId, fromNodeId), eq(nodeInputs.toNodeId, toNodeId)))
      .returning({ f: nodeInputs.fromNodeId });
    return rows.length === 1;
  }

  async nextRoleSort(regionCode: string, chainId: string): Promise<number> {
    const rows = await this.db
      .select({ n: sql<number>`coalesce(max(${chainRoles.sort}), -1) + 1`.mapWith(Number) })
      .from(chainRoles)
      .where(and(eq(chainRoles.regionCode, regionCode), eq(chainRoles.chainId, chainId)));
    return rows[0]?.n ?? 0;
  }

  async insertRole(row: RoleInsert): Promise<RoleRecord | undefined> {
    return (await this.db.insert(chainRoles).values(row).returning())[0];
  }

  async updateRole(regionCode: string, chainId: string, id: string, set: Partial<RoleInsert>): Promise<RoleRecord | undefined> {
    const rows = await this.db
      .update(chainRoles)
      .set(set)
      .where(and(eq(chainRoles.regionCode, regionCode), eq(chainRoles.chainId, chainId), eq(chainRoles.id, id)))
      .returning();
    return rows[0];
  }

  async deleteRole(regionCode: string, chainId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(chainRoles)
      .where(and(eq(chainRoles.regionCode, regionCode), eq(chainRoles.chainId, chainId), eq(chainRoles.id, id)))
      .returning({ id: chainRoles.id });
    return rows.length === 1;
  }

  async hasEnterprise(regionCode: string, id: string): Promise<boolean> {
    return (await this.db.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.regionCode, regionCode), eq(enterprises.id, id)))).length > 0;
  }

  /** Adds the membership or updates whether it is primary; true when it was new. */
  async upsertMembership(regionCode: string, enterpriseId: string, nodeId: string, isPrimary: boolean): Promise<boolean> {
    const existing = await this.db
      .select({ id: enterpriseNodes.enterpriseId })
      .from(enterpriseNodes)
      .where(and(eq(enterpriseNodes.regionCode, regionCode), eq(enterpriseNodes.enterpriseId, enterpriseId), eq(enterpriseNodes.nodeId, nodeId)));
    await this.db
      .insert(enterpriseNodes)
      .values({ regionCode, enterpriseId, nodeId, isPrimary })
      .onConflictDoUpdate({ target: [enterpriseNodes.regionCode, enterpriseNodes.enterpriseId, enterpriseNodes.nodeId], set: { isPrimary } });
    return existing.length === 0;
  }

  async deleteMembership(regionCode: string, enterpriseId: string, nodeId: string): Promise<boolean> {
    const rows = await this.db
      .delete(enterpriseNodes)
      .where(and(eq(enterpriseNodes.regionCode, regionCode), eq(enterpriseNodes.enterpriseId, enterpriseId), eq(enterpriseNodes.nodeId, nodeId)))
      .returning({ id: enterpriseNodes.enterpriseId });
    return rows.length === 1;
  }
}
