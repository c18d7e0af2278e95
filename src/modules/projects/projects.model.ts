import { z } from 'zod';

/** Project stages in their order (domain/METHODS.md §11): 线索 → 洽谈 → 签约 → 供地 → 开工 → 竣工 → 投产 → 达产. */
export const PROJECT_STAGES = ['lead', 'negotiating', 'signed', 'land_supplied', 'started', 'completed', 'producing', 'at_capacity'] as const;
export const ProjectStage = z.enum(PROJECT_STAGES);
export type ProjectStage = z.infer<typeof ProjectStage>;

export const PROJECT_ORIGINS = ['local', 'attracted'] as const;
export const ProjectOrigin = z.enum(PROJECT_ORIGINS);
export type ProjectOrigin = z.infer<typeof ProjectOrigin>;

export const PARCEL_STATUSES = ['free', 'agreed', 'supplied'] as const;
export const ParcelStatus = z.enum(PARCEL_STATUSES);
export type ParcelStatus = z.infer<typeof ParcelStatus>;

/**
 * A project "lands" (落地) when it receives its standard-land parcel: the year landed is the year of the actual
 * date of this stage ("标准地+项目库": land goes only to library projects).
 */
export const LANDED_STAGE: ProjectStage = 'land_supplied';

const IsoDate = z.iso.date();

export const ProjectEvent = z
  .object({
    stage: ProjectStage,
    plannedOn: IsoDate.nullable(),
    actualOn: IsoDate.nullable(),
    /** the planned date has passed and the stage has no actual date */
    isOverdue: z.boolean(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'ProjectEvent' });
export type ProjectEvent = z.infer<typeof ProjectEvent>;

export const Project = z
  .object({
    id: z.string(),
    name: z.string(),
    origin: ProjectOrigin,
    chainId: z.string().nullable(),
    nodeId: z.string().nullable(),
    enterpriseId: z.string().nullable(),
    parkId: z.string().nullable(),
    parcelId: z.string().nullable(),
    investmentWan: z.number().nullable(),
    landMu: z.number().nullable(),
    stage: ProjectStage,
    /** actual date of the land_supplied stage */
    landedOn: IsoDate.nullable(),
    /** some stage's planned date has passed without an actual date */
    isOverdue: z.boolean(),
    isKey: z.boolean(),
    isSynthetic: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof Project>;

export const Parcel = z
  .object({
    id: z.string(),
    name: z.string(),
    parkId: z.string().nullable(),
    townCode: z.string().nullable(),
    areaMu: z.number(),
    landUse: z.string(),
    status: ParcelStatus,
    investmentPerMuWanMin: z.number().nullable(),
    valueAddedPerMuWanMin: z.number().nullable(),
    taxPerMuWanMin: z.number().nullable(),
    laborProductivityWanMin: z.number().nullable(),
    valueAddedPerTceWanMin: z.number().nullable(),
    valueAddedPerEmissionTWanMin: z.number().nullable(),
    plotRatioMin: z.number().nullable(),
    plotRatioMax: z.number().nullable(),
    buildingDensityMin: z.number().nullable(),
    rdShareMin: z.number().nullable(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'Parcel' });
export type Parcel = z.infer<typeof Parcel>;

export const LandAgreement = z
  .object({
    id: z.string(),
    projectId: z.string(),
    parcelId: z.string(),
    signedOn: IsoDate.nullable(),
    landPriceWan: z.number().nullable(),
    startDueOn: IsoDate.nullable(),
    completionDueOn: IsoDate.nullable(),
    investmentPerMuWan: z.number().nullable(),
    valueAddedPerMuWan: z.number().nullable(),
    taxPerMuWan: z.number().nullable(),
    laborProductivityWan: z.number().nullable(),
    valueAddedPerTceWan: z.number().nullable(),
    valueAddedPerEmissionTWan: z.number().nullable(),
    plotRatio: z.number().nullable(),
    buildingDensity: z.number().nullable(),
    rdShare: z.number().nullable(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'LandAgreement' });
export type LandAgreement = z.infer<typeof LandAgreement>;

export const ProjectDetail = z
  .object({ project: Project, events: z.array(ProjectEvent), agreements: z.array(LandAgreement) })
  .meta({ id: 'ProjectDetail' });
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const PROJECT_SORTS = ['name', 'investment', 'stage', 'landed'] as const;
export const ProjectSort = z.enum(PROJECT_SORTS);
export type ProjectSort = z.infer<typeof ProjectSort>;

/** Position of a stage in the pipeline, 0 for lead. */
export function stageIndex(stage: ProjectStage): number {
  return PROJECT_STAGES.indexOf(stage);
}

/** Orders stages along the pipeline (for Array.prototype.sort). */
export function compareStages(a: ProjectStage, b: ProjectStage): number {
  return stageIndex(a) - stageIndex(b);
}

/** Narrows a stored text to a stage, or undefined when it is not one. */
export function parseStage(value: string): ProjectStage | undefined {
  return PROJECT_STAGES.find((s) => s === value);
}

/** A stage is overdue when its planned date is before `today` (YYYY-MM-DD) and it has no actual date. */
export function isStageOverdue(event: { plannedOn: string | null; actualOn: string | null }, today: string): boolean {
  return event.plannedOn !== null && event.actualOn === null && event.plannedOn < today;
}

/** The furthest stage with an actual date, or 'lead' when none has one. */
export function reachedStage(events: readonly { stage: ProjectStage; actualOn: string | null }[]): ProjectStage {
  let reached: ProjectStage = 'lead';
  for (const e of events) if (e.actualOn !== null && stageIndex(e.stage) > stageIndex(reached)) reached = e.stage;
  return reached;
}

/** Events in pipeline order with their overdue flag. */
export function withOverdueFlags<E extends { stage: ProjectStage; plannedOn: string | null; actualOn: string | null }>(
  events: readonly E[],
  today: string,
): (E & { isOverdue: boolean })[] {
  return [...events].sort((a, b) => compareStages(a.stage, b.stage)).map((e) => ({ ...e, isOverdue: isStageOverdue(e, today) }));
}

/** Today's date in the given IANA zone as YYYY-MM-DD (deadlines are local dates). */
export function localDate(now: Date, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
