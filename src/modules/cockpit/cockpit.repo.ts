import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

// Rows come back as plain records on both drivers; count()/sum() arrive as strings on node-postgres.
function rowsOf(result: unknown): Record<string, unknown>[] {
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) return result.rows;
  return [];
}
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** A date column as YYYY-MM-DD whatever the driver returns (string on PGlite with mode string, Date on pg). */
function dateOrNull(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}

export interface ChainYearRow {
  chainId: string;
  year: number;
  outputWan: number;
  aboveScaleRevenueWan: number;
}

export interface ChainCountRow {
  chainId: string;
  entities: number;
  firms: number;
  aboveScaleFirms: number;
  listedFirms: number;
  isSynthetic: boolean;
}

export interface ProjectRow {
  id: string;
  name: string;
  origin: 'local' | 'attracted';
  chainId: string | null;
  parkId: string | null;
  parkNameZh: string | null;
  parkNameEn: string | null;
  stage: string;
  isKey: boolean;
  landMu: number | null;
  investmentWan: number | null;
  landedOn: string | null;
  producingPlannedOn: string | null;
  isOverdue: boolean;
  isSynthetic: boolean;
}

export interface LeadFirmRow {
  id: string;
  name: string;
  isListed: boolean;
  scale: string;
  outputWan: number | null;
  isChainLeader: boolean;
  isSynthetic: boolean;
}

/** `en.node_id` is one of `nodes` or on one of `chains` (a cross-chain cluster definition). */
function onNodesOrChains(chains: readonly string[], nodes: readonly string[]): SQL {
  const chainList = chains.length > 0 ? sql`cn.chain_id in (${sql.join(chains.map((c) => sql`${c}`), sql`, `)})` : sql`false`;
  const nodeList = nodes.length > 0 ? sql`cn.id in (${sql.join(nodes.map((n) => sql`${n}`), sql`, `)})` : sql`false`;
  return sql`(${chainList} or ${nodeList})`;
}

/** `cn.chain_id` is the chain asked for; every chain when none is. */
function onChain(chainId: string | undefined): SQL {
  return chainId === undefined ? sql`true` : sql`cn.chain_id = ${chainId}`;
}

/** SQL of the cockpit: sums and counts over firms, metrics, projects, funds and innovation rows. */
export class CockpitRepo {
  constructor(private readonly db: Db) {}

  /** The region's supply data version (bumped by any change to firms, memberships, sites, nodes or flows); '' before the first. */
  async dataVersion(regionCode: string): Promise<string> {
    const rows = rowsOf(await this.db.execute(sql`select version from supply_data_versions where region_code = ${regionCode}`));
    return rows[0] ? str(rows[0].version) : '';
  }

  /** The latest year with firm metrics; null for an empty region. */
  async latestMetricsYear(regionCode: string): Promise<number | null> {
    const rows = rowsOf(await this.db.execute(sql`select max(year)::int as y from enterprise_metrics where region_code = ${regionCode}`));
    return numOrNull(rows[0]?.y);
  }

  /** Output (firms whose main link is on the chain) and 规上 revenue per chain (or of one chain) and year, every year. */
  async chainYears(regionCode: string, chainId?: string): Promise<ChainYearRow[]> {
    const rows = rowsOf(
      await this.db.execute(sql`
        select cn.chain_id, m.year, coalesce(sum(m.output_wan), 0) as output_wan,
          coalesce(sum(m.revenue_wan) filter (where e.scale = 'above'), 0) as above_revenue_wan
        from enterprise_nodes en
        join chain_nodes cn on cn.region_code = en.region_code and cn.id = en.node_id
        join enterprises e on e.region_code = en.region_code and e.id = en.enterprise_id
        join enterprise_metrics m on m.region_code = en.region_code and m.enterprise_id = en.enterprise_id
        where en.region_code = ${regionCode} and en.is_primary and ${onChain(chainId)}
        group by cn.chain_id, m.year`),
    );
    return rows.map((r) => ({ chainId: str(r.chain_id), year: num(r.year), outputWan: num(r.output_wan), aboveScaleRevenueWan: num(r.above_revenue_wan) }));
  }

