import { z } from 'zod';
import { ChainGroupKind, ChainRole } from '../chains/chains.model.ts';
import { ProjectStage } from '../projects/projects.model.ts';

/**
 * API shapes of the cockpit (驾驶舱): every figure is read from the rows of the other modules for one year.
 * Amounts are in 万元 (DESIGN's units rule); rates are fractions 0..1; counts are whole numbers.
 */

export const CockpitQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('year of the figures; the latest year with firm metrics when absent'),
});
export type CockpitQuery = z.infer<typeof CockpitQuery>;

export const NodeStatusCounts = z.object({ strong: z.number().int(), weak: z.number().int(), missing: z.number().int() });
export type NodeStatusCounts = z.infer<typeof NodeStatusCounts>;

/** Local supply rates of purchases (domain/METHODS.md): in the county, in the buyer's town, within the drive time. */
export const LocalSupply = z
  .object({
    amountWan: z.number().describe('purchases counted, 万元'),
    county: z.number().nullable().describe('share bought from sellers in the county, 0..1'),
    sameTown: z.number().nullable().describe("share bought from sellers in the buyer's town, 0..1"),
    driveTime: z.number().nullable().describe('share bought from sellers within the drive-time limit, 0..1'),
  })
  .meta({ id: 'CockpitLocalSupply' });
export type LocalSupply = z.infer<typeof LocalSupply>;

export const TargetProgress = z
  .object({
    year: z.number().int().describe('year the target is due'),
    outputWan: z.number().describe('target output, 万元'),
    nameZh: z.string(),
    isAssumption: z.boolean().describe('value or year not given by a source'),
    source: z.string(),
    progress: z.number().nullable().describe("the cockpit year's output / target, 0..1+"),
  })
  .meta({ id: 'CockpitTarget' });
export type TargetProgress = z.infer<typeof TargetProgress>;

/** What the cockpit shows of one chain in one year. */
export const ChainFigures = z
  .object({
    chainId: z.string(),
    groupId: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    outputWan: z.number().describe("output of the firms whose main link is on the chain, 万元, in the year"),
    previousOutputWan: z.number().nullable().describe('the same a year before; null without metrics that year'),
    growth: z.number().nullable().describe('output / previous output − 1'),
    aboveScaleRevenueWan: z.number().describe('revenue of its 规上 firms, 万元'),
    entities: z.number().int().describe('firms on any link of the chain (链上主体)'),
    firms: z.number().int().describe('firms whose main link is on the chain'),
    aboveScaleFirms: z.number().int().describe('of which 规上'),
    listedFirms: z.number().int().describe('of which listed'),
    target: TargetProgress.nullable(),
    health: NodeStatusCounts.extend({ nodes: z.number().int() }),
    localSupply: LocalSupply.nullable().describe('null until the supply module computes it'),
  })
  .meta({ id: 'CockpitChain' });
export type ChainFigures = z.infer<typeof ChainFigures>;

export const GroupFigures = z
  .object({
    groupId: z.string(),
    kind: ChainGroupKind,
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    outputWan: z.number(),
    previousOutputWan: z.number().nullable(),
    growth: z.number().nullable(),
    firms: z.number().int(),
    aboveScaleFirms: z.number().int(),
    listedFirms: z.number().int(),
    chains: z.array(ChainFigures),
  })
  .meta({ id: 'CockpitGroup' });
export type GroupFigures = z.infer<typeof GroupFigures>;

/** Output per chain and year (万元), oldest year first; a year without metrics is absent. */
export const OutputTrend = z
  .object({
    years: z.array(z.number().int()),
    series: z.array(z.object({ chainId: z.string(), nameZh: z.string(), nameEn: z.string().nullable(), outputWan: z.array(z.number()) })),
  })
  .meta({ id: 'CockpitTrend' });
export type OutputTrend = z.infer<typeof OutputTrend>;

