import type { Database } from '../../db/client.ts';

export interface DemoSummary {
  regionCode: string;
  firms: number;
  syntheticFirms: number;
  memberships: number;
  metricRows: number;
  tradeFlows: number;
  pumpChainEntities: number;
  wholePumpMakers: number;
  listedPumpFirms: number;
  pumpOutput2024Wan: number;
  machineToolFirms: number;
  machineToolOutput2024Wan: number;
  robotCncAboveRevenue2024Wan: number;
  robotOutput2024Wan: number;
  motherFundWan: number;
  subFunds: number;
  fundTotalWan: number;
  fundInvestments: number;
  fundAttractedProjects: number;
  chokepoints: number;
  chokepointLinks: number;
  chokepointTechs: number;
  chokepointScenarios: number;
  allianceMembers: number;
  researchProjects: number;
  localProjectsLanded2024: number;
  pumpZoneADue2026: number;
}

/** Firms whose primary node is on one of the chains (or nodes) given. */
const PRIMARY_ON = (filter: string) => `
  select distinct en.enterprise_id from enterprise_nodes en
    join chain_nodes cn on cn.region_code = en.region_code and cn.id = en.node_id
   where en.region_code = $1 and en.is_primary and (${filter})`;

/** The article's figures read back from the stored rows by SQL — never typed in. */
export async function readDemoSummary(database: Database, regionCode: string): Promise<DemoSummary> {
  const one = async (sql: string): Promise<number> => {
    const rows = await database.query<{ v: string | number | null }>(sql, [regionCode]);
    return Number(rows[0]?.v ?? 0);
  };
  const outputOf = (filter: string, column = 'output_wan', extra = '') =>
    one(`select coalesce(sum(m.${column}), 0) as v from enterprise_metrics m join enterprises e on e.region_code = m.region_code and e.id = m.enterprise_id
          where m.region_code = $1 and m.year = 2024 ${extra} and m.enterprise_id in (${PRIMARY_ON(filter)})`);
  return {
    regionCode,
    firms: await one('select count(*) as v from enterprises where region_code = $1'),
    syntheticFirms: await one('select count(*) as v from enterprises where region_code = $1 and is_synthetic'),
    memberships: await one('select count(*) as v from enterprise_nodes where region_code = $1'),
    metricRows: await one('select count(*) as v from enterprise_metrics where region_code = $1'),
    tradeFlows: await one('select count(*) as v from trade_flows where region_code = $1'),
    pumpChainEntities: await one(`select count(distinct en.enterprise_id) as v from enterprise_nodes en join chain_nodes cn on cn.region_code = en.region_code and cn.id = en.node_id where en.region_code = $1 and cn.chain_id = 'pump'`),
    wholePumpMakers: await one(`select count(distinct enterprise_id) as v from enterprise_nodes where region_code = $1 and node_id = 'pump.pumps'`),
    listedPumpFirms: await one(`select count(*) as v from enterprises e where e.region_code = $1 and e.is_listed and e.id in (${PRIMARY_ON("cn.chain_id = 'pump'")})`),
    pumpOutput2024Wan: await outputOf("cn.chain_id = 'pump'"),
    machineToolFirms: await one(`select count(*) as v from (${PRIMARY_ON("cn.chain_id = 'machine-tool'")}) f`),
    machineToolOutput2024Wan: await outputOf("cn.chain_id = 'machine-tool'"),
    robotCncAboveRevenue2024Wan: await outputOf("cn.chain_id = 'robot' or cn.id in ('machine-tool.cutting', 'machine-tool.forming')", 'revenue_wan', "and e.scale = 'above'"),
    robotOutput2024Wan: await outputOf("cn.chain_id = 'robot'"),
    motherFundWan: await one(`select coalesce(sum(size_wan), 0) as v from funds where region_code = $1 and kind = 'mother'`),
    subFunds: await one(`select count(*) as v from funds where region_code = $1 and kind = 'sub'`),
    fundTotalWan: await one(`select coalesce(sum(size_wan), 0) as v from funds where region_code = $1 and kind = 'sub'`),
    fundInvestments: await one('select count(*) as v from fund_investments where region_code = $1'),
    fundAttractedProjects: await one('select count(*) as v from fund_investments where region_code = $1 and is_attracted_project'),
    chokepoints: await one('select count(*) as v from chokepoints where region_code = $1'),
    chokepointLinks: await one('select count(distinct link) as v from chokepoints where region_code = $1'),
    chokepointTechs: await one('select count(distinct common_tech) as v from chokepoints where region_code = $1'),
    chokepointScenarios: await one('select count(distinct scenario) as v from chokepoints where region_code = $1'),
    allianceMembers: await one(`select count(*) as v from platform_members m join platforms p on p.region_code = m.region_code and p.id = m.platform_id where m.region_code = $1 and p.kind = 'alliance'`),
    researchProjects: await one(`select count(*) as v from research_projects where region_code = $1 and level in ('provincial', 'national')`),
    localProjectsLanded2024: await one(`select count(distinct p.id) as v from projects p join project_events ev on ev.region_code = p.region_code and ev.project_id = p.id
        where p.region_code = $1 and p.origin = 'local' and ev.stage = 'land_supplied' and ev.actual_on >= '2024-01-01' and ev.actual_on < '2025-01-01'`),
    pumpZoneADue2026: await one(`select count(distinct p.id) as v from projects p join project_events ev on ev.region_code = p.region_code and ev.project_id = p.id
        where p.region_code = $1 and p.park_id = 'pump-park-2a' and ev.stage = 'producing' and ev.planned_on >= '2026-01-01' and ev.planned_on < '2027-01-01'`),
  };
}