  /**
   * Firms per chain (or on one chain): on any link (entities) and with their main link there (firms, 规上, listed). One row per chain
   * and firm first, then plain counts: cheaper than count(distinct …), which sorts every membership row.
   */
  async chainCounts(regionCode: string, chainId?: string): Promise<ChainCountRow[]> {
    const rows = rowsOf(
      await this.db.execute(sql`
        select chain_id, count(*) as entities, count(*) filter (where is_primary) as firms,
          count(*) filter (where is_primary and is_above) as above_firms, count(*) filter (where is_primary and is_listed) as listed_firms,
          bool_or(is_synthetic) as is_synthetic
        from (
          select cn.chain_id, en.enterprise_id, bool_or(en.is_primary) as is_primary, bool_or(e.scale = 'above') as is_above,
            bool_or(e.is_listed) as is_listed, bool_or(e.is_synthetic) as is_synthetic
          from enterprise_nodes en
          join chain_nodes cn on cn.region_code = en.region_code and cn.id = en.node_id
          join enterprises e on e.region_code = en.region_code and e.id = en.enterprise_id
          where en.region_code = ${regionCode} and ${onChain(chainId)}
          group by cn.chain_id, en.enterprise_id
        ) per_firm
        group by chain_id`),
    );
    return rows.map((r) => ({
      chainId: str(r.chain_id),
      entities: num(r.entities),
      firms: num(r.firms),
      aboveScaleFirms: num(r.above_firms),
      listedFirms: num(r.listed_firms),
      isSynthetic: r.is_synthetic === true,
    }));
  }

  /** The tenant's names; null for a region that is not a tenant. */
  async regionName(regionCode: string): Promise<{ nameZh: string; nameEn: string | null } | null> {
    const rows = rowsOf(await this.db.execute(sql`select name_zh, name_en from tenants where region_code = ${regionCode}`));
    const r = rows[0];
    return r ? { nameZh: str(r.name_zh), nameEn: strOrNull(r.name_en) } : null;
  }

  /** Output targets of every chain (万元). */
  async targets(regionCode: string): Promise<{ chainId: string; year: number; outputWan: number; nameZh: string; isAssumption: boolean; source: string }[]> {
    const rows = rowsOf(
      await this.db.execute(sql`select chain_id, year, output_wan, name_zh, is_assumption, source from chain_targets where region_code = ${regionCode} order by chain_id, year`),
    );
    return rows.map((r) => ({ chainId: str(r.chain_id), year: num(r.year), outputWan: num(r.output_wan), nameZh: str(r.name_zh), isAssumption: r.is_assumption === true, source: str(r.source) }));
  }

  /** Firms in the registry: all, 规上, listed, demo rows. */
  async registryCounts(regionCode: string): Promise<{ firms: number; aboveScaleFirms: number; listedFirms: number; syntheticFirms: number }> {
    const rows = rowsOf(
      await this.db.execute(sql`
        select count(*) as firms, count(*) filter (where scale = 'above') as above_firms,
          count(*) filter (where is_listed) as listed_firms, count(*) filter (where is_synthetic) as synthetic_firms
        from enterprises where region_code = ${regionCode}`),
    );
    const r = rows[0] ?? {};
    return { firms: num(r.firms), aboveScaleFirms: num(r.above_firms), listedFirms: num(r.listed_firms), syntheticFirms: num(r.synthetic_firms) };
  }