export const KeyProject = z
  .object({
    id: z.string(),
    name: z.string(),
    origin: z.enum(['local', 'attracted']),
    chainId: z.string().nullable(),
    parkId: z.string().nullable(),
    stage: ProjectStage,
    landMu: z.number().nullable(),
    investmentWan: z.number().nullable(),
    landedOn: z.iso.date().nullable(),
    producingPlannedOn: z.iso.date().nullable().describe('planned start of production'),
    isOverdue: z.boolean(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'CockpitProject' });
export type KeyProject = z.infer<typeof KeyProject>;

export const ProjectFigures = z
  .object({
    total: z.number().int(),
    byStage: z.array(z.object({ stage: ProjectStage, count: z.number().int() })),
    landedYear: z.number().int().describe('the cockpit year'),
    landed: z.number().int().describe('projects given their standard-land parcel in the year'),
    landedLocal: z.number().int().describe('of which local (内生)'),
    landedAttracted: z.number().int().describe('of which attracted (招引)'),
    overdue: z.number().int().describe('projects with a planned stage date passed and no actual date, today'),
    asOf: z.iso.date().describe('the day overdue is judged on'),
    key: z.array(KeyProject).describe('key projects (重点项目), overdue first, then by stage'),
    parks: z
      .array(
        z.object({
          parkId: z.string(),
          nameZh: z.string(),
          nameEn: z.string().nullable(),
          projects: z.number().int(),
          plannedProduction: z.array(z.object({ year: z.number().int(), count: z.number().int() })).describe('projects not yet producing, by the year production is planned'),
        }),
      )
      .describe('projects per park, most first'),
  })
  .meta({ id: 'CockpitProjects' });
export type ProjectFigures = z.infer<typeof ProjectFigures>;

export const FundFigures = z
  .object({
    motherSizeWan: z.number(),
    subsSizeWan: z.number(),
    subFundCount: z.number().int(),
    leverage: z.number().nullable().describe('Σ sub-fund sizes / mother size'),
    investedTargetCount: z.number().int(),
    attractedProjectCount: z.number().int(),
    investedWan: z.number().describe('Σ known investment amounts, 万元'),
  })
  .meta({ id: 'CockpitFunds' });
export type FundFigures = z.infer<typeof FundFigures>;

export const InnovationFigures = z
  .object({
    chokepoints: z.object({ total: z.number().int(), open: z.number().int(), inProgress: z.number().int(), solved: z.number().int() }),
    links: z.number().int().describe('distinct industrial links of the chokepoint list'),
    commonTechs: z.array(z.string().nullable()).describe('null = not assigned'),
    scenarios: z.array(z.string().nullable()),
    /** counts[i][j]: chokepoints of commonTechs[i] × scenarios[j] */
    counts: z.array(z.array(z.number().int())),
    researchProjects: z.number().int().describe('research projects at provincial level or above'),
    allianceMembers: z.number().int().describe('members of the innovation alliances'),
  })
  .meta({ id: 'CockpitInnovation' });
export type InnovationFigures = z.infer<typeof InnovationFigures>;

/** A figure a source states that the platform cannot compute from rows (e.g. a national market share). */
export const SourcedFact = z
  .object({
    id: z.string(),
    chainId: z.string().nullable(),
    labelZh: z.string(),
    labelEn: z.string(),
    valueZh: z.string(),
    valueEn: z.string(),
    year: z.number().int().nullable(),
    source: z.string(),
  })
  .meta({ id: 'SourcedFact' });
export type SourcedFact = z.infer<typeof SourcedFact>;

/** A named cluster that cuts across chains (e.g. 机器人与数控机床产业集群), with its 规上 revenue. */
export const ClusterFigures = z
  .object({ id: z.string(), nameZh: z.string(), nameEn: z.string(), aboveScaleRevenueWan: z.number(), aboveScaleFirms: z.number().int(), source: z.string() })
  .meta({ id: 'CockpitCluster' });
export type ClusterFigures = z.infer<typeof ClusterFigures>;

export const CountyCockpit = z
  .object({
    regionCode: z.string(),
    regionNameZh: z.string(),
    regionNameEn: z.string().nullable(),
    year: z.number().int().nullable().describe('year of the figures'),
    generatedAt: z.iso.datetime(),
    isSynthetic: z.boolean().describe('some figures come from demo rows (示例数据)'),
    totals: z.object({
      outputWan: z.number(),
      previousOutputWan: z.number().nullable(),
      growth: z.number().nullable(),
      firms: z.number().int().describe('firms in the registry'),
      chainFirms: z.number().int().describe('firms with a main link on some chain'),
      aboveScaleFirms: z.number().int(),
      listedFirms: z.number().int(),
    }),
    groups: z.array(GroupFigures),
    trend: OutputTrend,
    localSupply: LocalSupply.nullable().describe('the whole county; null until the supply module computes it'),
    projects: ProjectFigures,
    funds: FundFigures,
    innovation: InnovationFigures,
    clusters: z.array(ClusterFigures),
    facts: z.array(SourcedFact),
  })
  .meta({ id: 'CountyCockpit' });
export type CountyCockpit = z.infer<typeof CountyCockpit>;

export const CockpitNode = z
  .object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    tier: z.string(),
    isKeyNode: z.boolean(),
    status: z.enum(['strong', 'weak', 'missing']),
    firmCount: z.number().int(),
    outputWan: z.number(),
    localSupplyRate: z.number().nullable(),
  })
  .meta({ id: 'CockpitNode' });
export type CockpitNode = z.infer<typeof CockpitNode>;

