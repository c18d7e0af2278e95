import { and, asc, eq, getTableColumns, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { fundInvestments, funds } from './funds.schema.ts';

export type FundRow = typeof funds.$inferSelect & { investmentCount: number; investedWan: number; localInvestedWan: number };
export type InvestmentRow = typeof fundInvestments.$inferSelect;

/** Distinct target of an investment: its project, or its name when it has no project. */
const TARGET = sql`coalesce('p:' || ${fundInvestments.projectId}, 'n:' || ${fundInvestments.targetName})`;

export class FundsRepo {
  constructor(private readonly db: Db) {}

  /** Funds of the region with their investments summed in SQL; `id` narrows to one fund and its sub-funds. */
  async list(regionCode: string, id?: string): Promise<FundRow[]> {
    const stats = this.db
      .select({
        fundId: fundInvestments.fundId,
        investmentCount: sql<number>`count(*)`.mapWith(Number).as('investment_count'),
        investedWan: sql<number>`coalesce(sum(${fundInvestments.amountWan}), 0)`.mapWith(Number).as('invested_wan'),
        localInvestedWan: sql<number>`coalesce(sum(${fundInvestments.amountWan}) filter (where ${fundInvestments.isLocal}), 0)`
          .mapWith(Number)
          .as('local_invested_wan'),
      })
      .from(fundInvestments)
      .where(eq(fundInvestments.regionCode, regionCode))
      .groupBy(fundInvestments.fundId)
      .as('stats');
    return this.db
      .select({
        ...getTableColumns(funds),
        investmentCount: sql<number>`coalesce(${stats.investmentCount}, 0)`.mapWith(Number),
        investedWan: sql<number>`coalesce(${stats.investedWan}, 0)`.mapWith(Number),
        localInvestedWan: sql<number>`coalesce(${stats.localInvestedWan}, 0)`.mapWith(Number),
      })
      .from(funds)
      .leftJoin(stats, eq(stats.fundId, funds.id))
      .where(and(eq(funds.regionCode, regionCode), id === undefined ? undefined : or(eq(funds.id, id), eq(funds.parentId, id))))
      .orderBy(asc(funds.name), asc(funds.id));
  }

  /** Distinct targets invested in, and those counted as attracted projects. */
  async targetCounts(regionCode: string): Promise<{ investedTargetCount: number; attractedProjectCount: number }> {
    const rows = await this.db
      .select({
        investedTargetCount: sql<number>`count(distinct ${TARGET})`.mapWith(Number),
        attractedProjectCount: sql<number>`count(distinct ${TARGET}) filter (where ${fundInvestments.isAttractedProject})`.mapWith(Number),
      })
      .from(fundInvestments)
      .where(eq(fundInvestments.regionCode, regionCode));
    return rows[0] ?? { investedTargetCount: 0, attractedProjectCount: 0 };
  }

  async investments(regionCode: string, fundId: string): Promise<InvestmentRow[]> {
    return this.db
      .select()
      .from(fundInvestments)
      .where(and(eq(fundInvestments.regionCode, regionCode), eq(fundInvestments.fundId, fundId)))
      .orderBy(sql`${fundInvestments.investedOn} desc nulls last`, asc(fundInvestments.id));
  }
}
