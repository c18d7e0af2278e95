import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { BuyerDependency, NodeConcentration, SellerRef, TopSupplier } from './supply.risk.model.ts';
import { num, numOrNull, rowsOf, str, strOrNull } from './supply.rows.ts';
import { type FlowScope, scopedFlowsCte } from './supply.scope.ts';
import { countyVariant } from './supply.variants.ts';

/** Net sales of each seller per node over the scope, with whether the seller is county-local. */
function bySellerCte(scope: FlowScope, perBuyer = false): SQL {
  const buyer = perBuyer ? sql`f.buyer_enterprise_id,` : sql``;
  return sql`${scopedFlowsCte(scope)},
    by_seller as (
      select ${buyer} f.node_id, f.seller_uscc, max(f.seller_enterprise_id) as seller_id, max(f.seller_region_code) as seller_region,
        bool_or(${countyVariant.condition({ regionCode: scope.regionCode, minutes: 0 })}) as is_local,
        sum(f.amount_wan) as amount, count(distinct f.buyer_enterprise_id) as buyers
      from scoped f group by ${buyer} f.node_id, f.seller_uscc
    )`;
}

function sellerOf(r: Record<string, unknown>, prefix: string): SellerRef {
  return {
    uscc: str(r[`${prefix}uscc`]),
    enterpriseId: strOrNull(r[`${prefix}id`]),
    name: strOrNull(r[`${prefix}name`]),
    regionCode: str(r[`${prefix}region`]),
    isLocal: r[`${prefix}is_local`] === true,
  };
}

/** HHI and largest shares of each node's purchases by seller; shares over sellers with positive net sales. */
export async function concentrationByNode(db: Db, scope: FlowScope): Promise<NodeConcentration[]> {
  const rows = rowsOf(
    await db.execute(sql`
      ${bySellerCte(scope)},
      per_node as (
        select node_id, sum(amount) as amount, coalesce(sum(amount) filter (where is_local), 0) as county,
          count(*) filter (where amount > 0) as sellers,
          sum(amount::float8 * amount::float8) filter (where amount > 0) / nullif(sum(amount::float8) filter (where amount > 0), 0) ^ 2 as hhi,
          max(amount::float8) filter (where amount > 0) / nullif(sum(amount::float8) filter (where amount > 0), 0) as top_share,
          max(amount::float8) filter (where is_local and amount > 0) / nullif(sum(amount::float8) filter (where is_local and amount > 0), 0) as top_local_share,
          (array_agg(seller_uscc order by amount desc, seller_uscc) filter (where is_local and amount > 0))[1] as t_uscc
        from by_seller group by node_id
      )
      select p.*, s.seller_id as t_id, s.seller_region as t_region, s.is_local as t_is_local, e.name as t_name
      from per_node p
      left join by_seller s on s.node_id = p.node_id and s.seller_uscc = p.t_uscc
      left join enterprises e on e.region_code = ${scope.regionCode} and e.id = s.seller_id
      order by p.node_id`),
  );
  return rows.map((r) => ({
    nodeId: str(r.node_id),
    amountWan: num(r.amount),
    countyWan: num(r.county),
    sellerCount: num(r.sellers),
    supplierHhi: numOrNull(r.hhi),
    topSellerShare: numOrNull(r.top_share),
    topLocalSeller: r.t_uscc === null || r.t_uscc === undefined ? null : sellerOf(r, 't_'),
    topLocalShare: numOrNull(r.top_local_share),
  }));
}

/** Sellers of one node's chain purchases, largest net sales first. */
export async function suppliersOfNode(db: Db, scope: FlowScope, limit: number): Promise<{ items: TopSupplier[]; amountWan: number; sellerCount: number }> {
  const rows = rowsOf(
    await db.execute(sql`
      ${bySellerCte(scope)}
      select s.seller_uscc as uscc, s.seller_id as id, s.seller_region as region, s.is_local, e.name, s.amount, s.buyers,
        sum(s.amount) over () as node_amount, count(*) over () as seller_count
      from by_seller s left join enterprises e on e.region_code = ${scope.regionCode} and e.id = s.seller_id
      order by s.amount desc, s.seller_uscc
      limit ${limit}`),
  );
  const amountWan = num(rows[0]?.node_amount);
  return {
    amountWan,
    sellerCount: num(rows[0]?.seller_count),
    items: rows.map((r) => ({ ...sellerOf(r, ''), amountWan: num(r.amount), share: amountWan > 0 ? num(r.amount) / amountWan : null, buyerCount: num(r.buyers) })),
  };
}

/** (buyer, node) pairs whose largest seller holds more than `share` of the buyer's positive purchases of the node. */
export async function dependentBuyers(db: Db, scope: FlowScope, args: { share: number; limit: number; offset: number }): Promise<{ rows: BuyerDependency[]; total: number }> {
  const rows = rowsOf(
    await db.execute(sql`
      ${bySellerCte(scope, true)},
      per_pair as (
        select buyer_enterprise_id as buyer, node_id, sum(amount::float8) filter (where amount > 0) as pos, count(*) filter (where amount > 0) as sellers,
          sum(amount::float8 * amount::float8) filter (where amount > 0) / nullif(sum(amount::float8) filter (where amount > 0), 0) ^ 2 as hhi,
          max(amount::float8) filter (where amount > 0) as top,
          (array_agg(seller_uscc order by amount desc, seller_uscc) filter (where amount > 0))[1] as t_uscc
        from by_seller group by buyer_enterprise_id, node_id
      ),
      risky as (select *, top / pos as top_share, count(*) over () as total from per_pair where pos > 0 and top / pos > ${args.share})
      select r.*, s.seller_id as t_id, s.seller_region as t_region, s.is_local as t_is_local, se.name as t_name, be.name as buyer_name, n.name_zh as node_name
      from risky r
      join by_seller s on s.buyer_enterprise_id = r.buyer and s.node_id = r.node_id and s.seller_uscc = r.t_uscc
      left join enterprises se on se.region_code = ${scope.regionCode} and se.id = s.seller_id
      left join enterprises be on be.region_code = ${scope.regionCode} and be.id = r.buyer
      left join chain_nodes n on n.region_code = ${scope.regionCode} and n.id = r.node_id
      order by r.pos desc, r.buyer, r.node_id
      limit ${args.limit} offset ${args.offset}`),
  );
  return {
    total: num(rows[0]?.total),
    rows: rows.map((r) => ({
      buyerId: str(r.buyer),
      buyerName: strOrNull(r.buyer_name),
      nodeId: str(r.node_id),
      nodeName: strOrNull(r.node_name),
      amountWan: num(r.pos),
      sellerCount: num(r.sellers),
      hhi: num(r.hhi),
      topSeller: sellerOf(r, 't_'),
      topShare: num(r.top_share),
    })),
  };
}
