import { z } from 'zod';

export const FUND_KINDS = ['mother', 'sub'] as const;
export const FundKind = z.enum(FUND_KINDS);
export type FundKind = z.infer<typeof FundKind>;

const IsoDate = z.iso.date();

/** A fund with what its investments add up to; amounts in 万元. */
export const Fund = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: FundKind,
    parentId: z.string().nullable(),
    sizeWan: z.number(),
    governmentCommitmentWan: z.number().nullable(),
    paidInWan: z.number().nullable(),
    manager: z.string().nullable(),
    focusChainId: z.string().nullable(),
    establishedOn: IsoDate.nullable(),
    /** sub-fund leverage: size / government commitment; null without a commitment */
    leverage: z.number().nullable(),
    investmentCount: z.number().int(),
    /** Σ amounts of the investments whose amount is known */
    investedWan: z.number(),
    localInvestedWan: z.number(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'Fund' });
export type Fund = z.infer<typeof Fund>;

export const MotherFund = z
  .object({
    fund: Fund,
    subs: z.array(Fund),
    /** Σ sizes of the sub-funds */
    subsSizeWan: z.number(),
    /** programme leverage: Σ sub-fund sizes / mother size (Wenling: 173亿 / 60亿) */
    leverage: z.number().nullable(),
  })
  .meta({ id: 'MotherFund' });
export type MotherFund = z.infer<typeof MotherFund>;

export const FundTree = z
  .object({
    mothers: z.array(MotherFund),
    /** sub-funds whose mother is not recorded */
    unattached: z.array(Fund),
    totals: z.object({
      motherSizeWan: z.number(),
      subsSizeWan: z.number(),
      subFundCount: z.number().int(),
      leverage: z.number().nullable(),
      /** distinct targets invested in (a project or, without one, a target name) */
      investedTargetCount: z.number().int(),
      /** distinct targets counted as industrial projects attracted or supported through the funds */
      attractedProjectCount: z.number().int(),
    }),
  })
  .meta({ id: 'FundTree' });
export type FundTree = z.infer<typeof FundTree>;

export const FundInvestment = z
  .object({
    id: z.string(),
    fundId: z.string(),
    projectId: z.string().nullable(),
    targetName: z.string(),
    amountWan: z.number().nullable(),
    investedOn: IsoDate.nullable(),
    isAttractedProject: z.boolean(),
    isLocal: z.boolean(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'FundInvestment' });
export type FundInvestment = z.infer<typeof FundInvestment>;

export const FundDetail = z
  .object({ fund: Fund, subs: z.array(Fund), investments: z.array(FundInvestment) })
  .meta({ id: 'FundDetail' });
export type FundDetail = z.infer<typeof FundDetail>;

/**
 * Leverage (放大倍数, domain/METHODS.md §12): money raised per unit of the base. For a sub-fund the base is the
 * government commitment; for a programme it is the mother fund and the numerator is the sub-funds' total —
 * the mother's money sits inside the sub-funds, so adding the mother again would count it twice.
 * Null when the base is missing or not positive.
 */
export function computeLeverage(sizeWan: number, baseWan: number | null): number | null {
  if (baseWan === null || !(baseWan > 0)) return null;
  return sizeWan / baseWan;
}

/** Groups funds into mothers with their sub-funds (each list ordered by name); sub-funds without a known mother go to `unattached`. */
export function buildFundTree<F extends { id: string; kind: FundKind; parentId: string | null; sizeWan: number; name: string }>(
  funds: readonly F[],
): { mothers: { fund: F; subs: F[]; subsSizeWan: number; leverage: number | null }[]; unattached: F[] } {
  const byName = (a: F, b: F) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);
  const motherFunds = funds.filter((f) => f.kind === 'mother').sort(byName);
  const motherIds = new Set(motherFunds.map((m) => m.id));
  const mothers = motherFunds.map((fund) => {
    const subs = funds.filter((f) => f.kind === 'sub' && f.parentId === fund.id).sort(byName);
    const subsSizeWan = subs.reduce((sum, s) => sum + s.sizeWan, 0);
    return { fund, subs, subsSizeWan, leverage: computeLeverage(subsSizeWan, fund.sizeWan) };
  });
  const unattached = funds.filter((f) => f.kind === 'sub' && (f.parentId === null || !motherIds.has(f.parentId))).sort(byName);
  return { mothers, unattached };
}
