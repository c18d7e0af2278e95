import { type SQL, sql } from 'drizzle-orm';
import { type LocalVariantId, regionPrefix } from './supply.model.ts';

export interface VariantContext {
  regionCode: string;
  /** drive-time limit in minutes (METHODS §3 default 30) */
  minutes: number;
}

/**
 * One meaning of "local" (METHODS §3): a SQL condition over a row of the `scoped` CTE (alias `f`, see
 * supply.scope.ts). Every variant is summed in the same pass over the flows, so adding one is adding an entry
 * here, not another query.
 */
export interface LocalVariant {
  id: LocalVariantId;
  condition(ctx: VariantContext): SQL;
}

/** Registered in the county: USCC region within the tenant's code, or a firm of the tenant's own registry. */
export const countyVariant: LocalVariant = {
  id: 'county',
  condition: (ctx) => sql`(f.seller_region_code like ${`${regionPrefix(ctx.regionCode)}%`} or f.seller_enterprise_id is not null)`,
};

/** Seller and buyer in the same town (a firm without a known town is never same-town). */
export const sameTownVariant: LocalVariant = {
  id: 'sameTown',
  condition: () => sql`(f.buyer_town is not null and f.buyer_town = f.seller_town)`,
};

/** Seller within the buyer's drive-time circle: a (buyer, seller) pair of supply_reach at the limit. */
export const driveTimeVariant: LocalVariant = {
  id: 'driveTime',
  condition: (ctx) => sql`exists (
    select 1 from supply_reach r
    where r.region_code = ${ctx.regionCode} and r.minutes = ${ctx.minutes}
      and r.buyer_enterprise_id = f.buyer_enterprise_id and r.seller_enterprise_id = f.seller_enterprise_id)`,
};

export const LOCAL_VARIANTS: readonly LocalVariant[] = [countyVariant, sameTownVariant, driveTimeVariant];