  /** 规上 revenue and firms of a cluster made of whole chains and single links, for firms whose main link is in it. */
  async clusterAboveScale(regionCode: string, year: number, definition: { chains: readonly string[]; nodes: readonly string[] }): Promise<{ revenueWan: number; firms: number }> {
    const rows = rowsOf(
      await this.db.execute(sql`
        with members as (
          select distinct en.enterprise_id from enterprise_nodes en
          join chain_nodes cn on cn.region_code = en.region_code and cn.id = en.node_id
          where en.region_code = ${regionCode} and en.is_primary and ${onNodesOrChains(definition.chains, definition.nodes)}
        )
        select coalesce(sum(m.revenue_wan), 0) as revenue_wan, count(*) as firms
        from members
        join enterprises e on e.region_code = ${regionCode} and e.id = members.enterprise_id and e.scale = 'above'
        join enterprise_metrics m on m.region_code = e.region_code and m.enterprise_id = e.id and m.year = ${year}`),
    );
    return { revenueWan: num(rows[0]?.revenue_wan), firms: num(rows[0]?.firms) };
  }

  /**
   * Every project of the region (or of one chain) with its landing date, planned production date and whether a
   * planned stage date before `today` has no actual date.
   */
  async projects(regionCode: string, today: string, chainId?: string): Promise<ProjectRow[]> {
    const chainFilter = chainId === undefined ? sql`true` : sql`p.chain_id = ${chainId}`;
    const rows = rowsOf(
      await this.db.execute(sql`
        select p.id, p.name, p.origin, p.chain_id, p.park_id, pk.name_zh as park_name_zh, pk.name_en as park_name_en, p.stage, p.is_key, p.land_mu, p.investment_wan, p.is_synthetic,
          (select ev.actual_on from project_events ev where ev.region_code = p.region_code and ev.project_id = p.id and ev.stage = 'land_supplied') as landed_on,
          (select ev.planned_on from project_events ev where ev.region_code = p.region_code and ev.project_id = p.id and ev.stage = 'producing') as producing_planned_on,
          exists (select 1 from project_events ev where ev.region_code = p.region_code and ev.project_id = p.id
                  and ev.actual_on is null and ev.planned_on < ${today}::date) as is_overdue
        from projects p
        left join parks pk on pk.region_code = p.region_code and pk.id = p.park_id
        where p.region_code = ${regionCode} and ${chainFilter}`),
    );
    return rows.map((r) => ({
      id: str(r.id),
      name: str(r.name),
      origin: r.origin === 'attracted' ? 'attracted' : 'local',
      chainId: strOrNull(r.chain_id),
      parkId: strOrNull(r.park_id),
      parkNameZh: strOrNull(r.park_name_zh),
      parkNameEn: strOrNull(r.park_name_en),
      stage: str(r.stage),
      isKey: r.is_key === true,
      landMu: numOrNull(r.land_mu),
      investmentWan: numOrNull(r.investment_wan),
      landedOn: dateOrNull(r.landed_on),
      producingPlannedOn: dateOrNull(r.producing_planned_on),
      isOverdue: r.is_overdue === true,
      isSynthetic: r.is_synthetic === true,
    }));
  }

  /** Σ known amounts of the region's fund investments (万元). */
  async investedWan(regionCode: string): Promise<number> {
    const rows = rowsOf(await this.db.execute(sql`select coalesce(sum(amount_wan), 0) as v from fund_investments where region_code = ${regionCode}`));
    return num(rows[0]?.v);
  }

  /** Sub-funds focused on a chain and what they invested. */
  async chainFunds(regionCode: string, chainId: string): Promise<{ focusedFunds: number; focusedSizeWan: number; investedWan: number; investments: number }> {
    const rows = rowsOf(
      await this.db.execute(sql`
        select count(*) as funds, coalesce(sum(f.size_wan), 0) as size_wan,
          (select coalesce(sum(i.amount_wan), 0) from fund_investments i join funds g on g.region_code = i.region_code and g.id = i.fund_id
            where i.region_code = ${regionCode} and g.focus_chain_id = ${chainId}) as invested_wan,
          (select count(*) from fund_investments i join funds g on g.region_code = i.region_code and g.id = i.fund_id
            where i.region_code = ${regionCode} and g.focus_chain_id = ${chainId}) as investments
        from funds f where f.region_code = ${regionCode} and f.kind = 'sub' and f.focus_chain_id = ${chainId}`),
    );
    const r = rows[0] ?? {};
    return { focusedFunds: num(r.funds), focusedSizeWan: num(r.size_wan), investedWan: num(r.invested_wan), investments: num(r.investments) };
  }

