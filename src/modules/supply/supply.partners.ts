import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { periodRange } from './supply.model.ts';
import { type FirmPartners, Nodes } from './supply.partners.model.ts';
import { num, rowsOf, str, strOrNull } from './supply.rows.ts';
import { countyVariant } from './supply.variants.ts';

/** A firm's suppliers and customers in a year from its trade flows (all nodes; own purchases left out), unmasked: see showPartners. */
export async function firmPartners(db: Db, args: { regionCode: string; enterpriseId: string; year: number; limit: number }): Promise<FirmPartners> {
  const { regionCode, enterpriseId, limit } = args;
  const exists = rowsOf(await db.execute(sql`select 1 as one from enterprises where region_code = ${regionCode} and id = ${enterpriseId}`));
  if (exists.length === 0) throw new DomainError('NOT_FOUND', { field: 'enterpriseId', reason: 'no such firm in this region' }, 'not found');
  const range = periodRange({ year: args.year });
  const [suppliers, customers] = await Promise.all([
    db.execute(sql`
      with p as (
        select f.seller_uscc, max(f.seller_enterprise_id) as seller_id, max(f.seller_region_code) as seller_region, sum(f.amount_wan) as amount,
          bool_or(${countyVariant.condition({ regionCode, minutes: 0 })}) as is_local, array_agg(distinct f.node_id) as node_ids
        from trade_flows f
        where f.region_code = ${regionCode} and f.buyer_enterprise_id = ${enterpriseId} and f.period >= ${range.from} and f.period < ${range.to}
          and f.seller_enterprise_id is distinct from f.buyer_enterprise_id
        group by f.seller_uscc
      )
      select p.*, e.name, sum(p.amount) over () as total, count(*) over () as n,
        (select json_agg(json_build_object('id', n.id, 'name', n.name_zh) order by n.id) from chain_nodes n where n.region_code = ${regionCode} and n.id = any(p.node_ids)) as nodes
      from p left join enterprises e on e.region_code = ${regionCode} and e.id = p.seller_id
      order by p.amount desc, p.seller_uscc limit ${limit}`),
    db.execute(sql`
      with c as (
        select f.buyer_enterprise_id as buyer_id, sum(f.amount_wan) as amount, array_agg(distinct f.node_id) as node_ids
        from trade_flows f
        where f.region_code = ${regionCode} and f.seller_enterprise_id = ${enterpriseId} and f.period >= ${range.from} and f.period < ${range.to}
          and f.buyer_enterprise_id <> ${enterpriseId}
        group by f.buyer_enterprise_id
      )
      select c.*, e.name, sum(c.amount) over () as total, count(*) over () as n,
        (select json_agg(json_build_object('id', n.id, 'name', n.name_zh) order by n.id) from chain_nodes n where n.region_code = ${regionCode} and n.id = any(c.node_ids)) as nodes
      from c left join enterprises e on e.region_code = ${regionCode} and e.id = c.buyer_id
      order by c.amount desc, c.buyer_id limit ${limit}`),
  ]);
  const s = rowsOf(suppliers);
  const c = rowsOf(customers);
  const purchasesWan = num(s[0]?.total);
  const salesWan = num(c[0]?.total);
  const share = (amount: number, total: number) => (total > 0 ? amount / total : null);
  const nodesOf = (v: unknown) => Nodes.parse(typeof v === 'string' ? JSON.parse(v) : (v ?? []));
  return {
    year: args.year,
    purchasesWan,
    salesWan,
    supplierCount: num(s[0]?.n),
    customerCount: num(c[0]?.n),
    suppliers: s.map((r) => ({
      uscc: str(r.seller_uscc),
      enterpriseId: strOrNull(r.seller_id),
      name: strOrNull(r.name),
      regionCode: str(r.seller_region),
      isLocal: r.is_local === true,
      amountWan: num(r.amount),
      share: share(num(r.amount), purchasesWan),
      nodes: nodesOf(r.nodes),
    })),
    customers: c.map((r) => ({ enterpriseId: str(r.buyer_id), name: strOrNull(r.name), amountWan: num(r.amount), share: share(num(r.amount), salesWan), nodes: nodesOf(r.nodes) })),
    isMasked: false,
  };
}
