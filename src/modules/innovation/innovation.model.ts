import { z } from 'zod';

export const PLATFORM_KINDS = ['innovation_center', 'test_center', 'research_institute', 'lab', 'alliance', 'service_center'] as const;
export const PlatformKind = z.enum(PLATFORM_KINDS);
export type PlatformKind = z.infer<typeof PlatformKind>;

export const MEMBER_KINDS = ['firm', 'university', 'institute', 'other'] as const;
export const MemberKind = z.enum(MEMBER_KINDS);
export type MemberKind = z.infer<typeof MemberKind>;

export const CHOKEPOINT_STATUSES = ['open', 'in_progress', 'solved'] as const;
export const ChokepointStatus = z.enum(CHOKEPOINT_STATUSES);
export type ChokepointStatus = z.infer<typeof ChokepointStatus>;

/** How a solver was found: open_call = 揭榜挂帅, commissioned = 定向委托, joint = 联合攻关, in_house = 自主攻关. */
export const SOLVER_KINDS = ['open_call', 'commissioned', 'joint', 'in_house'] as const;
export const SolverKind = z.enum(SOLVER_KINDS);
export type SolverKind = z.infer<typeof SolverKind>;

export const RESEARCH_LEVELS = ['provincial', 'national'] as const;
export const ResearchLevel = z.enum(RESEARCH_LEVELS);
export type ResearchLevel = z.infer<typeof ResearchLevel>;

const IsoDate = z.iso.date();

export const Platform = z
  .object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    kind: PlatformKind,
    parentId: z.string().nullable(),
    chainId: z.string().nullable(),
    /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', as precise as known */
    foundedOn: z.string().nullable(),
    partner: z.string().nullable(),
    note: z.string().nullable(),
    memberCount: z.number().int(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'Platform' });
export type Platform = z.infer<typeof Platform>;

export const PlatformMember = z
  .object({
    memberId: z.string(),
    memberName: z.string(),
    memberKind: MemberKind,
    enterpriseId: z.string().nullable(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'PlatformMember' });
export type PlatformMember = z.infer<typeof PlatformMember>;

export const PlatformDetail = z
  .object({ platform: Platform, children: z.array(Platform), members: z.array(PlatformMember) })
  .meta({ id: 'PlatformDetail' });
export type PlatformDetail = z.infer<typeof PlatformDetail>;

export const Chokepoint = z
  .object({
    id: z.string(),
    chainId: z.string().nullable(),
    platformId: z.string().nullable(),
    title: z.string(),
    link: z.string().nullable(),
    commonTech: z.string().nullable(),
    scenario: z.string().nullable(),
    status: ChokepointStatus,
    solverKind: SolverKind.nullable(),
    solverName: z.string().nullable(),
    openedOn: IsoDate.nullable(),
    solvedOn: IsoDate.nullable(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'Chokepoint' });
export type Chokepoint = z.infer<typeof Chokepoint>;

export const StatusCounts = z.object({ open: z.number().int(), inProgress: z.number().int(), solved: z.number().int() });
export type StatusCounts = z.infer<typeof StatusCounts>;

/** Chokepoints counted by common technology × application scenario, and by industrial link (null = not assigned). */
export const ChokepointMatrix = z
  .object({
    commonTechs: z.array(z.string().nullable()),
    scenarios: z.array(z.string().nullable()),
    /** counts[i][j]: chokepoints of commonTechs[i] in scenarios[j] */
    counts: z.array(z.array(z.number().int())),
    byLink: z.array(z.object({ link: z.string().nullable(), count: z.number().int(), solved: z.number().int() })),
    byStatus: StatusCounts,
    total: z.number().int(),
  })
  .meta({ id: 'ChokepointMatrix' });
export type ChokepointMatrix = z.infer<typeof ChokepointMatrix>;

export const ResearchProject = z
  .object({
    id: z.string(),
    title: z.string(),
    level: ResearchLevel,
    platformId: z.string().nullable(),
    chainId: z.string().nullable(),
    chokepointId: z.string().nullable(),
    startedOn: IsoDate.nullable(),
    budgetWan: z.number().nullable(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'ResearchProject' });
export type ResearchProject = z.infer<typeof ResearchProject>;

type Label = string | null;

/** Labels in a stable order: by Chinese collation, the unassigned (null) last. */
export function sortLabels(labels: Iterable<Label>): Label[] {
  return [...new Set(labels)].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'zh-CN')));
}

/** Sparse (row, column, count) cells → axes and a dense count grid (absent cells are 0). */
export function toDenseMatrix(cells: readonly { row: Label; col: Label; count: number }[]): { rows: Label[]; cols: Label[]; counts: number[][] } {
  const rows = sortLabels(cells.map((c) => c.row));
  const cols = sortLabels(cells.map((c) => c.col));
  const counts = rows.map(() => cols.map(() => 0));
  for (const c of cells) {
    const line = counts[rows.indexOf(c.row)];
    const j = cols.indexOf(c.col);
    if (line) line[j] = (line[j] ?? 0) + c.count;
  }
  return { rows, cols, counts };
}

/** Counts per status from (status, count) pairs; unknown statuses are ignored. */
export function countByStatus(pairs: readonly { status: string; count: number }[]): StatusCounts {
  const out: StatusCounts = { open: 0, inProgress: 0, solved: 0 };
  for (const { status, count } of pairs) {
    if (status === 'open') out.open += count;
    else if (status === 'in_progress') out.inProgress += count;
    else if (status === 'solved') out.solved += count;
  }
  return out;
}

/** Narrows stored text to one of the codes, or undefined. */
export function parseCode<T extends string>(codes: readonly T[], value: string | null): T | undefined {
  return codes.find((c) => c === value);
}
