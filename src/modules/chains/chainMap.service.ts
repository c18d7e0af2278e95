import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import {
  type ChainMap,
  type ChainMapSettings,
  type ChainMapSummary,
  type ChainMapThresholds,
  type ChainMapSettingsUpdate,
  classifyNode,
  computeOutputShare,
  countStatuses,
  DEFAULT_THRESHOLDS,
  DEFAULT_THRESHOLDS_SOURCE,
  type MapNode,
  type NodeRelatedness,
} from './chainMap.model.ts';
import { computeNodeRelatedness } from './chainMap.relatedness.ts';
import { computeLocalShare } from '../supply/supply.model.ts';
import type { NodeConcentration } from '../supply/supply.risk.model.ts';
import { nodeConcentrations } from '../supply/supply.risk.ts';
import { ChainMapRepo, type NodeFirmRow, type NodeFirmStatsRow } from './chainMap.repo.ts';
import type { ChainNode } from './chains.model.ts';
import { ChainsService } from './chains.service.ts';

/** The chain page: node statistics for a year, status per METHODS §5, firms of a node, the region's thresholds. */
export class ChainMapService {
  private readonly repo: ChainMapRepo;
  private readonly chains: ChainsService;

  constructor(private readonly db: Db) {
    this.repo = new ChainMapRepo(db);
    this.chains = new ChainsService(db);
  }

  async map(regionCode: string, chainId: string, askedYear: number | undefined): Promise<ChainMap> {
    const detail = await this.chains.detail(regionCode, chainId);
    const year = askedYear ?? (await this.repo.latestFullYear(regionCode));
    const [settings, firmStats, concentration, relatedness] = await Promise.all([
      this.settings(regionCode),
      this.repo.firmStats(regionCode, chainId, year),
      this.concentration(regionCode, chainId, year),
      this.relatedness(regionCode),
    ]);
    const nodes = assessNodes({ nodes: detail.nodes, firmStats, concentration, relatedness, thresholds: settings });
    const chainOutputWan = firmStats.reduce((sum, r) => sum + r.outputWan, 0);
    return {
      chainId,
      nameZh: detail.chain.nameZh,
      nameEn: detail.chain.nameEn,
      version: detail.chain.version,
      year,
      chainOutputWan,
      thresholds: settings,
      nodes,
      inputs: detail.inputs.map(({ fromNodeId, toNodeId }) => ({ fromNodeId, toNodeId })),
      roles: detail.roles,
      targets: detail.targets,
      statusCounts: countStatuses(nodes),
    };
  }

  /** Status counts of every chain of the region in one pass (the cards of the chain list). */
  async summary(regionCode: string, askedYear: number | undefined): Promise<ChainMapSummary> {
    const year = askedYear ?? (await this.repo.latestFullYear(regionCode));
    const [settings, firmStats, concentration, nodes] = await Promise.all([
      this.settings(regionCode),
      this.repo.firmStats(regionCode, undefined, year),
      this.concentration(regionCode, undefined, year),
      this.allNodes(regionCode),
    ]);
    const relatedness = await this.relatedness(regionCode, nodes);
    const byChain = new Map<string, ChainNode[]>();
    for (const node of nodes) byChain.set(node.chainId, [...(byChain.get(node.chainId) ?? []), node]);
    const items = [...byChain].map(([chainId, chainNodes]) => {
      const assessed = assessNodes({ nodes: chainNodes, firmStats, concentration, relatedness, thresholds: settings });
      return { chainId, nodeCount: assessed.length, firmCount: assessed.reduce((sum, n) => sum + n.firmCount, 0), statusCounts: countStatuses(assessed) };
    });
    return { year, items };
  }

  /** Firms of one node of the chain with the year's output; 404 when the node is not on the chain. */
  async firms(filter: { regionCode: string; chainId: string; nodeId: string; year: number | undefined; limit: number; offset: number }): Promise<{
    year: number | null;
    rows: NodeFirmRow[];
    total: number;
    nodeNameZh: string;
  }> {
    const detail = await this.chains.detail(filter.regionCode, filter.chainId);
    const node = detail.nodes.find((n) => n.id === filter.nodeId);
    if (!node) throw new DomainError('NOT_FOUND', { field: 'nodeId', reason: 'no such node on this chain' }, 'not found');
    const year = filter.year ?? (await this.repo.latestFullYear(filter.regionCode));
    const { rows, total } = await this.repo.firmsOfNode({ regionCode: filter.regionCode, nodeId: filter.nodeId, year, limit: filter.limit, offset: filter.offset });
    return { year, rows, total, nodeNameZh: `${detail.chain.nameZh}·${node.nameZh}` };
  }

