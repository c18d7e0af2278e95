import { and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { tradeFlows } from './supply.schema.ts';

export interface NodeSumRow {
  nodeId: string;
  amountWan: number;
  localAmountWan: number;
  flowCount: number;
}

export class SupplyRepo {
  constructor(private readonly db: Db) {}

  /** Net purchases per node in [from, to); local = seller registered in the region itself. */
  async sumByNode(regionCode: string, range: { from: string; to: string }): Promise<NodeSumRow[]> {
    const amount = sql<number>`coalesce(sum(${tradeFlows.amountWan}), 0)`.mapWith(Number);
    return this.db
      .select({
        nodeId: tradeFlows.nodeId,
        amountWan: amount,
        localAmountWan: sql<number>`coalesce(sum(${tradeFlows.amountWan}) filter (where ${tradeFlows.sellerRegionCode} = ${regionCode}), 0)`.mapWith(Number),
        flowCount: count(),
      })
      .from(tradeFlows)
      .where(and(eq(tradeFlows.regionCode, regionCode), gte(tradeFlows.period, range.from), lt(tradeFlows.period, range.to)))
      .groupBy(tradeFlows.nodeId)
      .orderBy(desc(amount), tradeFlows.nodeId);
  }
}
