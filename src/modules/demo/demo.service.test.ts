import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestTables } from '../../db/backup.ts';
import { openTestDatabase, type TestDatabase, testBackends } from '../../../tests/helpers/db.ts';
import { ChainMapService } from '../chains/chainMap.service.ts';
import { WENLING_TAXONOMY } from '../chains/taxonomy/wenling.ts';
import { seedCountyDemo, wenlingTowns } from './demo.service.ts';
import type { DemoSummary } from './demo.summary.ts';
import { CHAIN_PROFILES, DEMO_GAPS, REAL_FIRMS } from './demo.profile.ts';
import { generateFirms, generateFlows, isDemoGap } from './generate.ts';
import { alsoMadeBy, generateProgrammes } from './programmes.ts';

const quiet = { start() {}, advance() {}, stop() {} };
const SEED = 7;
// Bookkeeping that differs by run, not content: timestamps and the per-region data version counter.
const VOLATILE = ['created_at', 'updated_at', 'imported_at', 'data_version'];

const digests: Record<string, Record<string, string>> = {};

describe.each(testBackends())('the Wenling demo on %s', (backend) => {
  let db: TestDatabase;
  let summary: DemoSummary;
  beforeAll(async () => {
    db = await openTestDatabase(backend);
    summary = await seedCountyDemo(db, { seed: SEED, progress: quiet });
    digests[backend] = await digestTables(db, VOLATILE);
  }, 300_000);
  afterAll(() => db.dispose());

  it('reproduces the pump chain of the article from the rows', () => {
    expect(summary.pumpChainEntities).toBeGreaterThanOrEqual(2700);
    expect(summary.wholePumpMakers).toBeGreaterThanOrEqual(300);
    expect(summary.listedPumpFirms).toBe(6);
    expect(Math.abs(summary.pumpOutput2024Wan - 8_000_000) / 8_000_000).toBeLessThanOrEqual(0.02);
  });

  it('reproduces machine tools, robots and the robot & CNC cluster', () => {
    expect(summary.machineToolFirms).toBeGreaterThanOrEqual(1200);
    expect(summary.machineToolOutput2024Wan).toBeGreaterThan(3_000_000);
    expect(summary.robotCncAboveRevenue2024Wan).toBeGreaterThan(600_000);
    expect(summary.robotOutput2024Wan).toBeGreaterThan(400_000);
  });

  it('reproduces the fund, innovation and project figures exactly', () => {
    expect(summary).toMatchObject({
      motherFundWan: 600_000,
      subFunds: 11,
      fundTotalWan: 1_730_000,
      fundInvestments: 39,
      fundAttractedProjects: 24,
      chokepoints: 69,
      chokepointLinks: 4,
      chokepointTechs: 6,
      chokepointScenarios: 7,
      allianceMembers: 27,
      researchProjects: 23,
      localProjectsLanded2024: 27,
      pumpZoneADue2026: 8,
    });
  });

  it('flags every generated firm synthetic and leaves the article’s named firms without figures', async () => {
    const real = await db.query<{ id: string; uscc: string | null; metrics: number | string }>(
      `select e.id, e.uscc, (select count(*) from enterprise_metrics m where m.region_code = e.region_code and m.enterprise_id = e.id) as metrics
         from enterprises e where e.region_code = '331081' and not e.is_synthetic`,
    );
    expect(real.length).toBeGreaterThan(5);
    for (const r of real) expect({ id: r.id, uscc: r.uscc, metrics: Number(r.metrics) }).toEqual({ id: r.id, uscc: null, metrics: 0 });
    expect(summary.syntheticFirms).toBe(summary.firms - real.length);
  });

  it('keeps metrics consistent: value added below output, sensible tax and land', async () => {
    const bad = await db.query<{ n: number | string }>(
      `select count(*) as n from enterprise_metrics where region_code = '331081' and (value_added_wan >= output_wan or tax_wan <= 0 or land_mu <= 0 or employees <= 0)`,
    );
    expect(Number(bad[0]?.n)).toBe(0);
  });

  it('buys mature links (castings, seals) locally and chips, controllers and bearings mostly outside', async () => {
    const share = async (node: string) => {
      const rows = await db.query<{ s: number | string }>(
        `select sum(case when seller_region_code = region_code then amount_wan else 0 end) / sum(amount_wan) as s from trade_flows where region_code = '331081' and node_id = $1`,
        [node],
      );
      return Number(rows[0]?.s);
    };
    expect(summary.tradeFlows).toBeGreaterThan(100_000);
    expect(await share('pump.castings-iron')).toBeGreaterThan(0.7);
    expect(await share('pump.mech-seals')).toBeGreaterThan(0.7);
    expect(await share('pump.bearings')).toBeLessThan(0.35);
    expect(await share('pump.controllers')).toBeLessThan(0.45);
  });

  it('shows gaps (缺链) on the chain map: gaps whose outside makers make nodes the county has are adjacent, the rest missing', async () => {
    const service = new ChainMapService(db.db);
    const chainIds = [...new Set(Object.keys(DEMO_GAPS).map((id) => WENLING_TAXONOMY.chains.find((c) => c.nodes.some((n) => n.id === id))?.id ?? id))];
    const nodes = (await Promise.all(chainIds.map((id) => service.map('331081', id, undefined)))).flatMap((m) => m.nodes);
    const threshold = (await service.settings('331081')).minAdjacentDensity;
    for (const [id, gap] of Object.entries(DEMO_GAPS)) {
      const node = nodes.find((n) => n.id === id);
      const density = node?.relatedness?.density ?? Number.NaN;
      expect({ id, firms: node?.firmCount }).toEqual({ id, firms: 0 });
      if (Object.keys(gap.alsoMake).length === 0) expect({ id, status: node?.status, density }).toEqual({ id, status: 'missing', density: 0 });
      else {
        expect({ id, status: node?.status }).toEqual({ id, status: 'adjacent' });
        expect(density).toBeGreaterThanOrEqual(threshold);
        expect(node?.relatedness?.related.map((r) => r.nodeId)).toEqual(expect.arrayContaining(Object.keys(gap.alsoMake).slice(0, 1)));
      }
    }
    const counts = (await service.summary('331081', undefined)).items.reduce((sum, c) => ({ missing: sum.missing + c.statusCounts.missing, adjacent: sum.adjacent + c.statusCounts.adjacent }), { missing: 0, adjacent: 0 });
    expect(counts.missing).toBeGreaterThanOrEqual(1);
    expect(counts.adjacent).toBeGreaterThanOrEqual(1);
    expect(counts.missing + counts.adjacent).toBe(Object.keys(DEMO_GAPS).length);
  });
});