  /**
   * Relatedness density (METHODS §7) of every node of the region without a local firm, from the co-occurrence of
   * nodes within the firms the region knows (chainMap.relatedness.ts), with the names of its related present nodes.
   */
  private async relatedness(regionCode: string, known?: readonly ChainNode[]): Promise<Map<string, NodeRelatedness>> {
    const [nodes, memberships] = await Promise.all([known ?? this.allNodes(regionCode), this.repo.nodeMemberships(regionCode)]);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const computed = computeNodeRelatedness({ nodeIds: nodes.map((n) => n.id), memberships });
    const named = (r: { nodeId: string; proximity: number }) => {
      const node = byId.get(r.nodeId);
      return node ? [{ nodeId: node.id, chainId: node.chainId, nameZh: node.nameZh, nameEn: node.nameEn, proximity: r.proximity }] : [];
    };
    return new Map([...computed].map(([id, r]) => [id, { density: r.density, related: r.related.flatMap(named) }]));
  }

  private async allNodes(regionCode: string): Promise<ChainNode[]> {
    return (await this.chains.listNodes({ regionCode, sort: 'sort', limit: 100_000, offset: 0 })).items;
  }

  /** Purchases, local supply and supplier HHI per node, computed by the supply module (one definition of each). */
  private async concentration(regionCode: string, chainId: string | undefined, year: number | null): Promise<NodeConcentration[]> {
    if (year === null) return [];
    return (await nodeConcentrations(this.db, { regionCode, year, chainId })).nodes;
  }

  /** The region's thresholds; the METHODS §5 defaults (version 0) until an admin stores some. */
  async settings(regionCode: string): Promise<ChainMapSettings> {
    const row = await this.repo.getSettings(regionCode);
    if (!row) return { ...DEFAULT_THRESHOLDS, year: new Date().getUTCFullYear(), source: DEFAULT_THRESHOLDS_SOURCE, version: 0 };
    return {
      minFirms: row.minFirms,
      minLocalSupplyRate: row.minLocalSupplyRate,
      maxSupplierHhi: row.maxSupplierHhi,
      minAdjacentDensity: row.minAdjacentDensity,
      year: row.year,
      source: row.source,
      version: row.version,
    };
  }

  /** Stores new thresholds; a stale version gets 409 with the current settings. */
  async updateSettings(regionCode: string, update: ChainMapSettingsUpdate): Promise<ChainMapSettings> {
    const { version, ...values } = update;
    const isSaved = await this.repo.saveSettings({ regionCode, ...values }, version);
    if (!isSaved) {
      const current = await this.settings(regionCode);
      throw new DomainError('STALE_VERSION', { field: 'version', reason: 'changed by someone else; reload', current }, 'stale version');
    }
    return this.settings(regionCode);
  }
}

/** Each node's statistics and status (METHODS §5); output shares are of the output of these nodes together. */
function assessNodes(input: {
  nodes: readonly ChainNode[];
  firmStats: readonly NodeFirmStatsRow[];
  concentration: readonly NodeConcentration[];
  relatedness: ReadonlyMap<string, NodeRelatedness>;
  thresholds: ChainMapThresholds;
}): MapNode[] {
  const ids = new Set(input.nodes.map((n) => n.id));
  const statsByNode = new Map(input.firmStats.filter((s) => ids.has(s.nodeId)).map((s) => [s.nodeId, s]));
  const purchases = new Map(input.concentration.filter((c) => ids.has(c.nodeId)).map((c) => [c.nodeId, c]));
  const chainOutputWan = [...statsByNode.values()].reduce((sum, r) => sum + r.outputWan, 0);
  return input.nodes.map((node) => {
    const stats = statsByNode.get(node.id);
    const bought = purchases.get(node.id);
    const firmCount = stats?.firmCount ?? 0;
    const localSupplyRate = bought ? computeLocalShare(bought.amountWan, bought.countyWan) : null;
    const supplierHhi = bought?.supplierHhi ?? null;
    const relatedness = firmCount === 0 ? (input.relatedness.get(node.id) ?? null) : null;
    const { status, reasons } = classifyNode({ firmCount, localSupplyRate, supplierHhi, density: relatedness?.density ?? null }, input.thresholds);
    const outputWan = stats?.outputWan ?? 0;
    return {
      id: node.id,
      nameZh: node.nameZh,
      nameEn: node.nameEn,
      tier: node.tier,
      boneZh: node.boneZh,
      boneEn: node.boneEn,
      isKeyNode: node.isKeyNode,
      sort: node.sort,
      version: node.version,
      industryCodes: node.industryCodes,
      firmCount,
      aboveScaleCount: stats?.aboveScaleCount ?? 0,
      outputWan,
      outputShare: computeOutputShare(outputWan, chainOutputWan),
      localSupplyRate,
      supplierHhi,
      purchasesWan: bought?.amountWan ?? 0,
      status,
      reasons,
      relatedness,
      isSynthetic: stats?.isSynthetic ?? false,
    };
  });
}
