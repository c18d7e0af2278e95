import type { Db } from '../../db/client.ts';
import { validationError } from '../../shared/errors.ts';
import { flowMonths } from './supply.lsr.repo.ts';
import {
  computeLocalShare,
  type FlowSummary,
  type FlowSummaryQuery,
  type NodeFlowTotal,
  periodRange,
  type SupplyYears,
  toPeriodSpec,
  yearsOfMonths,
} from './supply.model.ts';
import { type NodeSumRow, SupplyRepo } from './supply.repo.ts';

export class SupplyService {
  private readonly repo: SupplyRepo;

  constructor(private readonly db: Db) {
    this.repo = new SupplyRepo(db);
  }

  /** Purchases by node over a month or a year, with the share bought from sellers registered in the region. */
  async summary(regionCode: string, query: FlowSummaryQuery): Promise<FlowSummary> {
    const spec = toPeriodSpec(query);
    if (!spec) throw validationError('period', 'give either period or year');
    const range = periodRange(spec);
    const sums = await this.repo.sumByNode(regionCode, range);
    const nodes = sums.map(toNodeTotal);
    const amountWan = sums.reduce((s, r) => s + r.amountWan, 0);
    const localAmountWan = sums.reduce((s, r) => s + r.localAmountWan, 0);
    const flowCount = sums.reduce((s, r) => s + r.flowCount, 0);
    return {
      ...range,
      nodes,
      total: { amountWan, localAmountWan, localShare: computeLocalShare(amountWan, localAmountWan), flowCount },
    };
  }

  /** Years with flows and the latest full one (the supply page's default). */
  async years(regionCode: string): Promise<SupplyYears> {
    return yearsOfMonths(await flowMonths(this.db, regionCode));
  }
}

function toNodeTotal(row: NodeSumRow): NodeFlowTotal {
  return { ...row, localShare: computeLocalShare(row.amountWan, row.localAmountWan) };
}
