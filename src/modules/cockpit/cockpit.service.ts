import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { foldAdjacent, foldAdjacentCounts } from '../chains/chainMap.model.ts';
import { ChainMapService } from '../chains/chainMap.service.ts';
import type { Chain, ChainGroup } from '../chains/chains.model.ts';
import { ChainsService } from '../chains/chains.service.ts';
import { FundsService } from '../funds/funds.service.ts';
import { InnovationService } from '../innovation/innovation.service.ts';
import { localDate, PROJECT_STAGES, type ProjectStage } from '../projects/projects.model.ts';
import { chainLocalSupply } from '../supply/supply.lsr.ts';
import { chainCoverage } from '../supplyCircle/supplyCircle.coverage.ts';
import { clustersOf, sourcedFactsOf } from './cockpit.facts.ts';
import {
  type ChainCockpit,
  type ChainFigures,
  type CountyCockpit,
  computeGrowth,
  computeProgress,
  type KeyProject,
  type LocalSupply,
  type OutputTrend,
  orderKeyProjects,
  pickTarget,
  type ProjectFigures,
  sumFigures,
} from './cockpit.model.ts';
import { type ChainCountRow, type ChainYearRow, CockpitRepo, type ProjectRow } from './cockpit.repo.ts';

export interface CockpitServiceOptions {
  /** The clock deciding what is overdue (tests pin it). */
  now?: () => Date;
  /** How long an answer is reused, in ms (0 = never); the supply data version also invalidates it. */
  cacheMs?: number;
}

/** An answer is reused for this long: a wall screen refreshing every minute and many viewers cost one computation. */
export const DEFAULT_CACHE_MS = 30_000;

type Health = { strong: number; weak: number; missing: number; nodes: number };

const COVERAGE_MINUTES = 30;
const KEY_PROJECTS_SHOWN = 12;
const LEAD_FIRMS_SHOWN = 10;

/** Cockpit aggregates: read from the other modules' rows and services, never stored. */
export class CockpitService {
  private readonly repo: CockpitRepo;
  private readonly chains: ChainsService;
  private readonly chainMap: ChainMapService;
  private readonly funds: FundsService;
  private readonly innovation: InnovationService;
  private readonly now: () => Date;
  private readonly cacheMs: number;
  private readonly cache = new Map<string, { at: number; version: string; value: Promise<unknown> }>();

  constructor(
    private readonly db: Db,
    options: CockpitServiceOptions = {},
  ) {
    this.repo = new CockpitRepo(db);
    this.chains = new ChainsService(db);
    this.chainMap = new ChainMapService(db);
    this.funds = new FundsService(db);
    this.innovation = new InnovationService(db);
    this.now = options.now ?? (() => new Date());
    this.cacheMs = options.cacheMs ?? DEFAULT_CACHE_MS;
  }

  /** The county cockpit: chains by group against their targets, supply, health, projects, funds, innovation. */
  async county(regionCode: string, askedYear: number | undefined): Promise<CountyCockpit> {
    return this.cached(`county|${regionCode}|${askedYear ?? ''}`, regionCode, () => this.computeCounty(regionCode, askedYear));
  }

  /** One chain's cockpit for its 链长. */
  async chain(regionCode: string, chainId: string, askedYear: number | undefined): Promise<ChainCockpit> {
    return this.cached(`chain|${regionCode}|${chainId}|${askedYear ?? ''}`, regionCode, () => this.computeChain(regionCode, chainId, askedYear));
  }

  /**
   * Reuses an answer younger than the cache time whose region's data version is unchanged (a firm, flow or node
   * import bumps it); a failed computation is forgotten at once.
   */
  private async cached<T>(key: string, regionCode: string, compute: () => Promise<T>): Promise<T> {
    if (this.cacheMs <= 0) return compute();
    const version = await this.repo.dataVersion(regionCode);
    const known = this.cache.get(key);
    const at = this.now().getTime();
    if (known && known.version === version && at - known.at < this.cacheMs) return known.value as Promise<T>;
    const value = compute();
    this.cache.set(key, { at, version, value });
    value.catch(() => this.cache.delete(key));
    return value;
  }

