import { DomainError } from '../../shared/errors.ts';
import type { LocalSupplyRates, LocalSupplyRow, LocalSupplyTrend, SupplyRatesView, SupplyRowView, SupplyTrendView } from './supply.model.ts';
import type { NetworkFirm, SubClusters } from './supply.network.model.ts';
import type { FirmPartners } from './supply.partners.model.ts';
import type { DependencyRisks, RisksQuery, TopSuppliers } from './supply.risk.model.ts';
import { DEFAULT_BUYER_DEPENDENCY_SHARE, DEFAULT_DOMINANT_LOCAL_SHARE } from './supply.risk.model.ts';
import { MIN_GROUP_FOR_FLOWS } from './supply.sensitive.model.ts';

// The sensitive-data rule (supply.sensitive.model.ts) applied to each supply answer.

/** An answer as one user may see it, and whether showing it reveals sensitive amounts (a read to audit). */
export interface Shown<T> {
  value: T;
  isSensitiveRead: boolean;
}

/** A firm's suppliers and customers: every amount and share names the firm and (but for the totals) a partner. */
export function showPartners(full: FirmPartners, canSeeSensitive: boolean): Shown<FirmPartners> {
  if (canSeeSensitive) return { value: { ...full, isMasked: false }, isSensitiveRead: full.supplierCount + full.customerCount > 0 };
  return {
    value: {
      ...full,
      purchasesWan: null,
      salesWan: null,
      suppliers: full.suppliers.map((s) => ({ ...s, amountWan: null, share: null })),
      customers: full.customers.map((c) => ({ ...c, amountWan: null, share: null })),
      isMasked: true,
    },
    isSensitiveRead: false,
  };
}

/** A node's largest sellers: each seller's sales and its share of the (visible) node total are one firm's. */
export function showTopSuppliers(full: TopSuppliers, canSeeSensitive: boolean): Shown<TopSuppliers> {
  if (canSeeSensitive) return { value: { ...full, isMasked: false }, isSensitiveRead: full.items.length > 0 };
  return { value: { ...full, items: full.items.map((s) => ({ ...s, amountWan: null, share: null })), isMasked: true }, isSensitiveRead: false };
}

/**
 * Dependency risks: a buyer's purchases, its HHI by seller (with two sellers it gives the top share back) and
 * the named top seller's share are one firm's or one pair's; so is the named top local seller's share of a node.
 */
export function showRisks(full: DependencyRisks, canSeeSensitive: boolean): Shown<DependencyRisks> {
  if (canSeeSensitive) return { value: { ...full, isMasked: false }, isSensitiveRead: full.buyers.length + full.nodes.length > 0 };
  return {
    value: {
      ...full,
      buyers: full.buyers.map((b) => ({ ...b, amountWan: null, hhi: null, topShare: null })),
      nodes: full.nodes.map((n) => ({ ...n, topLocalShare: null })),
      isMasked: true,
    },
    isSensitiveRead: false,
  };
}

/**
 * The thresholds of the risk rules are fixed without the permission: moving them would bracket a masked
 * firm-pair share by bisection.
 */
export function assertRiskThresholdsAllowed(query: Pick<RisksQuery, 'buyerShare' | 'localShare'>, canSeeSensitive: boolean): void {
  if (canSeeSensitive) return;
  const reason = 'other thresholds than the default need the sensitive permission (they would reveal firm-pair shares)';
  if (query.buyerShare !== DEFAULT_BUYER_DEPENDENCY_SHARE) throw new DomainError('FORBIDDEN', { field: 'buyerShare', reason }, 'not allowed');
  if (query.localShare !== DEFAULT_DOMINANT_LOCAL_SHARE) throw new DomainError('FORBIDDEN', { field: 'localShare', reason }, 'not allowed');
}

/** Key firms and sub-cluster members: a named firm's purchases and sales inside the chain graph. */
export function showNetworkFirms<T extends { items: NetworkFirm[]; isMasked: boolean }>(full: T, canSeeSensitive: boolean): Shown<T> {
  if (canSeeSensitive) return { value: { ...full, isMasked: false }, isSensitiveRead: full.items.length > 0 };
  return { value: { ...full, items: full.items.map((f) => ({ ...f, boughtWan: null, soldWan: null })), isMasked: true }, isSensitiveRead: false };
}

/** Sub-clusters: flow sums of groups of at least MIN_GROUP_FOR_FLOWS members are aggregates; smaller ones are not. */
export function showSubClusters(full: SubClusters, canSeeSensitive: boolean): Shown<SubClusters> {
  const sizeOf = new Map(full.clusters.map((c) => [c.community, c.size]));
  const isSmall = (community: number) => (sizeOf.get(community) ?? 0) < MIN_GROUP_FOR_FLOWS;
  const hasSmall = full.clusters.some((c) => isSmall(c.community));
  if (canSeeSensitive) return { value: { ...full, isMasked: false }, isSensitiveRead: hasSmall };
  return {
    value: {
      ...full,
      clusters: full.clusters.map((c) => (isSmall(c.community) ? { ...c, flowWan: null } : c)),
      links: full.links.map((l) => (isSmall(l.from) || isSmall(l.to) ? { ...l, amountWan: null } : l)),
      isMasked: true,
    },
    isSensitiveRead: false,
  };
}

/**
 * Local supply rates: rows of single buyer firms (level firm), and every row when the query is narrowed to one
 * buyer (firmId), carry that firm's purchases; their amounts are masked, the rates (local / all purchases of the
 * firm, not a firm-pair share) stay.
 */
export function showRates(full: LocalSupplyRates, args: { isOneFirm: boolean; canSeeSensitive: boolean }): Shown<SupplyRatesView> {
  const isTotalFirm = args.isOneFirm;
  const isRowFirm = args.isOneFirm || full.level === 'firm';
  const hasSensitive = (isTotalFirm && full.total.flowCount > 0) || (isRowFirm && full.rows.length > 0);
  const hide = !args.canSeeSensitive;
  return {
    value: { ...full, total: showRow(full.total, hide && isTotalFirm), rows: full.rows.map((r) => showRow(r, hide && isRowFirm)), isMasked: hide },
    isSensitiveRead: args.canSeeSensitive && hasSensitive,
  };
}

/** The monthly trend narrowed to one buyer firm is that firm's purchases month by month. */
export function showTrend(full: LocalSupplyTrend, args: { isOneFirm: boolean; canSeeSensitive: boolean }): Shown<SupplyTrendView> {
  const hide = !args.canSeeSensitive && args.isOneFirm;
  return {
    value: { ...full, months: full.months.map((m) => showRow(m, hide)), isMasked: !args.canSeeSensitive },
    isSensitiveRead: args.canSeeSensitive && args.isOneFirm && full.months.length > 0,
  };
}

function showRow(row: LocalSupplyRow, isHidden: boolean): SupplyRowView {
  return isHidden ? { ...row, amountWan: null, localWan: null } : row;
}
