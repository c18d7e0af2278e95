import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import {
  type ChainMap,
  type ChainMapSettings,
  type ChainMapSummary,
  type ChainMapThresholds,
  type ChainMapSettingsUpdate,
  classifyNode,
  computeHhi,
  computeOutputShare,
  countStatuses,
  DEFAULT_THRESHOLDS,
  DEFAULT_THRESHOLDS_SOURCE,
  type MapNode,
} from './chainMap.model.ts';
import { ChainMapRepo, type NodeFirmRow, type NodeFirmStatsRow, type NodeSellerRow } from './chainMap.repo.ts';
import type { ChainNode } from './chains.model.ts';
import { ChainsService } from './chains.service.ts';

interface Purchases {
  totalWan: number;
  localWan: number;
  bySeller: number[];
}

/** The chain page: node statistics for a year, status per METHODS §5, firms of a node, the region's thresholds. */
export class ChainMapService {
  private readonly repo: ChainMapRepo;
  private readonly chains: ChainsService;

  constructor(db: Db) {
    this.repo = new ChainMapRepo(db);
    this.chains = new ChainsService(db);
  }

  async map(regionCode: string, chainId: string, askedYear: number | undefined): Promise<ChainMap> {
    const detail = await this.chains.detail(regionCode, chainId);
    const year = askedYear ?? (await this.repo.latestFullYear(regionCode));
    const [settings, firmStats, sellers] = await Promise.all([
      this.settings(regionCode),
      this.repo.firmStats(regionCode, chainId, year),
      year === null ? Promise.resolve([]) : this.repo.purchasesBySeller(regionCode, chainId, year),
    ]);
    const nodes = assessNodes({ nodes: detail.nodes, firmStats, sellers, thresholds: settings });
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
    const [settings, firmStats, sellers, nodes] = await Promise.all([
      this.settings(regionCode),
      this.repo.firmStats(regionCode, undefined, year),
      year === null ? Promise.resolve([]) : this.repo.purchasesBySeller(regionCode, undefined, year),
      this.chains.listNodes({ regionCode, sort: 'sort', limit: 100_000, offset: 0 }),
    ]);
    const byChain = new Map<string, ChainNode[]>();
    for (const node of nodes.items) byChain.set(node.chainId, [...(byChain.get(node.chainId) ?? []), node]);
    const items = [...byChain].map(([chainId, chainNodes]) => {
      const assessed = assessNodes({ nodes: chainNodes, firmStats, sellers, thresholds: settings });
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

  /** The region's thresholds; the METHODS §5 defaults (version 0) until an admin stores some. */
  async settings(regionCode: string): Promise<ChainMapSettings> {
    const row = await this.repo.getSettings(regionCode);
    if (!row) return { ...DEFAULT_THRESHOLDS, year: new Date().getUTCFullYear(), source: DEFAULT_THRESHOLDS_SOURCE, version: 0 };
    return {
      minFirms: row.minFirms,
      minLocalSupplyRate: row.minLocalSupplyRate,
      maxSupplierHhi: row.maxSupplierHhi,
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
function assessNodes(input: { nodes: readonly ChainNode[]; firmStats: readonly NodeFirmStatsRow[]; sellers: readonly NodeSellerRow[]; thresholds: ChainMapThresholds }): MapNode[] {
  const ids = new Set(input.nodes.map((n) => n.id));
  const statsByNode = new Map(input.firmStats.filter((s) => ids.has(s.nodeId)).map((s) => [s.nodeId, s]));
  const purchases = groupPurchases(input.sellers.filter((s) => ids.has(s.nodeId)));
  const chainOutputWan = [...statsByNode.values()].reduce((sum, r) => sum + r.outputWan, 0);
  return input.nodes.map((node) => {
    const stats = statsByNode.get(node.id);
    const bought = purchases.get(node.id);
    const firmCount = stats?.firmCount ?? 0;
    const localSupplyRate = bought && bought.totalWan > 0 ? bought.localWan / bought.totalWan : null;
    const supplierHhi = bought ? computeHhi(bought.bySeller) : null;
    const { status, reasons } = classifyNode({ firmCount, localSupplyRate, supplierHhi }, input.thresholds);
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
      purchasesWan: bought?.totalWan ?? 0,
      status,
      reasons,
      isSynthetic: stats?.isSynthetic ?? false,
    };
  });
}

function groupPurchases(rows: readonly NodeSellerRow[]): Map<string, Purchases> {
  const byNode = new Map<string, Purchases>();
  for (const row of rows) {
    let entry = byNode.get(row.nodeId);
    if (!entry) {
      entry = { totalWan: 0, localWan: 0, bySeller: [] };
      byNode.set(row.nodeId, entry);
    }
    entry.totalWan += row.amountWan;
    if (row.isLocal) entry.localWan += row.amountWan;
    entry.bySeller.push(row.amountWan);
  }
  return byNode;
}
