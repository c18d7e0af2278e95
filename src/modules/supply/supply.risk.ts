import type { Db } from '../../db/client.ts';
import { cachedSupplyResult } from './supply.cache.ts';
import { namesOf } from './supply.lsr.repo.ts';
import { periodRange } from './supply.model.ts';
import { concentrationByNode, dependentBuyers, suppliersOfNode } from './supply.risk.repo.ts';
import { DependencyRisks, type DominatedNode, type NodeConcentration, NodeConcentrations, type RisksQuery, TopSuppliers } from './supply.risk.model.ts';

/**
 * Supplier concentration of every node's chain purchases in a year (every chain when none is named): HHI by
 * seller, largest shares, the local part. The chain map's node LSR and HHI come from here (one definition).
 */
export async function nodeConcentrations(db: Db, args: { regionCode: string; year: number; chainId?: string | undefined }): Promise<NodeConcentrations> {
  return cachedSupplyResult(db, {
    regionCode: args.regionCode,
    key: `concentration:${JSON.stringify([args.year, args.chainId ?? null])}`,
    schema: NodeConcentrations,
    compute: async () => ({
      year: args.year,
      nodes: await concentrationByNode(db, { regionCode: args.regionCode, range: periodRange({ year: args.year }), chainId: args.chainId }),
    }),
  });
}

/** The largest sellers of one node to the buyers of its chain in a year. */
export async function topSuppliers(db: Db, args: { regionCode: string; year: number; nodeId: string; limit: number }): Promise<TopSuppliers> {
  return cachedSupplyResult(db, {
    regionCode: args.regionCode,
    key: `suppliers:${JSON.stringify([args.year, args.nodeId, args.limit])}`,
    schema: TopSuppliers,
    compute: async () => {
      const found = await suppliersOfNode(db, { regionCode: args.regionCode, range: periodRange({ year: args.year }), nodeId: args.nodeId }, args.limit);
      return { year: args.year, nodeId: args.nodeId, ...found, isMasked: false };
    },
  });
}

/** Buyers hanging on one seller for a node, and nodes whose local supply one seller dominates. */
export async function dependencyRisks(db: Db, regionCode: string, query: RisksQuery): Promise<DependencyRisks> {
  return cachedSupplyResult(db, {
    regionCode,
    key: `risks:${JSON.stringify(query)}`,
    schema: DependencyRisks,
    compute: async () => {
      const scope = { regionCode, range: periodRange({ year: query.year }), chainId: query.chainId, nodeId: query.nodeId };
      const offset = (query.page - 1) * query.pageSize;
      const [buyers, concentration] = await Promise.all([
        dependentBuyers(db, scope, { share: query.buyerShare, limit: query.pageSize, offset }),
        concentrationByNode(db, scope),
      ]);
      const names = await namesOf(db, regionCode, 'node', concentration.map((n) => n.nodeId));
      return {
        year: query.year,
        buyerShare: query.buyerShare,
        localShare: query.localShare,
        buyers: buyers.rows,
        buyerTotal: buyers.total,
        page: query.page,
        pageSize: query.pageSize,
        nodes: dominatedNodes(concentration, names, query.localShare),
        isMasked: false,
      };
    },
  });
}

/** Nodes whose largest local seller holds more than `share` of the node's local purchases. */
export function dominatedNodes(nodes: readonly NodeConcentration[], names: ReadonlyMap<string, string>, share: number): DominatedNode[] {
  return nodes.flatMap((n) =>
    n.topLocalSeller !== null && n.topLocalShare !== null && n.topLocalShare > share
      ? [{ nodeId: n.nodeId, nodeName: names.get(n.nodeId) ?? null, countyWan: n.countyWan, topLocalSeller: n.topLocalSeller, topLocalShare: n.topLocalShare }]
      : [],
  );
}