  private async computeCounty(regionCode: string, askedYear: number | undefined): Promise<CountyCockpit> {
    const year = askedYear ?? (await this.repo.latestMetricsYear(regionCode));
    const today = localDate(this.now());
    const [name, groups, chainList, figures, registry, projects, fundTree, investedWan, matrix, research, alliance, clusters] = await Promise.all([
      this.repo.regionName(regionCode),
      this.chains.listGroups(regionCode),
      this.chains.listChains({ regionCode, limit: 1000, offset: 0 }),
      this.chainFigures(regionCode, year),
      this.repo.registryCounts(regionCode),
      this.repo.projects(regionCode, today),
      this.funds.tree(regionCode),
      this.repo.investedWan(regionCode),
      this.innovation.chokepointMatrix({ regionCode }),
      this.repo.researchCount(regionCode),
      this.repo.allianceMembers(regionCode),
      this.clusters(regionCode, year),
    ]);
    const groupFigures = groups.items.map((group) => groupOf(group, chainList.items, figures.byChain));
    const allChains = groupFigures.flatMap((g) => g.chains);
    const sums = sumFigures(allChains);
    if (!name) throw new DomainError('NOT_FOUND', { field: 'region', reason: 'no such region' }, 'not found');
    return {
      regionCode,
      regionNameZh: name.nameZh,
      regionNameEn: name.nameEn,
      year,
      generatedAt: this.now().toISOString(),
      isSynthetic: registry.syntheticFirms > 0,
      totals: {
        outputWan: sums.outputWan,
        previousOutputWan: sums.previousOutputWan,
        growth: sums.growth,
        firms: registry.firms,
        chainFirms: sums.firms,
        aboveScaleFirms: registry.aboveScaleFirms,
        listedFirms: registry.listedFirms,
      },
      groups: groupFigures,
      trend: figures.trend,
      localSupply: figures.regionSupply,
      projects: projectFigures(projects, year, today),
      funds: { ...fundTree.totals, investedWan },
      innovation: {
        chokepoints: { total: matrix.total, open: matrix.byStatus.open, inProgress: matrix.byStatus.inProgress, solved: matrix.byStatus.solved },
        links: matrix.byLink.length,
        commonTechs: matrix.commonTechs,
        scenarios: matrix.scenarios,
        counts: matrix.counts,
        researchProjects: research,
        allianceMembers: alliance,
      },
      clusters,
      facts: sourcedFactsOf(regionCode),
    };
  }

  private async computeChain(regionCode: string, chainId: string, askedYear: number | undefined): Promise<ChainCockpit> {
    const year = askedYear ?? (await this.repo.latestMetricsYear(regionCode));
    const today = localDate(this.now());
    const detail = await this.chains.detail(regionCode, chainId);
    const map = await this.chainMap.map(regionCode, chainId, year ?? undefined);
    const [figures, leadFirms, projects, chokepoints, research, funds, coverage, registry] = await Promise.all([
      this.chainFigures(regionCode, year, { chainId, health: { ...foldAdjacentCounts(map.statusCounts), nodes: map.nodes.length } }),
      this.repo.leadFirms(regionCode, chainId, year, LEAD_FIRMS_SHOWN),
      this.repo.projects(regionCode, today, chainId),
      this.repo.chainChokepoints(regionCode, chainId),
      this.repo.researchCount(regionCode, chainId),
      this.repo.chainFunds(regionCode, chainId),
      chainCoverage(this.db, regionCode, chainId, COVERAGE_MINUTES),
      this.repo.registryCounts(regionCode),
    ]);
    const chain = figures.byChain.get(chainId);
    if (!chain) throw new DomainError('NOT_FOUND', { field: 'chainId', reason: 'no such chain' }, 'not found');
    const countOf = (status: string) => chokepoints.statuses.find((s) => s.status === status)?.count ?? 0;
    return {
      regionCode,
      year,
      generatedAt: this.now().toISOString(),
      isSynthetic: registry.syntheticFirms > 0,
      chain: { ...chain, nameZh: detail.chain.nameZh, nameEn: detail.chain.nameEn, groupId: detail.chain.groupId },
      roles: detail.roles,
      trend: figures.trend,
      nodes: map.nodes.map((n) => ({
        id: n.id,
        nameZh: n.nameZh,
        nameEn: n.nameEn,
        tier: n.tier,
        isKeyNode: n.isKeyNode,
        status: foldAdjacent(n.status),
        firmCount: n.firmCount,
        outputWan: n.outputWan,
        localSupplyRate: n.localSupplyRate,
      })),
      leadFirms,
      projects: projectFigures(projects, year, today),
      chokepoints: {
        total: chokepoints.statuses.reduce((s, r) => s + r.count, 0),
        open: countOf('open'),
        inProgress: countOf('in_progress'),
        solved: countOf('solved'),
        byLink: chokepoints.links,
      },
      researchProjects: research,
      funds,
      coverage: { minutes: COVERAGE_MINUTES, ...coverage },
      facts: sourcedFactsOf(regionCode, chainId),
    };
  }

