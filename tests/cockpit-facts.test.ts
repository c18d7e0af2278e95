import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainCockpit, CountyCockpit } from '../src/modules/cockpit/cockpit.model.ts';
import { seedCountyDemo } from '../src/modules/demo/demo.service.ts';
import { type Client, createTestApp, type TestApp } from './helpers/app.ts';
import { testBackends } from './helpers/db.ts';

/**
 * Every figure of domain/FACTS.md that the cockpit shows, read back through the cockpit API on the seeded county
 * demo: generated figures within ±2 %, counts exact, sourced facts with their source.
 */
const quiet = { start() {}, advance() {}, stop() {} };
const YEAR = 2024;

function within2Percent(actual: number, expected: number): void {
  expect(Math.abs(actual - expected) / expected, `${actual} vs ${expected}`).toBeLessThanOrEqual(0.02);
}

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.each(testBackends())('cockpit figures of the Wenling demo (%s)', (backend) => {
  let t: TestApp;
  let analyst: Client;
  let county: CountyCockpit;
  const chains: Record<string, ChainCockpit> = {};
  const chainOf = (id: string) => {
    const chain = county.groups.flatMap((g) => g.chains).find((c) => c.chainId === id);
    if (!chain) throw new Error(`no chain ${id} in the cockpit`);
    return chain;
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedCountyDemo(t.database, { seed: 7, progress: quiet });
    analyst = await t.signIn({ username: 'cockpit-analyst', role: 'analyst' });
    const res = await analyst.request('GET', `/api/r/331081/cockpit?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    county = res.json();
    for (const id of ['pump', 'machine-tool', 'robot']) {
      const chain = await analyst.request('GET', `/api/r/331081/cockpit/chains/${id}?year=${YEAR}`);
      expect(chain.statusCode, chain.body).toBe(200);
      chains[id] = chain.json();
    }
  }, 600_000);
  afterAll(() => t.close());

  it('shows the pump chain at ≈800亿 in 2024 toward its 千亿 target, with 6 listed firms, 2,700+ entities and 300+ whole-pump makers', () => {
    const pump = chainOf('pump');
    expect(county.year).toBe(2024);
    within2Percent(pump.outputWan, 8_000_000);
    expect(pump.target?.outputWan).toBe(10_000_000);
    within2Percent(pump.target?.progress ?? 0, 0.8);
    expect(pump.listedFirms).toBe(6);
    expect(pump.entities).toBeGreaterThanOrEqual(2700);
    const wholePumps = chains.pump?.nodes.find((n) => n.id === 'pump.pumps');
    expect(wholePumps?.firmCount).toBeGreaterThanOrEqual(300);
    expect(county.groups.find((g) => g.kind === 'pillar')?.chains.map((c) => c.chainId)).toEqual(expect.arrayContaining(['pump', 'auto-moto', 'machine-tool', 'shoes']));
  });

  it('shows the 大溪 thousand-mu park phase II zone A: 大浪泵业 plus 7 projects, all planned to produce in 2026', () => {
    const zoneA = chains.pump?.projects.parks.find((p) => p.parkId === 'pump-park-2a');
    expect(zoneA?.projects).toBe(8);
    expect(zoneA?.plannedProduction).toEqual([{ year: 2026, count: 8 }]);
    expect(chains.pump?.projects.key.some((p) => p.name.includes('大浪泵业') && p.producingPlannedOn?.startsWith('2026'))).toBe(true);
  });

  it('shows machine tools with 1,200+ firms and over 300亿, robots over 40亿 and the robot & CNC cluster over 60亿 规上 revenue', () => {
    const tools = chainOf('machine-tool');
    expect(tools.firms).toBeGreaterThanOrEqual(1200);
    expect(tools.outputWan).toBeGreaterThan(3_000_000);
    expect(chainOf('robot').outputWan).toBeGreaterThan(400_000);
    const cluster = county.clusters.find((c) => c.id === 'robot-cnc');
    expect(cluster?.aboveScaleRevenueWan).toBeGreaterThan(600_000);
  });

  it('shows the funds exactly: mother 60亿, 11 sub-funds of 173亿 (≈2.9× leverage), 39 projects invested, 24 attracted', () => {
    expect(county.funds).toMatchObject({ motherSizeWan: 600_000, subFundCount: 11, subsSizeWan: 1_730_000, investedTargetCount: 39, attractedProjectCount: 24 });
    within2Percent(county.funds.leverage ?? 0, 2.9);
  });

  it('shows innovation exactly: 69 chokepoints over 4 links × 6 technologies × 7 scenarios, 23 research projects, 27 alliance members', () => {
    const i = county.innovation;
    expect(i.chokepoints.total).toBe(69);
    expect(i.chokepoints.open + i.chokepoints.inProgress + i.chokepoints.solved).toBe(69);
    expect(i.links).toBe(4);
    expect(i.commonTechs).toHaveLength(6);
    expect(i.scenarios).toHaveLength(7);
    expect(i.counts.flat().reduce((s, n) => s + n, 0)).toBe(69);
    expect(i.researchProjects).toBe(23);
    expect(i.allianceMembers).toBe(27);
    expect(chains['machine-tool']?.chokepoints.total).toBe(69);
  });

  it('counts the 27 local (内生) projects landed on standard land in 2024', () => {
    expect(county.projects.landedYear).toBe(2024);
    expect(county.projects.landedLocal).toBe(27);
    expect(county.projects.byStage.reduce((s, x) => s + x.count, 0)).toBe(county.projects.total);
  });

  it('shows the figures no row can give as sourced facts: >70% national share of small pumps, 2nd in the province', () => {
    const share = county.facts.find((f) => f.id === 'pump-national-share');
    expect(share).toMatchObject({ chainId: 'pump', valueZh: '70% 以上' });
    expect(share?.source).toMatch(/破界·提质·聚势/);
    expect(county.facts.some((f) => f.valueZh.includes('第 2'))).toBe(true);
    expect(chains.pump?.facts.map((f) => f.id)).toContain('pump-national-share');
  });

  it('adds up: groups are the sums of their chains, local supply rates are rates, health counts the chain map’s nodes', () => {
    for (const group of county.groups) {
      expect(group.outputWan).toBeCloseTo(group.chains.reduce((s, c) => s + c.outputWan, 0), 2);
      for (const chain of group.chains) {
        expect(chain.health.strong + chain.health.weak + chain.health.missing).toBe(chain.health.nodes);
        for (const rate of [chain.localSupply?.county, chain.localSupply?.sameTown]) if (rate != null) expect(rate).toBeGreaterThanOrEqual(0);
      }
    }
    expect(county.localSupply?.county).toBeGreaterThan(0);
    expect(county.localSupply?.county).toBeLessThan(1);
    expect(county.trend.years).toContain(2024);
  });

  it('exports the KPI table as Excel with every chain and the county figures', async () => {
    const res = await analyst.request('GET', `/api/r/331081/cockpit/export.xlsx?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('产业链指标');
    const names: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 2) names.push(String(row.getCell(2).value));
    });
    expect(names).toEqual(county.groups.flatMap((g) => g.chains.map((c) => c.nameZh)));
    const pumpRow = sheet?.getRows(3, names.length)?.find((row) => row.getCell(2).value === '泵与电机');
    expect(Number(pumpRow?.getCell(3).value)).toBeCloseTo(chainOf('pump').outputWan, 2);
    expect(workbook.getWorksheet('来源事实')?.rowCount).toBe(county.facts.length + 1);
  });

  it.skipIf(!hasPdftotext())('exports a one-page PDF whose text names the chains', async () => {
    const res = await analyst.request('GET', `/api/r/331081/cockpit/export.pdf?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'cockpit-pdf-'));
    try {
      const file = join(dir, 'cockpit.pdf');
      writeFileSync(file, res.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
      for (const name of ['泵与电机', '机床工具', '汽摩配件', '鞋业']) expect(text).toContain(name);
      expect(text).toContain('温岭市产业集群驾驶舱');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
