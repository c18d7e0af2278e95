import { z } from 'zod';
import { IsMasked, MASKED } from './supply.sensitive.model.ts';

/** A month as 'YYYY-MM'. */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');

export const FlowSummaryQuery = z
  .object({
    period: Period.optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional(),
  })
  .refine((q) => (q.period === undefined) !== (q.year === undefined), { message: 'give either period or year', path: ['period'] });
export type FlowSummaryQuery = z.infer<typeof FlowSummaryQuery>;

/** Purchases of one chain node in 万元 (excl. VAT, credit notes netted); local = seller registered in the region. */
export const NodeFlowTotal = z
  .object({
    nodeId: z.string(),
    amountWan: z.number(),
    localAmountWan: z.number(),
    /** localAmountWan / amountWan; null when the net amount is not positive */
    localShare: z.number().nullable(),
    flowCount: z.number().int(),
  })
  .meta({ id: 'NodeFlowTotal' });
export type NodeFlowTotal = z.infer<typeof NodeFlowTotal>;

export const FlowSummary = z
  .object({
    from: z.string(),
    to: z.string(),
    nodes: z.array(NodeFlowTotal),
    total: NodeFlowTotal.omit({ nodeId: true }),
  })
  .meta({ id: 'FlowSummary' });
export type FlowSummary = z.infer<typeof FlowSummary>;

/**
 * Local supply share (domain/METHODS.md §3): local purchases / all purchases, both net of credit notes.
 * A non-positive total has no meaningful share, so it gives null rather than a division artefact.
 */
export function computeLocalShare(amountWan: number, localAmountWan: number): number | null {
  if (!(amountWan > 0)) return null;
  return localAmountWan / amountWan;
}

/** The registering authority's GB/T 2260 code: characters 3–8 of a USCC (GB 32100-2015). */
export function regionCodeOfUscc(uscc: string): string {
  return uscc.slice(2, 8);
}

/** 'YYYY-MM' → the date of the month's first day, the form trade_flows.period stores. */
export function periodToDate(period: string): string {
  return `${period}-01`;
}

export type PeriodSpec = { period: string } | { year: number };

/** The month or the year a query asks for; undefined when it names neither. */
export function toPeriodSpec(query: FlowSummaryQuery): PeriodSpec | undefined {
  if (query.period !== undefined) return { period: query.period };
  if (query.year !== undefined) return { year: query.year };
  return undefined;
}

/** The half-open date range [from, to) of a month ('YYYY-MM') or a calendar year. */
export function periodRange(spec: PeriodSpec): { from: string; to: string } {
  if ('year' in spec) return { from: `${spec.year}-01-01`, to: `${spec.year + 1}-01-01` };
  const year = Number(spec.period.slice(0, 4));
  const month = Number(spec.period.slice(5, 7));
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return { from: periodToDate(spec.period), to: periodToDate(next) };
}

/**
 * GB/T 4754-2017 divisions whose purchases a local supply rate leaves out (METHODS §3: energy, utilities,
 * finance): 44 electricity and heat, 45 gas, 46 water (section D); 66–69 finance (section J). A node counts as
 * excluded when any of its industry classes lies in one of them.
 */
export const EXCLUDED_INDUSTRY_DIVISIONS = ['44', '45', '46', '66', '67', '68', '69'] as const;

/**
 * The prefix a USCC region code has when it lies inside a tenant's area: trailing "00" pairs of a GB/T 2260
 * code mean "the whole province / city" (330000 → 33, 331000 → 3310); a county code is its own prefix.
 */
