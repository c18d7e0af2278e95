import { z } from 'zod';
import { IsMasked, MASKED, MIN_GROUP_FOR_FLOWS } from './supply.sensitive.model.ts';

/**
 * The flow graph of a chain in a year: an edge points from a buyer to a seller (the direction the money goes),
 * weighted by the buyer's net purchases from that seller (万元, pairs with a non-positive net left out), so
 * PageRank collects at the suppliers that important buyers depend on. Vertex ids are registry firm ids, or
 * `uscc:<code>` for sellers outside the registry.
 */
export const NETWORK_DIRECTION = 'buyer → seller (edge weight: net purchases in 万元)';
export const EXTERNAL_PREFIX = 'uscc:';

export interface ChainNetwork {
  ids: string[];
  pagerank: number[];
  community: number[];
  /** purchases of each vertex as a buyer and sales as a seller inside the graph, 万元 */
  boughtWan: number[];
  soldWan: number[];
  modularity: number;
  edgeCount: number;
  /** directed flow between communities, [from, to, 万元], from ≠ to */
  communityLinks: Array<[number, number, number]>;
}

export const NetworkQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  chainId: z.string().min(1),
  limit: z.coerce.number().int().min(1).max(500).default(30),
});
export type NetworkQuery = z.infer<typeof NetworkQuery>;

export const NetworkFirm = z
  .object({
    id: z.string().describe('registry firm id, or uscc:<code> for an outside seller'),
    enterpriseId: z.string().nullable(),
    uscc: z.string().nullable(),
    name: z.string().nullable(),
    pagerank: z.number(),
    rank: z.number().int().describe('1 = highest PageRank'),
    community: z.number().int(),
    boughtWan: z.number().nullable().describe(`the firm's purchases inside the chain graph, 万元${MASKED}`),
    soldWan: z.number().nullable().describe(`the firm's sales inside the chain graph, 万元${MASKED}`),
  })
  .meta({ id: 'NetworkFirm' });
export type NetworkFirm = z.infer<typeof NetworkFirm>;

/** The chain graph an answer is about (the fields key firms and sub-clusters share). */
const ChainGraph = z.object({
  year: z.number().int(),
  chainId: z.string(),
  direction: z.string(),
  vertexCount: z.number().int(),
});

export const KeyFirms = ChainGraph.extend({
  edgeCount: z.number().int(),
  items: z.array(NetworkFirm),
  isMasked: IsMasked,
}).meta({ id: 'KeyFirms' });
export type KeyFirms = z.infer<typeof KeyFirms>;

export const SubCluster = z
  .object({
    community: z.number().int(),
    size: z.number().int(),
    registryFirmCount: z.number().int(),
    flowWan: z
      .number()
      .nullable()
      .describe(`purchases of its members (as buyers), 万元; null without the sensitive permission when it has fewer than ${MIN_GROUP_FOR_FLOWS} members (then it is one firm's or one pair's)`),
    pagerank: z.number().describe("its members' PageRank together"),
    leaders: z.array(z.object({ id: z.string(), name: z.string().nullable() })).describe('members of highest PageRank'),
  })
  .meta({ id: 'SubCluster' });
export type SubCluster = z.infer<typeof SubCluster>;

export const SubClusters = ChainGraph.extend({
  communityCount: z.number().int(),
  modularity: z.number(),
  clusters: z.array(SubCluster).describe('largest first; at most `limit`'),
  links: z
    .array(
      z.object({
        from: z.number().int(),
        to: z.number().int(),
        amountWan: z.number().nullable().describe(`万元; null without the sensitive permission when either cluster has fewer than ${MIN_GROUP_FOR_FLOWS} members`),
      }),
    )
    .describe('flows between the listed clusters'),
  isMasked: IsMasked,
}).meta({ id: 'SubClusters' });
export type SubClusters = z.infer<typeof SubClusters>;

export const MembersQuery = NetworkQuery.omit({ limit: true }).extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const ClusterMembers = z
  .object({ community: z.number().int(), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(NetworkFirm), isMasked: IsMasked })
  .meta({ id: 'ClusterMembers' });
export type ClusterMembers = z.infer<typeof ClusterMembers>;

/** Vertex indices by PageRank, highest first (ties by id, so the order is stable). */
export function rankVertices(network: Pick<ChainNetwork, 'ids' | 'pagerank'>): number[] {
  return network.ids.map((_, i) => i).sort((a, b) => (network.pagerank[b] ?? 0) - (network.pagerank[a] ?? 0) || (network.ids[a] ?? '').localeCompare(network.ids[b] ?? ''));
}

export interface ClusterSummary {
  community: number;
  size: number;
  registryFirmCount: number;
  flowWan: number;
  pagerank: number;
  /** vertex indices of highest PageRank, at most 3 */
  leaders: number[];
}

/** One summary per community, largest (members, then flow) first. */
export function summariseClusters(network: ChainNetwork): ClusterSummary[] {
  const byCommunity = new Map<number, ClusterSummary>();
  for (const v of rankVertices(network)) {
    const c = network.community[v] ?? 0;
    let s = byCommunity.get(c);
    if (!s) {
      s = { community: c, size: 0, registryFirmCount: 0, flowWan: 0, pagerank: 0, leaders: [] };
      byCommunity.set(c, s);
    }
    s.size += 1;
    if (!(network.ids[v] ?? '').startsWith(EXTERNAL_PREFIX)) s.registryFirmCount += 1;
    s.flowWan += network.boughtWan[v] ?? 0;
    s.pagerank += network.pagerank[v] ?? 0;
    if (s.leaders.length < 3) s.leaders.push(v);
  }
  return [...byCommunity.values()].sort((a, b) => b.size - a.size || b.flowWan - a.flowWan || a.community - b.community);
}

/** Directed flow between communities, summed per (from, to) pair and without the flow inside a community. */
export function linkCommunities(edges: ReadonlyArray<{ source: number; target: number; weight: number }>, community: ArrayLike<number>): Array<[number, number, number]> {
  const sums = new Map<string, [number, number, number]>();
  for (const e of edges) {
    const a = community[e.source] ?? 0;
    const b = community[e.target] ?? 0;
    if (a === b) continue;
    const key = `${a}>${b}`;
    const entry = sums.get(key);
    if (entry) entry[2] += e.weight;
    else sums.set(key, [a, b, e.weight]);
  }
  return [...sums.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