export const LeadFirm = z
  .object({
    id: z.string(),
    name: z.string(),
    isListed: z.boolean(),
    scale: z.string(),
    outputWan: z.number().nullable().describe('output in the year, 万元; null for a named real firm (no figures published)'),
    isChainLeader: z.boolean().describe('named 链主 of the chain'),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'CockpitLeadFirm' });
export type LeadFirm = z.infer<typeof LeadFirm>;

export const Coverage = z
  .object({ minutes: z.number().int(), firms: z.number().int(), meanCoverage: z.number().nullable(), fullySupplied: z.number().int() })
  .meta({ id: 'CockpitCoverage' });
export type Coverage = z.infer<typeof Coverage>;

export const ChainCockpit = z
  .object({
    regionCode: z.string(),
    year: z.number().int().nullable(),
    generatedAt: z.iso.datetime(),
    isSynthetic: z.boolean(),
    chain: ChainFigures,
    roles: z.array(ChainRole),
    trend: OutputTrend,
    nodes: z.array(CockpitNode),
    leadFirms: z.array(LeadFirm),
    projects: ProjectFigures,
    chokepoints: z.object({ total: z.number().int(), open: z.number().int(), inProgress: z.number().int(), solved: z.number().int(), byLink: z.array(z.object({ link: z.string(), count: z.number().int() })) }),
    researchProjects: z.number().int(),
    funds: z.object({
      focusedFunds: z.number().int().describe('sub-funds whose focus is the chain'),
      focusedSizeWan: z.number(),
      investedWan: z.number().describe('Σ known investment amounts into projects of the chain, 万元'),
      investments: z.number().int(),
    }),
    coverage: Coverage.nullable().describe('30-minute supply circle of the chain; null until the supply-circle module computes it'),
    facts: z.array(SourcedFact),
  })
  .meta({ id: 'ChainCockpit' });
export type ChainCockpit = z.infer<typeof ChainCockpit>;

/** Growth against the previous year; null when either year is missing or the base is not positive. */
export function computeGrowth(outputWan: number, previousOutputWan: number | null): number | null {
  if (previousOutputWan === null || !(previousOutputWan > 0)) return null;
  return outputWan / previousOutputWan - 1;
}

/** Share of a target reached; null when the target is not positive. */
export function computeProgress(outputWan: number, targetWan: number): number | null {
  return targetWan > 0 ? outputWan / targetWan : null;
}

/**
 * The target to show: the nearest one due in or after the cockpit year, else the latest one (a passed target is
 * still worth seeing against).
 */
export function pickTarget<T extends { year: number }>(targets: readonly T[], year: number | null): T | null {
  if (targets.length === 0) return null;
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  const due = year === null ? undefined : sorted.find((t) => t.year >= year);
  return due ?? sorted[sorted.length - 1] ?? null;
}

/** Sums of chain figures for a group (or the county): counts add up because a firm has one main link. */
export function sumFigures(chains: readonly Pick<ChainFigures, 'outputWan' | 'previousOutputWan' | 'firms' | 'aboveScaleFirms' | 'listedFirms'>[]): {
  outputWan: number;
  previousOutputWan: number | null;
  growth: number | null;
  firms: number;
  aboveScaleFirms: number;
  listedFirms: number;
} {
  const outputWan = chains.reduce((s, c) => s + c.outputWan, 0);
  const hasPrevious = chains.some((c) => c.previousOutputWan !== null);
  const previousOutputWan = hasPrevious ? chains.reduce((s, c) => s + (c.previousOutputWan ?? 0), 0) : null;
  return {
    outputWan,
    previousOutputWan,
    growth: computeGrowth(outputWan, previousOutputWan),
    firms: chains.reduce((s, c) => s + c.firms, 0),
    aboveScaleFirms: chains.reduce((s, c) => s + c.aboveScaleFirms, 0),
    listedFirms: chains.reduce((s, c) => s + c.listedFirms, 0),
  };
}

/** Key projects in the order a leader reads them: overdue first, then the furthest stage, then the largest. */
export function orderKeyProjects<P extends { isOverdue: boolean; stage: ProjectStage; investmentWan: number | null; name: string }>(
  projects: readonly P[],
  stages: readonly ProjectStage[],
): P[] {
  return [...projects].sort(
    (a, b) =>
      Number(b.isOverdue) - Number(a.isOverdue) ||
      stages.indexOf(b.stage) - stages.indexOf(a.stage) ||
      (b.investmentWan ?? 0) - (a.investmentWan ?? 0) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
}

/** The chain shown on the target gauge: the one with the largest output that has a target. */
export function flagshipOf(cockpit: Pick<CountyCockpit, 'groups'>): ChainFigures | undefined {
  return cockpit.groups
    .flatMap((g) => g.chains)
    .filter((c) => c.target !== null)
    .sort((a, b) => b.outputWan - a.outputWan)[0];
}
