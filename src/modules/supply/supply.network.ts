import { indexEdges, louvain, pagerank } from '../../core/graph/index.ts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { cachedSupplyResult } from './supply.cache.ts';
import { periodRange } from './supply.model.ts';
import {
  type ChainNetwork,
  type ClusterMembers,
  EXTERNAL_PREFIX,
  type KeyFirms,
  linkCommunities,
  NETWORK_DIRECTION,
  type NetworkFirm,
  rankVertices,
  type SubClusters,
  summariseClusters,
} from './supply.network.model.ts';
import { firmsById, flowEdges } from './supply.network.repo.ts';
import { z } from 'zod';

/** Louvain is seeded so that the same data gives the same sub-clusters on every request. */
const LOUVAIN_SEED = 0;

const ChainNetworkPayload = z.object({
  ids: z.array(z.string()),
  pagerank: z.array(z.number()),
  community: z.array(z.number().int()),
  boughtWan: z.array(z.number()),
  soldWan: z.array(z.number()),
  modularity: z.number(),
  edgeCount: z.number().int(),
  communityLinks: z.array(z.tuple([z.number().int(), z.number().int(), z.number()])),
});

/**
 * The chain's flow graph of a year (see NETWORK_DIRECTION) with PageRank (damping 0.85, METHODS §9) and seeded
 * Louvain communities on its undirected projection; computed once per data version and cached.
 */
export async function chainNetwork(db: Db, args: { regionCode: string; chainId: string; year: number }): Promise<ChainNetwork> {
  return cachedSupplyResult(db, {
    regionCode: args.regionCode,
    key: `network:${JSON.stringify([args.chainId, args.year])}`,
    schema: ChainNetworkPayload,
    compute: async () => {
      const rows = await flowEdges(db, { regionCode: args.regionCode, range: periodRange({ year: args.year }), chainId: args.chainId });
      const { ids, edges } = indexEdges(rows);
      const rank = ids.length > 0 ? pagerank(edges, { damping: 0.85 }) : new Float64Array(0);
      const parts = ids.length > 0 ? louvain(edges, { seed: LOUVAIN_SEED, resolution: 1 }) : { community: new Int32Array(0), modularity: 0 };
      const boughtWan = new Array<number>(ids.length).fill(0);
      const soldWan = new Array<number>(ids.length).fill(0);
      const indexed = rows.map((_, i) => ({ source: edges.src[i] ?? 0, target: edges.dst[i] ?? 0, weight: edges.w[i] ?? 0 }));
      for (const e of indexed) {
        boughtWan[e.source] = (boughtWan[e.source] ?? 0) + e.weight;
        soldWan[e.target] = (soldWan[e.target] ?? 0) + e.weight;
      }
      return {
        ids,
        pagerank: Array.from(rank),
        community: Array.from(parts.community),
        boughtWan,
        soldWan,
        modularity: parts.modularity,
        edgeCount: rows.length,
        communityLinks: linkCommunities(indexed, parts.community),
      };
    },
  });
}

/** The chain's firms of highest PageRank. */
export async function keyFirms(db: Db, args: { regionCode: string; chainId: string; year: number; limit: number }): Promise<KeyFirms> {
  const network = await chainNetwork(db, args);
  const order = rankVertices(network);
  const items = await describeVertices(db, args.regionCode, network, order.slice(0, args.limit), order);
  return { year: args.year, chainId: args.chainId, direction: NETWORK_DIRECTION, vertexCount: network.ids.length, edgeCount: network.edgeCount, items, isMasked: false };
}

/** Communities as the nodes of an aggregated graph (never the whole firm graph), with the flows between them. */
export async function subClusters(db: Db, args: { regionCode: string; chainId: string; year: number; limit: number }): Promise<SubClusters> {
  const network = await chainNetwork(db, args);
  const all = summariseClusters(network);
  const shown = all.slice(0, args.limit);
  const isShown = new Set(shown.map((c) => c.community));
  const names = await firmsById(db, args.regionCode, shown.flatMap((c) => c.leaders.map((v) => network.ids[v] ?? '')).filter((id) => !id.startsWith(EXTERNAL_PREFIX)));
  return {
    year: args.year,
    chainId: args.chainId,
    direction: NETWORK_DIRECTION,
    vertexCount: network.ids.length,
    communityCount: all.length,
    modularity: network.modularity,
    clusters: shown.map((c) => ({
      community: c.community,
      size: c.size,
      registryFirmCount: c.registryFirmCount,
      flowWan: c.flowWan,
      pagerank: c.pagerank,
      leaders: c.leaders.map((v) => {
        const id = network.ids[v] ?? '';
        return { id, name: names.get(id)?.name ?? null };
      }),
    })),
    links: network.communityLinks.filter(([a, b]) => isShown.has(a) && isShown.has(b)).map(([from, to, amountWan]) => ({ from, to, amountWan })),
    isMasked: false,
  };
}

/** Members of one community, highest PageRank first, a page at a time. */
export async function clusterMembers(db: Db, args: { regionCode: string; chainId: string; year: number; community: number; page: number; pageSize: number }): Promise<ClusterMembers> {
  const network = await chainNetwork(db, args);
  const order = rankVertices(network);
  const members = order.filter((v) => network.community[v] === args.community);
  if (members.length === 0) throw new DomainError('NOT_FOUND', { field: 'community', reason: 'no such sub-cluster in this chain and year' }, 'not found');
  const page = members.slice((args.page - 1) * args.pageSize, args.page * args.pageSize);
  return { community: args.community, total: members.length, page: args.page, pageSize: args.pageSize, items: await describeVertices(db, args.regionCode, network, page, order), isMasked: false };
}

async function describeVertices(db: Db, regionCode: string, network: ChainNetwork, vertices: readonly number[], order: readonly number[]): Promise<NetworkFirm[]> {
  const rankOf = new Map(order.map((v, i) => [v, i + 1]));
  const ids = vertices.map((v) => network.ids[v] ?? '');
  const firms = await firmsById(db, regionCode, ids.filter((id) => !id.startsWith(EXTERNAL_PREFIX)));
  return vertices.map((v) => {
    const id = network.ids[v] ?? '';
    const isExternal = id.startsWith(EXTERNAL_PREFIX);
    const firm = isExternal ? undefined : firms.get(id);
    return {
      id,
      enterpriseId: isExternal ? null : id,
      uscc: isExternal ? id.slice(EXTERNAL_PREFIX.length) : (firm?.uscc ?? null),
      name: firm?.name ?? null,
      pagerank: network.pagerank[v] ?? 0,
      rank: rankOf.get(v) ?? 0,
      community: network.community[v] ?? 0,
      boughtWan: network.boughtWan[v] ?? 0,
      soldWan: network.soldWan[v] ?? 0,
    };
  });
}