  /**
   * Per-chain figures of the year (one chain or all), the output trend (over the years with figures for those
   * chains), and the region's local supply rates.
   */
  private async chainFigures(
    regionCode: string,
    year: number | null,
    only?: { chainId: string; health: Health },
  ): Promise<{ byChain: Map<string, ChainFigures>; trend: OutputTrend; regionSupply: LocalSupply | null }> {
    const [chainList, years, counts, targets, health, supply] = await Promise.all([
      this.chains.listChains({ regionCode, limit: 1000, offset: 0 }),
      this.repo.chainYears(regionCode, only?.chainId),
      this.repo.chainCounts(regionCode, only?.chainId),
      this.repo.targets(regionCode),
      only === undefined ? this.chainMap.summary(regionCode, year ?? undefined) : Promise.resolve(undefined),
      year === null ? Promise.resolve([]) : chainLocalSupply(this.db, regionCode, year),
    ]);
    const chains = chainList.items.filter((c) => only === undefined || c.id === only.chainId);
    const healthByChain = only
      ? new Map([[only.chainId, only.health]])
      : new Map((health?.items ?? []).map((h) => [h.chainId, { ...foldAdjacentCounts(h.statusCounts), nodes: h.nodeCount }]));
    const supplyByChain = new Map(supply.map((s) => [s.chainId, s]));
    const byChain = new Map<string, ChainFigures>();
    for (const chain of chains) {
      const chainTargets = targets.filter((t) => t.chainId === chain.id);
      byChain.set(chain.id, figuresOf({ chain, year, years, counts, targets: chainTargets, health: healthByChain.get(chain.id), supply: supplyByChain.get(chain.id) }));
    }
    const region = supplyByChain.get(null);
    return { byChain, trend: trendOf(chains, years), regionSupply: region ? toSupply(region) : null };
  }

  private async clusters(regionCode: string, year: number | null): Promise<CountyCockpit['clusters']> {
    if (year === null) return [];
    return Promise.all(
      clustersOf(regionCode).map(async (c) => {
        const { revenueWan, firms } = await this.repo.clusterAboveScale(regionCode, year, c);
        return { id: c.id, nameZh: c.nameZh, nameEn: c.nameEn, aboveScaleRevenueWan: revenueWan, aboveScaleFirms: firms, source: c.source };
      }),
    );
  }
}

function toSupply(row: { amountWan: number; county: number | null; sameTown: number | null; driveTime: number | null }): LocalSupply {
  return { amountWan: row.amountWan, county: row.county, sameTown: row.sameTown, driveTime: row.driveTime };
}

function figuresOf(input: {
  chain: Chain;
  year: number | null;
  years: readonly ChainYearRow[];
  counts: readonly ChainCountRow[];
  targets: readonly { year: number; outputWan: number; nameZh: string; isAssumption: boolean; source: string }[];
  health: Health | undefined;
  supply: { amountWan: number; county: number | null; sameTown: number | null; driveTime: number | null } | undefined;
}): ChainFigures {
  const { chain, year } = input;
  const current = input.years.find((y) => y.chainId === chain.id && y.year === year);
  const previous = year === null ? undefined : input.years.find((y) => y.chainId === chain.id && y.year === year - 1);
  const count = input.counts.find((c) => c.chainId === chain.id);
  const outputWan = current?.outputWan ?? 0;
  const previousOutputWan = previous?.outputWan ?? null;
  const target = pickTarget(input.targets, year);
  return {
    chainId: chain.id,
    groupId: chain.groupId,
    nameZh: chain.nameZh,
    nameEn: chain.nameEn,
    outputWan,
    previousOutputWan,
    growth: computeGrowth(outputWan, previousOutputWan),
    aboveScaleRevenueWan: current?.aboveScaleRevenueWan ?? 0,
    entities: count?.entities ?? 0,
    firms: count?.firms ?? 0,
    aboveScaleFirms: count?.aboveScaleFirms ?? 0,
    listedFirms: count?.listedFirms ?? 0,
    target: target ? { ...target, progress: computeProgress(outputWan, target.outputWan) } : null,
    health: input.health ?? { strong: 0, weak: 0, missing: 0, nodes: chain.nodeCount },
    localSupply: input.supply ? toSupply(input.supply) : null,
  };
}