export function regionPrefix(regionCode: string): string {
  let prefix = regionCode;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

/** The three meanings of "local" (METHODS §3), always reported side by side. */
export const LocalVariantId = z.enum(['county', 'sameTown', 'driveTime']);
export type LocalVariantId = z.infer<typeof LocalVariantId>;

export const LsrLevel = z.enum(['region', 'chain', 'node', 'firm', 'town']);
export type LsrLevel = z.infer<typeof LsrLevel>;

/** Amounts per variant in 万元; driveTime is null while no drive-time pairs are computed for the limit. */
export const VariantAmounts = z.object({ county: z.number(), sameTown: z.number(), driveTime: z.number().nullable() });
export type VariantAmounts = z.infer<typeof VariantAmounts>;

export const VariantRates = z.object({ county: z.number().nullable(), sameTown: z.number().nullable(), driveTime: z.number().nullable() });
export type VariantRates = z.infer<typeof VariantRates>;

export const LocalSupplyRow = z
  .object({
    key: z.string().nullable().describe('chain / node / buyer firm id or town code; null for the whole region'),
    name: z.string().nullable().describe('name of the chain, node, firm or town'),
    period: z.string().nullable().describe('YYYY-MM of a monthly row; null for the whole range'),
    amountWan: z.number().describe('net chain purchases, 万元 excl. VAT'),
    localWan: VariantAmounts.describe('of which bought from local sellers, per variant, 万元'),
    rate: VariantRates.describe('local / all purchases, 0..1; null without positive purchases or when not computed'),
    flowCount: z.number().int(),
  })
  .meta({ id: 'LocalSupplyRow' });
export type LocalSupplyRow = z.infer<typeof LocalSupplyRow>;

const Minutes = z.coerce.number().int().min(1).max(240).default(30).describe('drive-time limit of the driveTime variant, minutes');
const Year = z.coerce.number().int().min(1990).max(2100);

export const RatesQuery = z
  .object({
    level: LsrLevel.default('node'),
    period: Period.optional(),
    year: Year.optional(),
    chainId: z.string().min(1).optional(),
    nodeId: z.string().min(1).optional(),
    firmId: z.string().min(1).optional().describe("buyer firm (its amounts are masked without the sensitive permission; rates stay)"),
    townCode: z.string().min(1).optional().describe("buyer's town"),
    minutes: Minutes,
    limit: z.coerce.number().int().min(1).max(5000).default(500),
  })
  .refine((q) => (q.period === undefined) !== (q.year === undefined), { message: 'give either period or year', path: ['period'] });
export type RatesQuery = z.infer<typeof RatesQuery>;

export const LocalSupplyRates = z
  .object({
    level: LsrLevel,
    from: z.string(),
    to: z.string(),
    minutes: z.number().int(),
    isDriveTimeComputed: z.boolean().describe('false: no drive-time pairs exist for this region and limit yet'),
    total: LocalSupplyRow.describe('everything in scope together'),
    rows: z.array(LocalSupplyRow).describe('largest purchases first'),
    rowCount: z.number().int().describe('rows before the limit'),
  })
  .meta({ id: 'LocalSupplyRates' });
export type LocalSupplyRates = z.infer<typeof LocalSupplyRates>;

/** A row as the API shows it: a single buyer firm's amounts are masked without the permission, its rates stay. */
export const SupplyRowView = LocalSupplyRow.extend({
  amountWan: z.number().nullable().describe(`net chain purchases, 万元 excl. VAT; a single buyer firm's (level firm, or firmId given)${MASKED}`),
  localWan: VariantAmounts.nullable().describe(`of which bought from local sellers, per variant, 万元; a single buyer firm's${MASKED}`),
}).meta({ id: 'SupplyRowView' });
export type SupplyRowView = z.infer<typeof SupplyRowView>;

export const SupplyRatesView = LocalSupplyRates.extend({
  total: SupplyRowView.describe('everything in scope together (one firm\'s purchases when firmId is given)'),
  rows: z.array(SupplyRowView).describe('largest purchases first'),
  isMasked: IsMasked,
}).meta({ id: 'SupplyRatesView' });
export type SupplyRatesView = z.infer<typeof SupplyRatesView>;

export const TrendQuery = z.object({
  year: Year,
  chainId: z.string().min(1).optional(),
  nodeId: z.string().min(1).optional(),
  firmId: z.string().min(1).optional(),
  townCode: z.string().min(1).optional(),
  minutes: Minutes,
});
export type TrendQuery = z.infer<typeof TrendQuery>;

export const LocalSupplyTrend = z
  .object({ year: z.number().int(), minutes: z.number().int(), isDriveTimeComputed: z.boolean(), months: z.array(LocalSupplyRow).describe('one row per month with flows, in order') })
  .meta({ id: 'LocalSupplyTrend' });
export type LocalSupplyTrend = z.infer<typeof LocalSupplyTrend>;

export const SupplyTrendView = LocalSupplyTrend.extend({
  months: z.array(SupplyRowView).describe('one row per month with flows, in order; amounts masked when firmId is given, without the permission'),
  isMasked: IsMasked,
}).meta({ id: 'SupplyTrendView' });
export type SupplyTrendView = z.infer<typeof SupplyTrendView>;

/** Local amounts → rates, each null when the purchases are not positive or the variant is not computed. */
export function ratesOf(amountWan: number, local: VariantAmounts): VariantRates {
  return {
    county: computeLocalShare(amountWan, local.county),
    sameTown: computeLocalShare(amountWan, local.sameTown),
    driveTime: local.driveTime === null ? null : computeLocalShare(amountWan, local.driveTime),
  };
}

export const SupplyYears = z
  .object({
    years: z.array(z.number().int()).describe('years with flows, latest first'),
    latestFullYear: z.number().int().nullable().describe('latest year with flows in all twelve months'),
  })
  .meta({ id: 'SupplyYears' });
export type SupplyYears = z.infer<typeof SupplyYears>;

/** Years with flows (latest first) and the latest one with all twelve months, from the list of months with flows. */
export function yearsOfMonths(months: readonly string[]): SupplyYears {
  const counts = new Map<number, number>();
  for (const m of months) counts.set(Number(m.slice(0, 4)), (counts.get(Number(m.slice(0, 4))) ?? 0) + 1);
  const years = [...counts.keys()].sort((a, b) => b - a);
  return { years, latestFullYear: years.find((y) => counts.get(y) === 12) ?? null };
}
