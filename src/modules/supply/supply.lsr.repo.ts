import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { LsrLevel } from './supply.model.ts';
import { num, numOrNull, rowsOf, str, strOrNull } from './supply.rows.ts';
import { type FlowScope, scopedFlowsCte } from './supply.scope.ts';
import { countyVariant, driveTimeVariant, sameTownVariant, type VariantContext } from './supply.variants.ts';

export interface LsrSumRow {
  key: string | null;
  period: string | null;
  amountWan: number;
  countyWan: number;
  sameTownWan: number;
  driveTimeWan: number | null;
  flowCount: number;
}

const KEY_OF_LEVEL: Record<LsrLevel, SQL> = {
  region: sql`null::text`,
  chain: sql`f.chain_id`,
  node: sql`f.node_id`,
  firm: sql`f.buyer_enterprise_id`,
  town: sql`f.buyer_town`,
};

/**
 * Net chain purchases and their local parts per variant, grouped by one level (and by month when asked), in a
 * single GROUP BY pass over the region's flows. The drive-time sum is left out (null) unless asked for.
 */
export async function sumLocalSupply(
  db: Db,
  args: { scope: FlowScope; level: LsrLevel; isMonthly: boolean; variants: VariantContext; withDriveTime: boolean },
): Promise<LsrSumRow[]> {
  const key = KEY_OF_LEVEL[args.level];
  const period = args.isMonthly ? sql`to_char(f.period, 'YYYY-MM')` : sql`null::text`;
  const drive = args.withDriveTime ? sql`sum(f.amount_wan) filter (where ${driveTimeVariant.condition(args.variants)})` : sql`null::numeric`;
  const query = sql`
      ${scopedFlowsCte(args.scope)}
      select ${key} as key, ${period} as period, sum(f.amount_wan) as amount,
        coalesce(sum(f.amount_wan) filter (where ${countyVariant.condition(args.variants)}), 0) as county,
        coalesce(sum(f.amount_wan) filter (where ${sameTownVariant.condition(args.variants)}), 0) as same_town,
        ${args.withDriveTime ? sql`coalesce(${drive}, 0)` : drive} as drive_time,
        count(*) as flow_count
      from scoped f
      group by 1, 2
      order by 2 nulls first, 3 desc, 1`;
  // The joins over a county's flows are costed high enough for PostgreSQL's JIT, whose compilation (1.2–1.4 s at
  // province scale) takes longer than the query itself (~0.5–1 s); off for this statement only.
  const rows = rowsOf(
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return tx.execute(query);
    }),
  );
  return rows.map((r) => ({
    key: strOrNull(r.key),
    period: strOrNull(r.period),
    amountWan: num(r.amount),
    countyWan: num(r.county),
    sameTownWan: num(r.same_town),
    driveTimeWan: numOrNull(r.drive_time),
    flowCount: num(r.flow_count),
  }));
}

/** True when drive-time pairs exist for the region at this limit (the geo module has run). */
export async function hasDriveTimePairs(db: Db, regionCode: string, minutes: number): Promise<boolean> {
  const rows = rowsOf(await db.execute(sql`select exists (select 1 from supply_reach where region_code = ${regionCode} and minutes = ${minutes}) as has`));
  return rows[0]?.has === true;
}

/** Display names of the keys of one level (chains, nodes and towns in Chinese; firms by registered name). */
export async function namesOf(db: Db, regionCode: string, level: LsrLevel, keys: readonly string[]): Promise<Map<string, string>> {
  if (level === 'region' || keys.length === 0) return new Map();
  const list = sql`(select unnest(${sql.param([...keys])}::text[]))`;
  const query: Record<Exclude<LsrLevel, 'region'>, SQL> = {
    chain: sql`select id as key, name_zh as name from chains where region_code = ${regionCode} and id in ${list}`,
    node: sql`select id as key, name_zh as name from chain_nodes where region_code = ${regionCode} and id in ${list}`,
    firm: sql`select id as key, name from enterprises where region_code = ${regionCode} and id in ${list}`,
    town: sql`select code as key, name_zh as name from regions where code in ${list}`,
  };
  const rows = rowsOf(await db.execute(query[level]));
  return new Map(rows.map((r) => [str(r.key), str(r.name)]));
}

/** Months ('YYYY-MM') with flows in the region, oldest first: a loose index scan, one index probe per month. */
export async function flowMonths(db: Db, regionCode: string): Promise<string[]> {
  const rows = rowsOf(
    await db.execute(sql`
      with recursive months as (
        select min(period) as d from trade_flows where region_code = ${regionCode}
        union all
        select (select min(period) from trade_flows where region_code = ${regionCode} and period > months.d) from months where months.d is not null
      )
      select to_char(d, 'YYYY-MM') as month from months where d is not null order by d`),
  );
  return rows.map((r) => str(r.month));
}
