import type { Db } from '../../db/client.ts';
import { loadCircleContext, reverseTimes } from './supplyCircle.context.ts';
import { SupplyCircleRepo } from './supplyCircle.repo.ts';
import { secondsToSiteFrom } from './snapTime.ts';

export interface ReachSummary {
  minutes: number;
  /** seller → buyer pairs that trade (both firms located) */
  pairs: number;
  /** of which the seller drives to the buyer within the limit (rows written to supply_reach) */
  within: number;
  dataVersion: number;
}

/**
 * Fills supply_reach for one limit: for every seller → buyer pair that actually trades in trade_flows (not the
 * full cross product), the drive time from the seller's site to the buyer's site when within the limit. One
 * reverse Dijkstra per buyer. The supply module's drive-time local supply rate reads the table.
 */
export async function refreshReach(db: Db, regionCode: string, minutes = 30): Promise<ReachSummary> {
  const repo = new SupplyCircleRepo(db);
  const context = await loadCircleContext(db, regionCode);
  const maxSeconds = minutes * 60;
  const sellersOf = new Map<number, number[]>();
  let pairs = 0;
  for (const { buyerId, sellerId } of await repo.tradingPairs(regionCode)) {
    const b = context.firmIndex.get(buyerId);
    const s = context.firmIndex.get(sellerId);
    if (b === undefined || s === undefined) continue;
    pairs++;
    const list = sellersOf.get(b);
    if (list) list.push(s);
    else sellersOf.set(b, [s]);
  }
  const rows: { buyerId: string; sellerId: string; seconds: number }[] = [];
  for (const [b, sellers] of sellersOf) {
    const site = context.positions[b];
    const buyer = context.firms[b];
    if (!site || !buyer) continue;
    const times = reverseTimes(context, b, maxSeconds);
    for (const s of sellers) {
      const p = context.positions[s];
      const seller = context.firms[s];
      if (!p || !seller) continue;
      const seconds = secondsToSiteFrom(context.graph.segments, times, p, site);
      if (seconds <= maxSeconds) rows.push({ buyerId: buyer.id, sellerId: seller.id, seconds });
    }
  }
  await repo.replaceReach(regionCode, minutes, rows, context.dataVersion);
  return { minutes, pairs, within: rows.length, dataVersion: context.dataVersion };
}
