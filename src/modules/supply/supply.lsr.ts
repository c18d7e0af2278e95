import type { Db } from '../../db/client.ts';
import { cachedSupplyResult } from './supply.cache.ts';
import { hasDriveTimePairs, type LsrSumRow, namesOf, sumLocalSupply } from './supply.lsr.repo.ts';
import { LocalSupplyRates, type LocalSupplyRow, LocalSupplyTrend, type LsrLevel, periodRange, type PeriodSpec, ratesOf } from './supply.model.ts';
import type { FlowScope } from './supply.scope.ts';

export const DEFAULT_DRIVE_MINUTES = 30;

/** Optional narrowing of the chain purchases (see FlowScope). */
export interface ScopeFilter {
  chainId?: string | undefined;
  nodeId?: string | undefined;
  buyerId?: string | undefined;
  townCode?: string | undefined;
}

/**
 * Local supply rates (METHODS §3) at one level — region, chain, node, buyer firm or buyer's town — over a month
 * or a year, the county, same-town and drive-time variants side by side. Summed in SQL, cached per data version.
 */
export async function localSupplyRates(
  db: Db,
  args: { regionCode: string; level: LsrLevel; period: PeriodSpec; filter: ScopeFilter; minutes: number; limit: number },
): Promise<LocalSupplyRates> {
  const key = `rates:${JSON.stringify([args.level, args.period, args.filter, args.minutes, args.limit])}`;
  return cachedSupplyResult(db, {
    regionCode: args.regionCode,
    key,
    schema: LocalSupplyRates,
    compute: async () => {
      const range = periodRange(args.period);
      const scope: FlowScope = { regionCode: args.regionCode, range, ...args.filter };
      const withDriveTime = await hasDriveTimePairs(db, args.regionCode, args.minutes);
      const variants = { regionCode: args.regionCode, minutes: args.minutes };
      const sums = await sumLocalSupply(db, { scope, level: args.level, isMonthly: false, variants, withDriveTime });
      const shown = sums.slice(0, args.limit);
      const names = await namesOf(db, args.regionCode, args.level, shown.flatMap((r) => (r.key === null ? [] : [r.key])));
      return {
        level: args.level,
        ...range,
        minutes: args.minutes,
        isDriveTimeComputed: withDriveTime,
        total: toRow(addUp(sums, withDriveTime), null),
        rows: shown.map((r) => toRow(r, r.key === null ? null : (names.get(r.key) ?? null))),
        rowCount: sums.length,
      };
    },
  });
}

/** Monthly local supply rates of one year for everything in the filter together (the trend chart). */
export async function localSupplyTrend(db: Db, args: { regionCode: string; year: number; filter: ScopeFilter; minutes: number }): Promise<LocalSupplyTrend> {
  const key = `trend:${JSON.stringify([args.year, args.filter, args.minutes])}`;
  return cachedSupplyResult(db, {
    regionCode: args.regionCode,
    key,
    schema: LocalSupplyTrend,
    compute: async () => {
      const scope: FlowScope = { regionCode: args.regionCode, range: periodRange({ year: args.year }), ...args.filter };
      const withDriveTime = await hasDriveTimePairs(db, args.regionCode, args.minutes);
      const variants = { regionCode: args.regionCode, minutes: args.minutes };
      const sums = await sumLocalSupply(db, { scope, level: 'region', isMonthly: true, variants, withDriveTime });
      return { year: args.year, minutes: args.minutes, isDriveTimeComputed: withDriveTime, months: sums.map((r) => toRow(r, null)) };
    },
  });
}

/**
 * Local supply rates of a year per chain and for the whole region (chainId null, first), for the cockpit.
 * Rates are 0..1; driveTime is null until drive-time pairs exist for the default 30-minute limit.
 */
export async function chainLocalSupply(
  db: Db,
  regionCode: string,
  year: number,
): Promise<Array<{ chainId: string | null; amountWan: number; county: number | null; sameTown: number | null; driveTime: number | null }>> {
  const rates = await localSupplyRates(db, { regionCode, level: 'chain', period: { year }, filter: {}, minutes: DEFAULT_DRIVE_MINUTES, limit: 5000 });
  return [rates.total, ...rates.rows].map((r) => ({ chainId: r.key, amountWan: r.amountWan, ...r.rate }));
}

/** Sums rows into one (every flow belongs to exactly one row of a level, so the parts add up to the whole). */
function addUp(rows: readonly LsrSumRow[], withDriveTime: boolean): LsrSumRow {
  const total: LsrSumRow = { key: null, period: null, amountWan: 0, countyWan: 0, sameTownWan: 0, driveTimeWan: withDriveTime ? 0 : null, flowCount: 0 };
  for (const r of rows) {
    total.amountWan += r.amountWan;
    total.countyWan += r.countyWan;
    total.sameTownWan += r.sameTownWan;
    if (total.driveTimeWan !== null) total.driveTimeWan += r.driveTimeWan ?? 0;
    total.flowCount += r.flowCount;
  }
  return total;
}

function toRow(r: LsrSumRow, name: string | null): LocalSupplyRow {
  const localWan = { county: r.countyWan, sameTown: r.sameTownWan, driveTime: r.driveTimeWan };
  return { key: r.key, name, period: r.period, amountWan: r.amountWan, localWan, rate: ratesOf(r.amountWan, localWan), flowCount: r.flowCount };
}