  /** Research projects at provincial level or above (of one chain when named). */
  async researchCount(regionCode: string, chainId?: string): Promise<number> {
    const chainFilter = chainId === undefined ? sql`true` : sql`chain_id = ${chainId}`;
    const rows = rowsOf(
      await this.db.execute(sql`select count(*) as v from research_projects where region_code = ${regionCode} and level in ('provincial', 'national') and ${chainFilter}`),
    );
    return num(rows[0]?.v);
  }

  /** Members of the region's innovation alliances. */
  async allianceMembers(regionCode: string): Promise<number> {
    const rows = rowsOf(
      await this.db.execute(sql`
        select count(*) as v from platform_members m join platforms p on p.region_code = m.region_code and p.id = m.platform_id
        where m.region_code = ${regionCode} and p.kind = 'alliance'`),
    );
    return num(rows[0]?.v);
  }

  /** Chokepoints of one chain by status and by link. */
  async chainChokepoints(regionCode: string, chainId: string): Promise<{ statuses: { status: string; count: number }[]; links: { link: string; count: number }[] }> {
    const statuses = rowsOf(
      await this.db.execute(sql`select status, count(*) as n from chokepoints where region_code = ${regionCode} and chain_id = ${chainId} group by status`),
    );
    const links = rowsOf(
      await this.db.execute(
        sql`select coalesce(link, '') as link, count(*) as n from chokepoints where region_code = ${regionCode} and chain_id = ${chainId} group by 1 order by 2 desc, 1`,
      ),
    );
    return {
      statuses: statuses.map((r) => ({ status: str(r.status), count: num(r.n) })),
      links: links.map((r) => ({ link: str(r.link), count: num(r.n) })),
    };
  }

  /**
   * Lead firms of a chain: the firms named as its 链主 (matched by name on the chain's links), its listed firms and
   * its largest firms by output in the year; 链主 first, then listed, then by output.
   */
  async leadFirms(regionCode: string, chainId: string, year: number | null, limit: number): Promise<LeadFirmRow[]> {
    const rows = rowsOf(
      await this.db.execute(sql`
        with on_chain as (
          select en.enterprise_id, bool_or(en.is_primary) as is_primary from enterprise_nodes en
          join chain_nodes cn on cn.region_code = en.region_code and cn.id = en.node_id
          where en.region_code = ${regionCode} and cn.chain_id = ${chainId}
          group by en.enterprise_id
        ),
        leaders as (
          select distinct o.enterprise_id from on_chain o
          join enterprises e on e.region_code = ${regionCode} and e.id = o.enterprise_id
          join chain_roles r on r.region_code = e.region_code and r.chain_id = ${chainId} and r.kind = 'leadFirm'
           and e.name like r.name_zh || '%'
        )
        select e.id, e.name, e.is_listed, e.scale, e.is_synthetic, m.output_wan,
          (e.id in (select enterprise_id from leaders)) as is_leader
        from on_chain o
        join enterprises e on e.region_code = ${regionCode} and e.id = o.enterprise_id
        left join enterprise_metrics m on m.region_code = e.region_code and m.enterprise_id = e.id and m.year = ${year}
        where o.is_primary or e.id in (select enterprise_id from leaders)
        order by is_leader desc, e.is_listed desc, m.output_wan desc nulls last, e.id
        limit ${limit}`),
    );
    return rows.map((r) => ({
      id: str(r.id),
      name: str(r.name),
      isListed: r.is_listed === true,
      scale: str(r.scale),
      outputWan: numOrNull(r.output_wan),
      isChainLeader: r.is_leader === true,
      isSynthetic: r.is_synthetic === true,
    }));
  }
}
