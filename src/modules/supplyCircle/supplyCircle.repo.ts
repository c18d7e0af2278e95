import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { insertByUnnest } from '../../db/unnestInsert.ts';
import { supplyReach } from '../supply/supply.schema.ts';

/** A firm placed at one point: its first plant site with coordinates, else its registered site, else its own lon/lat. */
export interface FirmPointRow {
  id: string;
  name: string;
  lon: number;
  lat: number;
  isSynthetic: boolean;
  /** 'above' = 规上, 'below' = 规下 */
  scale: string;
}

export interface InputNodeRow {
  nodeId: string;
  nameZh: string;
  nameEn: string | null;
}

// Rows come back as plain records on both drivers; numbers may arrive as strings on node-postgres.
function rowsOf(result: unknown): Record<string, unknown>[] {
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) return result.rows;
  return [];
}
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));

/** SQL of the supply circle: firm points, node memberships, a chain's input nodes, trading pairs, the data version. */
export class SupplyCircleRepo {
  constructor(private readonly db: Db) {}

  async firmPoints(regionCode: string): Promise<FirmPointRow[]> {
    const result = await this.db.execute(sql`
      select e.id, e.name, coalesce(s.lon, e.lon) as lon, coalesce(s.lat, e.lat) as lat, e.is_synthetic, e.scale
      from enterprises e
      left join lateral (
        select lon, lat from enterprise_sites s
        where s.region_code = e.region_code and s.enterprise_id = e.id and s.lon is not null and s.lat is not null
        order by (s.kind = 'plant') desc, s.id limit 1
      ) s on true
      where e.region_code = ${regionCode} and coalesce(s.lon, e.lon) is not null and coalesce(s.lat, e.lat) is not null
      order by e.id`);
    return rowsOf(result).map((r) => ({ id: str(r.id), name: str(r.name), lon: Number(r.lon), lat: Number(r.lat), isSynthetic: r.is_synthetic === true, scale: str(r.scale) }));
  }

  /** enterprise → node memberships of the region (who may supply what). */
  async memberships(regionCode: string): Promise<{ enterpriseId: string; nodeId: string }[]> {
    const result = await this.db.execute(sql`select enterprise_id, node_id from enterprise_nodes where region_code = ${regionCode} order by node_id, enterprise_id`);
    return rowsOf(result).map((r) => ({ enterpriseId: str(r.enterprise_id), nodeId: str(r.node_id) }));
  }

  async chainExists(regionCode: string, chainId: string): Promise<boolean> {
    const result = await this.db.execute(sql`select 1 from chains where region_code = ${regionCode} and id = ${chainId}`);
    return rowsOf(result).length > 0;
  }

  /** The chain's input nodes: every node consumed (node_inputs.from) by a node of the chain. */
  async chainInputNodes(regionCode: string, chainId: string): Promise<InputNodeRow[]> {
    const result = await this.db.execute(sql`
      select f.id, f.name_zh, f.name_en
      from chain_nodes f
      where f.region_code = ${regionCode} and exists (
        select 1 from node_inputs i join chain_nodes t on t.region_code = i.region_code and t.id = i.to_node_id
        where i.region_code = f.region_code and i.from_node_id = f.id and t.chain_id = ${chainId})
      order by f.chain_id, f.sort, f.id`);
    return rowsOf(result).map((r) => ({ nodeId: str(r.id), nameZh: str(r.name_zh), nameEn: r.name_en == null ? null : str(r.name_en) }));
  }

  /** The chain's own nodes in display order. */
  async chainNodes(regionCode: string, chainId: string): Promise<InputNodeRow[]> {
    const result = await this.db.execute(sql`select id, name_zh, name_en from chain_nodes where region_code = ${regionCode} and chain_id = ${chainId} order by sort, id`);
    return rowsOf(result).map((r) => ({ nodeId: str(r.id), nameZh: str(r.name_zh), nameEn: r.name_en == null ? null : str(r.name_en) }));
  }

  /** Memberships of the chain's nodes: firm id → node id. */
  async chainMemberships(regionCode: string, chainId: string): Promise<{ enterpriseId: string; nodeId: string }[]> {
    const result = await this.db.execute(sql`
      select m.enterprise_id, m.node_id from enterprise_nodes m join chain_nodes n on n.region_code = m.region_code and n.id = m.node_id
      where m.region_code = ${regionCode} and n.chain_id = ${chainId} order by m.enterprise_id, n.sort, n.id`);
    return rowsOf(result).map((r) => ({ enterpriseId: str(r.enterprise_id), nodeId: str(r.node_id) }));
  }

  /** The firms of a chain (members of any of its nodes). */
  async chainFirmIds(regionCode: string, chainId: string): Promise<string[]> {
    const result = await this.db.execute(sql`
      select distinct m.enterprise_id from enterprise_nodes m join chain_nodes n on n.region_code = m.region_code and n.id = m.node_id
      where m.region_code = ${regionCode} and n.chain_id = ${chainId} order by 1`);
    return rowsOf(result).map((r) => str(r.enterprise_id));
  }

  /** Every chain with its input nodes, for the county-wide matrix. */
  async allChainInputs(regionCode: string): Promise<{ chainId: string; nodeId: string }[]> {
    const result = await this.db.execute(sql`
      select distinct t.chain_id, i.from_node_id from node_inputs i join chain_nodes t on t.region_code = i.region_code and t.id = i.to_node_id
      where i.region_code = ${regionCode} order by 1, 2`);
    return rowsOf(result).map((r) => ({ chainId: str(r.chain_id), nodeId: str(r.from_node_id) }));
  }

  /** Seller → buyer pairs between registry firms that actually trade. */
  async tradingPairs(regionCode: string): Promise<{ buyerId: string; sellerId: string }[]> {
    const result = await this.db.execute(sql`
      select distinct buyer_enterprise_id, seller_enterprise_id from trade_flows
      where region_code = ${regionCode} and seller_enterprise_id is not null and seller_enterprise_id <> buyer_enterprise_id`);
    return rowsOf(result).map((r) => ({ buyerId: str(r.buyer_enterprise_id), sellerId: str(r.seller_enterprise_id) }));
  }

  /**
   * The region's supply data version (bumped by triggers whenever firms, sites, memberships or flows change;
   * see drizzle/*_supply_cache.sql); 0 before any change.
   */
  async dataVersion(regionCode: string): Promise<number> {
    const result = await this.db.execute(sql`select version from supply_data_versions where region_code = ${regionCode}`);
    const v = rowsOf(result)[0]?.version;
    return v === undefined ? 0 : Number(v);
  }

  /** Replaces the region's reach pairs for one limit in one transaction. */
  async replaceReach(regionCode: string, minutes: number, rows: { buyerId: string; sellerId: string; seconds: number }[], dataVersion: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.delete(supplyReach).where(and(eq(supplyReach.regionCode, regionCode), eq(supplyReach.minutes, minutes)));
      const values = rows.map((r) => ({ regionCode, minutes, buyerEnterpriseId: r.buyerId, sellerEnterpriseId: r.sellerId, seconds: r.seconds, dataVersion }));
      return insertByUnnest(tx, supplyReach, values);
    });
  }
}
