import { z } from 'zod';

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