describe('demo gaps', () => {
  const pop = generateFirms({ seed: SEED, taxonomy: WENLING_TAXONOMY, towns: wenlingTowns() });
  const nodeIds = new Set(WENLING_TAXONOMY.chains.flatMap((c) => c.nodes.map((n) => n.id)));

  it('are nodes of the taxonomy that no firm the article names sits on', () => {
    for (const [id, gap] of Object.entries(DEMO_GAPS)) {
      expect(nodeIds.has(id), id).toBe(true);
      for (const other of Object.keys(gap.alsoMake)) expect({ id, other, isKnown: nodeIds.has(other), isGap: isDemoGap(other) }).toEqual({ id, other, isKnown: true, isGap: false });
    }
    expect(REAL_FIRMS.filter((f) => isDemoGap(f.nodeId))).toEqual([]);
  });

  it('get no local firm while every chain keeps its firm total and every other node has firms', () => {
    const onGaps = pop.memberships.filter((m) => isDemoGap(m.nodeId));
    expect(onGaps).toEqual([]);
    const firmsOn = new Set(pop.memberships.map((m) => m.nodeId));
    expect([...nodeIds].filter((id) => !isDemoGap(id) && !firmsOn.has(id))).toEqual([]);
    for (const chain of WENLING_TAXONOMY.chains) expect({ chain: chain.id, firms: pop.firms.filter((f) => f.chainId === chain.id).length }).toEqual({ chain: chain.id, firms: CHAIN_PROFILES[chain.id]?.firms });
  });

  it('are bought from outside the county and made by outside candidates, some of which also make nodes the county has', () => {
    const flows = generateFlows({ seed: SEED, taxonomy: WENLING_TAXONOMY, firms: pop.firms, buyerShare: 0.08, years: [2025] });
    const gapFlows = flows.filter((f) => isDemoGap(f.nodeId));
    expect(gapFlows.length).toBeGreaterThan(0);
    expect(gapFlows.filter((f) => f.sellerEnterpriseId !== null || f.sellerRegionCode === '331081')).toEqual([]);
    const candidates = generateProgrammes({ seed: SEED, taxonomy: WENLING_TAXONOMY, firms: pop.firms }).candidates;
    for (const [id, gap] of Object.entries(DEMO_GAPS)) {
      const makers = candidates.filter((c) => c.nodeIds.includes(id));
      expect(makers).toHaveLength(gap.makers);
      for (const [other, count] of Object.entries(gap.alsoMake)) expect({ id, other, makers: makers.filter((c) => c.nodeIds.includes(other)).length }).toEqual({ id, other, makers: count });
    }
  });

  it('spread the other nodes over the makers end to end', () => {
    const gap = { makers: 4, alsoMake: { a: 3, b: 2, c: 4 } };
    expect([0, 1, 2, 3].map((i) => alsoMadeBy(gap, i))).toEqual([
      ['a', 'b', 'c'],
      ['a', 'c'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
  });
});

describe('demo determinism', () => {
  it('generates identical rows for the same seed and different rows for another', () => {
    const run = (seed: number) => {
      const towns = wenlingTowns();
      const pop = generateFirms({ seed, taxonomy: WENLING_TAXONOMY, towns });
      const flows = generateFlows({ seed, taxonomy: WENLING_TAXONOMY, firms: pop.firms, buyerShare: 0.08 });
      const prog = generateProgrammes({ seed, taxonomy: WENLING_TAXONOMY, firms: pop.firms });
      return JSON.stringify([pop.enterprises, pop.metrics, flows.slice(0, 5000), flows.length, prog]);
    };
    expect(run(11)).toBe(run(11));
    expect(run(11)).not.toBe(run(12));
  });

  it('stores identical tables on every backend for the same seed', () => {
    const backends = Object.keys(digests);
    expect(backends.length).toBeGreaterThan(0);
    for (const b of backends) expect(digests[b]).toEqual(digests[backends[0] ?? 'pglite']);
  });
});