function groupOf(group: ChainGroup, chains: readonly Chain[], byChain: ReadonlyMap<string, ChainFigures>): CountyCockpit['groups'][number] {
  const members = chains.filter((c) => c.groupId === group.id).flatMap((c) => byChain.get(c.id) ?? []);
  const sums = sumFigures(members);
  return { groupId: group.id, kind: group.kind, nameZh: group.nameZh, nameEn: group.nameEn, ...sums, chains: members };
}

function trendOf(chains: readonly Chain[], rows: readonly ChainYearRow[]): OutputTrend {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const byKey = new Map(rows.map((r) => [`${r.chainId}|${r.year}`, r.outputWan]));
  return {
    years,
    series: chains.map((c) => ({ chainId: c.id, nameZh: c.nameZh, nameEn: c.nameEn, outputWan: years.map((y) => byKey.get(`${c.id}|${y}`) ?? 0) })),
  };
}

function isStage(value: string): value is ProjectStage {
  return (PROJECT_STAGES as readonly string[]).includes(value);
}

function projectFigures(rows: readonly ProjectRow[], year: number | null, today: string): ProjectFigures {
  const projects = rows.flatMap((r) => (isStage(r.stage) ? [{ ...r, stage: r.stage }] : []));
  const inYear = (date: string | null) => year !== null && date?.startsWith(`${year}-`) === true;
  const landed = projects.filter((p) => inYear(p.landedOn));
  const key: KeyProject[] = orderKeyProjects(
    projects.filter((p) => p.isKey),
    PROJECT_STAGES,
  )
    .slice(0, KEY_PROJECTS_SHOWN)
    .map(({ isKey: _isKey, parkNameZh: _zh, parkNameEn: _en, ...project }) => project);
  return {
    total: projects.length,
    byStage: PROJECT_STAGES.map((stage) => ({ stage, count: projects.filter((p) => p.stage === stage).length })),
    landedYear: year ?? 0,
    landed: landed.length,
    landedLocal: landed.filter((p) => p.origin === 'local').length,
    landedAttracted: landed.filter((p) => p.origin === 'attracted').length,
    overdue: projects.filter((p) => p.isOverdue).length,
    asOf: today,
    key,
    parks: parksOf(projects),
  };
}

/** Projects per park with those not yet producing counted by the year production is planned. */
function parksOf(projects: readonly (ProjectRow & { stage: ProjectStage })[]): ProjectFigures['parks'] {
  const producing = PROJECT_STAGES.indexOf('producing');
  const byPark = new Map<string, { parkId: string; nameZh: string; nameEn: string | null; projects: number; years: Map<number, number> }>();
  for (const p of projects) {
    if (p.parkId === null) continue;
    let park = byPark.get(p.parkId);
    if (!park) {
      park = { parkId: p.parkId, nameZh: p.parkNameZh ?? p.parkId, nameEn: p.parkNameEn, projects: 0, years: new Map() };
      byPark.set(p.parkId, park);
    }
    park.projects += 1;
    if (p.producingPlannedOn !== null && PROJECT_STAGES.indexOf(p.stage) < producing) {
      const year = Number(p.producingPlannedOn.slice(0, 4));
      park.years.set(year, (park.years.get(year) ?? 0) + 1);
    }
  }
  return [...byPark.values()]
    .sort((a, b) => b.projects - a.projects || a.parkId.localeCompare(b.parkId))
    .map(({ years, ...park }) => ({ ...park, plannedProduction: [...years].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count })) }));
}
