import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { NodeMembership } from './chainMap.relatedness.ts';
import { chainMapSettings } from './chains.schema.ts';

export interface NodeFirmStatsRow {
  nodeId: string;
  firmCount: number;
  aboveScaleCount: number;
  outputWan: number;
  isSynthetic: boolean;
}

export interface NodeFirmRow {
  id: string;
  uscc: string | null;
  name: string;
  townCode: string | null;
  scale: string;
  isPrimary: boolean;
  outputWan: number | null;
  isSynthetic: boolean;
}

export type SettingsRow = typeof chainMapSettings.$inferSelect;

// Rows come back as plain records on both drivers; numbers of count()/sum() arrive as strings on node-postgres.
function rowsOf(result: unknown): Record<string, unknown>[] {
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) return result.rows;
  return [];
}
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function chainFilter(chainId: string | undefined, table: SQL = sql`n`): SQL {
  return chainId === undefined ? sql`true` : sql`${table}.chain_id = ${chainId}`;
}

/** SQL of the chain map: firm counts and output per node, purchases per node and seller, the region's thresholds. */
export class ChainMapRepo {
  constructor(private readonly db: Db) {}

  /** Latest year with all twelve months of flows; else the latest year with firm metrics; else null. */
  async latestFullYear(regionCode: string): Promise<number | null> {
    // A loose index scan: one index probe per distinct month instead of reading every flow.
    const flows = rowsOf(
      await this.db.execute(sql`
        with recursive months as (
          select min(period) as d from trade_flows where region_code = ${regionCode}
          union all
          select (select min(period) from trade_flows where region_code = ${regionCode} and period > months.d) from months where months.d is not null
        )
        select extract(year from d)::int as y from months where d is not null group by 1 having count(*) = 12 order by 1 desc limit 1`),
    );
    if (flows[0]) return num(flows[0].y);
    const metrics = rowsOf(await this.db.execute(sql`select max(year)::int as y from enterprise_metrics where region_code = ${regionCode}`));
    return metrics[0]?.y === null || metrics[0]?.y === undefined ? null : num(metrics[0].y);
  }

  /** Firms per node of a chain (every chain when none is named); output counts firms for which the node is primary (万元). */
  async firmStats(regionCode: string, chainId: string | undefined, year: number | null): Promise<NodeFirmStatsRow[]> {
    const rows = rowsOf(
      await this.db.execute(sql`
        select en.node_id, count(*) as firm_count,
          count(*) filter (where e.scale = 'above') as above_count,
          coalesce(sum(m.output_wan) filter (where en.is_primary), 0) as output_wan,
          bool_or(en.is_synthetic or e.is_synthetic) as is_synthetic
        from enterprise_nodes en
        join chain_nodes n on n.region_code = en.region_code and n.id = en.node_id
        join enterprises e on e.region_code = en.region_code and e.id = en.enterprise_id
        left join enterprise_metrics m on m.region_code = en.region_code and m.enterprise_id = en.enterprise_id and m.year = ${year}
        where en.region_code = ${regionCode} and ${chainFilter(chainId, sql`n`)}
        group by en.node_id`),
    );
    return rows.map((r) => ({
      nodeId: str(r.node_id),
      firmCount: num(r.firm_count),
      aboveScaleCount: num(r.above_count),
      outputWan: num(r.output_wan),
      isSynthetic: r.is_synthetic === true,
    }));
  }

  /**
   * Every firm the region knows on each of its chain nodes (all chains): its own firms (enterprise_nodes) and the
   * outside firms registered as makers of a node (candidate_nodes) — the population of node relatedness.
   */
  async nodeMemberships(regionCode: string): Promise<NodeMembership[]> {
    const rows = rowsOf(
      await this.db.execute(sql`
        select 'e:' || en.enterprise_id as firm_key, en.node_id, true as is_local
        from enterprise_nodes en
        join chain_nodes n on n.region_code = en.region_code and n.id = en.node_id
        where en.region_code = ${regionCode}
        union all
        select 'c:' || cn.candidate_id, cn.node_id, false
        from candidate_nodes cn
        join chain_nodes n on n.region_code = cn.region_code and n.id = cn.node_id
        where cn.region_code = ${regionCode}`),
    );
    return rows.map((r) => ({ firmKey: str(r.firm_key), nodeId: str(r.node_id), isLocal: r.is_local === true }));
  }

  /** Firms on one node, largest output first, then by pinyin. */
  async firmsOfNode(filter: { regionCode: string; nodeId: string; year: number | null; limit: number; offset: number }): Promise<{ rows: NodeFirmRow[]; total: number }> {
    const rows = rowsOf(
      await this.db.execute(sql`
        select e.id, e.uscc, e.name, e.town_code, e.scale, en.is_primary, m.output_wan, (en.is_synthetic or e.is_synthetic) as is_synthetic
        from enterprise_nodes en
        join enterprises e on e.region_code = en.region_code and e.id = en.enterprise_id
        left join enterprise_metrics m on m.region_code = en.region_code and m.enterprise_id = en.enterprise_id and m.year = ${filter.year}
        where en.region_code = ${filter.regionCode} and en.node_id = ${filter.nodeId}
        order by m.output_wan desc nulls last, e.name_sort_key, e.id
        limit ${filter.limit} offset ${filter.offset}`),
    );
    const totals = rowsOf(
      await this.db.execute(sql`select count(*) as n from enterprise_nodes where region_code = ${filter.regionCode} and node_id = ${filter.nodeId}`),
    );
    return {
      rows: rows.map((r) => ({
        id: str(r.id),
        uscc: strOrNull(r.uscc),
        name: str(r.name),
        townCode: strOrNull(r.town_code),
        scale: str(r.scale),
        isPrimary: r.is_primary === true,
        outputWan: r.output_wan === null || r.output_wan === undefined ? null : num(r.output_wan),
        isSynthetic: r.is_synthetic === true,
      })),
      total: num(totals[0]?.n),
    };
  }

  async getSettings(regionCode: string): Promise<SettingsRow | undefined> {
    const rows = await this.db.select().from(chainMapSettings).where(eq(chainMapSettings.regionCode, regionCode)).limit(1);
    return rows[0];
  }

  /** Stores the thresholds when `version` is the stored one (0: none stored yet); false when stale. */
  async saveSettings(row: Omit<SettingsRow, 'version'>, version: number): Promise<boolean> {
    if (version === 0) {
      const inserted = await this.db.insert(chainMapSettings).values({ ...row, version: 1 }).onConflictDoNothing().returning({ v: chainMapSettings.version });
      return inserted.length === 1;
    }
    const updated = await this.db
      .update(chainMapSettings)
      .set({ ...row, version: version + 1 })
      .where(and(eq(chainMapSettings.regionCode, row.regionCode), eq(chainMapSettings.version, version)))
      .returning({ v: chainMapSettings.version });
    return updated.length === 1;
  }
}
