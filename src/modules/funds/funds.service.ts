import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { buildFundTree, computeLeverage, type Fund, type FundDetail, type FundInvestment, type FundTree } from './funds.model.ts';
import { type FundRow, FundsRepo, type InvestmentRow } from './funds.repo.ts';

export class FundsService {
  private readonly repo: FundsRepo;

  constructor(db: Db) {
    this.repo = new FundsRepo(db);
  }

  /** Mother funds with their sub-funds, each mother's leverage, and the programme's totals. */
  async tree(regionCode: string): Promise<FundTree> {
    const [rows, counts] = await Promise.all([this.repo.list(regionCode), this.repo.targetCounts(regionCode)]);
    const { mothers, unattached } = buildFundTree(rows.map(toFund));
    const motherSizeWan = mothers.reduce((s, m) => s + m.fund.sizeWan, 0);
    const subsSizeWan = mothers.reduce((s, m) => s + m.subsSizeWan, 0);
    return {
      mothers,
      unattached,
      totals: {
        motherSizeWan,
        subsSizeWan,
        subFundCount: mothers.reduce((n, m) => n + m.subs.length, 0),
        leverage: computeLeverage(subsSizeWan, motherSizeWan),
        ...counts,
      },
    };
  }

  /** One fund, its sub-funds (for a mother) and its investments, newest first. */
  async detail(regionCode: string, id: string): Promise<FundDetail> {
    const rows = await this.repo.list(regionCode, id);
    const fund = rows.find((r) => r.id === id);
    if (!fund) throw new DomainError('NOT_FOUND', { field: 'id', reason: 'no such fund' }, 'not found');
    const investments = await this.repo.investments(regionCode, id);
    return { fund: toFund(fund), subs: rows.filter((r) => r.parentId === id).map(toFund), investments: investments.map(toInvestment) };
  }
}

function toFund(row: FundRow): Fund {
  const { regionCode: _region, kind, ...rest } = row;
  const isMother = kind === 'mother';
  return {
    ...rest,
    kind: isMother ? 'mother' : 'sub',
    leverage: isMother ? null : computeLeverage(row.sizeWan, row.governmentCommitmentWan),
  };
}

function toInvestment(row: InvestmentRow): FundInvestment {
  const { regionCode: _region, ...rest } = row;
  return rest;
}
