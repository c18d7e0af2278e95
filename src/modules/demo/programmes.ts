import { Rng } from '../../core/random/seeded.ts';
import type { NewCandidate } from '../attraction/attraction.seed.ts';
import type { RegionTaxonomy } from '../chains/taxonomy.types.ts';
import type { NewFund, NewFundInvestment } from '../funds/funds.seed.ts';
import type { NewChokepoint, NewPlatform, NewPlatformMember, NewResearchProject } from '../innovation/innovation.seed.ts';
import { PROJECT_STAGES, type ProjectStage } from '../projects/projects.model.ts';
import type { NewLandAgreement, NewParcel, NewProject, NewProjectEvent } from '../projects/projects.seed.ts';
import { DEMO_GAPS, type DemoGap } from './demo.profile.ts';
import { EXTERNAL_REGIONS, generateUscc, type SyntheticFirm } from './generate.ts';
import { synthesizeExternalName } from './names.ts';

export interface Programmes {
  parcels: NewParcel[];
  projects: NewProject[];
  events: NewProjectEvent[];
  agreements: NewLandAgreement[];
  funds: NewFund[];
  investments: NewFundInvestment[];
  platforms: NewPlatform[];
  members: NewPlatformMember[];
  chokepoints: NewChokepoint[];
  research: NewResearchProject[];
  candidates: NewCandidate[];
}

const PUMP_PARK = 'pump-park-2a';
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function addMonths(date: string, months: number): string {
  const [y = 2024, m = 1, d = 1] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + months, Math.min(d, 28)));
  return t.toISOString().slice(0, 10);
}

/** Stage events from `lead` up to `stage` (actual dates) and the planned dates of the stages after it. */
function eventsFor(regionCode: string, projectId: string, start: string, stage: ProjectStage, stepMonths: number[], isSynthetic: boolean, today: string): NewProjectEvent[] {
  const reached = PROJECT_STAGES.indexOf(stage);
  const out: NewProjectEvent[] = [];
  let date = start;
  PROJECT_STAGES.forEach((s, i) => {
    if (i > 0) date = addMonths(date, stepMonths[i - 1] ?? 2);
    const isDone = i <= reached && date <= today;
    out.push({ regionCode, projectId, stage: s, plannedOn: date, actualOn: isDone ? date : null, isSynthetic });
  });
  return out;
}

/**
 * Projects, parcels and agreements (标准地+项目库), the fund tree (母基金 60亿, 11 sub-funds, 173亿 in all,
 * 39 investments of which 24 attracted projects), innovation platforms with the 27-member alliance, 69
 * chokepoints over 4 links × 6 common technologies × 7 scenarios, 23 research projects, and a pool of
 * external candidate firms. Figures from FACTS.md are exact; everything else is synthetic and flagged.
 */
export function generateProgrammes(args: { seed: number; taxonomy: RegionTaxonomy; firms: SyntheticFirm[]; today?: string }): Programmes {
  const rng = new Rng(args.seed).fork('programmes');
  const regionCode = args.taxonomy.regionCode;
  const today = args.today ?? '2025-11-30';
  const out: Programmes = { parcels: [], projects: [], events: [], agreements: [], funds: [], investments: [], platforms: [], members: [], chokepoints: [], research: [], candidates: [] };
  const chains = args.taxonomy.chains;
  const nodeOfChain = (chainId: string) => rng.pick(chains.find((c) => c.id === chainId)?.nodes ?? []).id;

  // Parcels of standard land (Wenling 2021 indicator set: investment intensity ≥ 270 万元/亩 …).
  const parks = ['edz', 'pump-park', PUMP_PARK, 'chip-park', 'laser-park', 'innovation-factory', 'xincheng-zhigu'];
  for (let i = 1; i <= 72; i++) {
    out.parcels.push({
      regionCode,
      id: `parcel-${String(i).padStart(3, '0')}`,
      name: `示例标准地 ${String(i).padStart(3, '0')} 号地块`,
      parkId: rng.pick(parks.filter((p) => p !== PUMP_PARK)),
      areaMu: Math.round(rng.logNormal(25, 0.6) * 10) / 10,
      landUse: 'industrial',
      status: i <= 40 ? 'supplied' : i <= 52 ? 'agreed' : 'free',
      investmentPerMuWanMin: 270 + rng.int(0, 8) * 10,
      valueAddedPerMuWanMin: 80 + rng.int(0, 6) * 10,
      taxPerMuWanMin: 25 + rng.int(0, 5) * 5,
      plotRatioMin: 1.2,
      plotRatioMax: 3.0,
      rdShareMin: 0.015,
      isSynthetic: true,
    });
  }

  // 27 quality home-grown (内生) projects landed in 2024 under 标准地+项目库 (FACTS.md).
  const local = args.firms.filter((f) => f.scale === 'above');
  for (let i = 1; i <= 27; i++) {
    const firm = rng.pick(local);
    const id = `prj-2024-local-${String(i).padStart(2, '0')}`;
    const parcel = out.parcels[i - 1];
    const landed = iso(2024, rng.int(1, 12), rng.int(1, 28));
    const stage: ProjectStage = rng.pick(['land_supplied', 'started', 'completed', 'producing'] as const);
    out.projects.push({ regionCode, id, name: `示例内生技改扩产项目 ${i}`, origin: 'local', chainId: firm.chainId, nodeId: firm.nodeId, enterpriseId: firm.id, parkId: parcel?.parkId ?? null, parcelId: parcel?.id ?? null, investmentWan: Math.round(rng.logNormal(18000, 0.6)), landMu: parcel?.areaMu ?? null, stage, isKey: i <= 5, isSynthetic: true });
    const evs = eventsFor(regionCode, id, addMonths(landed, -8), stage, [3, 3, 2, 4, 10, 6, 12], true, today);
    const supplied = evs.find((e) => e.stage === 'land_supplied');
    if (supplied) {
      supplied.plannedOn = landed;
      supplied.actualOn = landed;
    }
    out.events.push(...evs);
  }

  // 大浪泵业's 20-mu plant plus 7 related projects in the pump park's phase II zone A, production due in 2026.
  const dalang = 'prj-dalang-2026';
  out.projects.push({ regionCode, id: dalang, name: '台州大浪泵业新厂区（泵与电机千亩园二期A区）', origin: 'local', chainId: 'pump', nodeId: 'pump.pumps', enterpriseId: 'real-dalang', parkId: PUMP_PARK, parcelId: null, investmentWan: null, landMu: 20, stage: 'started', isKey: true, isSynthetic: false });
  out.events.push({ regionCode, projectId: dalang, stage: 'producing', plannedOn: '2026-06-30', actualOn: null, isSynthetic: true });
  for (let i = 1; i <= 7; i++) {
    const id = `prj-pump-zone-a-${i}`;
    out.projects.push({ regionCode, id, name: `泵与电机千亩园二期A区配套项目 ${i}（示例）`, origin: rng.chance(0.5) ? 'local' : 'attracted', chainId: 'pump', nodeId: nodeOfChain('pump'), enterpriseId: null, parkId: PUMP_PARK, parcelId: null, investmentWan: Math.round(rng.logNormal(12000, 0.5)), landMu: Math.round(rng.logNormal(15, 0.4)), stage: 'started', isKey: false, isSynthetic: true });
    out.events.push(...eventsFor(regionCode, id, '2024-09-01', 'started', [2, 2, 2, 3, 10, 4, 12], true, today).map((e) => (e.stage === 'producing' ? { ...e, plannedOn: iso(2026, rng.int(3, 10), 15) } : e)));
  }

  // The TPU-board line of 台州皓星 (中昊芯英): plant fitted out in ~2 months, first line producing 2025-05-15.
  const tpu = 'prj-haoxing-tpu';
  out.projects.push({ regionCode, id: tpu, name: '中昊芯英TPU板卡生产及系统测试产线（台州皓星智能科技）', origin: 'attracted', chainId: 'ai-computing', nodeId: 'ai-computing.boards', enterpriseId: 'real-haoxing', parkId: null, parcelId: null, investmentWan: null, landMu: null, stage: 'producing', isKey: true, isSynthetic: false });
  out.events.push({ regionCode, projectId: tpu, stage: 'started', plannedOn: '2025-03-15', actualOn: '2025-03-15', isSynthetic: true }, { regionCode, projectId: tpu, stage: 'producing', plannedOn: '2025-05-15', actualOn: '2025-05-15', isSynthetic: false });

  // Named projects of the article (facts: name and chain only).
  const named: [string, string, string, 'local' | 'attracted'][] = [
    ['钱江摩托智慧园区', 'auto-moto', 'real-qianjiang', 'local'],
    ['绿驹科技智能工厂', 'land', 'real-lvju', 'local'],
    ['鑫磊股份未来工厂', 'pump', 'real-xinlei', 'local'],
    ['新界泵业未来工厂', 'pump', 'real-shimge', 'local'],
    ['宇泛AI硬件项目', 'ai-computing', '', 'attracted'],
    ['深光谷CPO产线', 'chip', '', 'attracted'],
    ['狮门半导体项目', 'chip', '', 'attracted'],
    ['晶能微电子项目', 'chip', '', 'attracted'],
    ['嘉合劲威高端存储项目', 'ai-computing', '', 'attracted'],
  ];
  named.forEach(([name, chainId, enterpriseId, origin], i) => {
    out.projects.push({ regionCode, id: `prj-named-${i + 1}`, name, origin, chainId, nodeId: null, enterpriseId: enterpriseId || null, parkId: null, parcelId: null, investmentWan: null, landMu: null, stage: name.includes('CPO') ? 'completed' : 'started', isKey: true, isSynthetic: false });
  });

  // A synthetic pipeline at every stage, some overdue, for the project tracker.
  for (let i = 1; i <= 90; i++) {
    const chain = rng.pick(chains);
    const id = `prj-demo-${String(i).padStart(3, '0')}`;
    const stage = rng.pick(PROJECT_STAGES);
    const start = iso(rng.int(2022, 2025), rng.int(1, 12), 1);
    const events = eventsFor(regionCode, id, start, stage, [2, 3, 3, 2, 12, 4, 12].map((m) => m + rng.int(0, 2)), true, today);
    // The article's 27 home-grown projects of 2024 are the only local ones that landed that year.
    const landedIn2024 = events.some((e) => e.stage === 'land_supplied' && e.actualOn?.startsWith('2024'));
    const origin = landedIn2024 || rng.chance(0.55) ? 'attracted' : 'local';
    const park = rng.pick(parks.filter((p) => p !== PUMP_PARK));
    out.projects.push({ regionCode, id, name: `示例${chain.nameZh}项目 ${i}`, origin, chainId: chain.id, nodeId: rng.pick(chain.nodes).id, enterpriseId: null, parkId: park, parcelId: null, investmentWan: Math.round(rng.logNormal(20000, 0.8)), landMu: Math.round(rng.logNormal(18, 0.5)), stage, isKey: rng.chance(0.1), isSynthetic: true });
    out.events.push(...events);
  }
  for (const p of out.projects.filter((x) => x.parcelId)) {
    out.agreements.push({ regionCode, id: `agr-${p.id}`, projectId: p.id, parcelId: p.parcelId ?? '', signedOn: out.events.find((e) => e.projectId === p.id && e.stage === 'signed')?.actualOn ?? null, landPriceWan: Math.round((Number(p.landMu) || 20) * 32), investmentPerMuWan: 300, taxPerMuWan: 30, plotRatio: 1.5, isSynthetic: true });
  }

  // Funds: mother fund 60亿, 11 sub-funds; 173亿 in the sub-funds (the mother's money sits inside them), ≈2.9× leverage; 39 investments, 24 attracted projects.
  out.funds.push({ regionCode, id: 'fund-mother', name: '温岭市产业基金（母基金）', kind: 'mother', parentId: null, sizeWan: 600_000, governmentCommitmentWan: 600_000, isSynthetic: false });
  const subTotal = 1_730_000;
  const raw = Array.from({ length: 11 }, () => rng.logNormal(1, 0.4));
  const sumRaw = raw.reduce((a, b) => a + b, 0);
  let allotted = 0;
  raw.forEach((r, i) => {
    const size = i === 10 ? subTotal - allotted : Math.round((subTotal * r) / sumRaw / 1000) * 1000;
    allotted += size;
    const focus = rng.pick(chains);
    out.funds.push({ regionCode, id: `fund-sub-${String(i + 1).padStart(2, '0')}`, name: `示例${focus.nameZh}产业子基金`, kind: 'sub', parentId: 'fund-mother', sizeWan: size, governmentCommitmentWan: Math.round(size * 0.3), paidInWan: Math.round(size * 0.6), focusChainId: focus.id, establishedOn: iso(rng.int(2020, 2024), rng.int(1, 12), 1), isSynthetic: true });
  });
  const attractedNames = ['宇泛智能', '广域铭品', '岭川智能'];
  for (let i = 1; i <= 39; i++) {
    const isAttracted = i <= 24;
    out.investments.push({ regionCode, id: `inv-${String(i).padStart(2, '0')}`, fundId: `fund-sub-${String(rng.int(1, 11)).padStart(2, '0')}`, projectId: null, targetName: attractedNames[i - 1] ?? `示例被投企业 ${i}`, amountWan: Math.round(rng.logNormal(5000, 0.7)), investedOn: iso(rng.int(2021, 2025), rng.int(1, 12), 1), isAttractedProject: isAttracted, isLocal: isAttracted || rng.chance(0.5), isSynthetic: i > 3 });
  }

  // Innovation platforms ("一心四体六院" core and the platforms the article names) and the 27-member alliance.
  const center = 'plat-cnc-center';
  out.platforms.push(
    { regionCode, id: center, nameZh: '浙江省高档数控机床技术创新中心', kind: 'innovation_center', parentId: null, chainId: 'machine-tool', foundedOn: '2023-07', partner: '温岭市人民政府、浙江大学', note: '工信部50个典型创新案例之一（高速高精五轴加工）', isSynthetic: false },
    { regionCode, id: 'plat-cnc-alliance', nameZh: '高档数控机床创新联盟（27家成员单位）', kind: 'alliance', parentId: center, chainId: 'machine-tool', isSynthetic: false },
    { regionCode, id: 'plat-pump-test', nameZh: '国家水泵产品质量检验检测中心（浙江）', kind: 'test_center', parentId: null, chainId: 'pump', isSynthetic: false },
    { regionCode, id: 'plat-shoe-institute', nameZh: '中国皮革制鞋研究院（合作）', kind: 'research_institute', parentId: null, chainId: 'shoes', isSynthetic: false },
    { regionCode, id: 'plat-tzu-wenling', nameZh: '台州学院温岭研究院', kind: 'research_institute', parentId: null, chainId: null, isSynthetic: false },
    { regionCode, id: 'plat-coating-lab', nameZh: '先进涂层技术联合实验室', kind: 'lab', parentId: 'plat-tzu-wenling', chainId: 'machine-tool', note: '刀具涂层', isSynthetic: false },
  );
  const mt = args.firms.filter((f) => f.chainId === 'machine-tool' && f.scale === 'above').sort((a, b) => b.output2024Wan - a.output2024Wan);
  out.members.push({ regionCode, platformId: 'plat-cnc-alliance', memberId: 'm-zju', memberName: '浙江大学', memberKind: 'university', isSynthetic: false });
  for (let i = 0; i < 26; i++) {
    const firm = mt[i];
    if (!firm) break;
    out.members.push({ regionCode, platformId: 'plat-cnc-alliance', memberId: `m-${firm.id}`, memberName: `成员企业 ${firm.id}`, memberKind: 'firm', enterpriseId: firm.id, isSynthetic: true });
  }

  // 69 chokepoints over 4 industrial links × 6 common technologies × 7 application scenarios (labels ours).
  const links = ['数控系统', '核心功能部件', '整机装备', '刀具与量具'];
  const techs = ['高速高精运动控制', '精度保持与误差补偿', '热变形控制', '高性能主轴', '先进涂层与刀具材料', '工业软件与数字孪生'];
  const scenarios = ['航空航天结构件', '新能源汽车零部件', '泵阀壳体', '精密模具', '3C电子', '医疗器械', '船舶与海工'];
  for (let i = 0; i < 69; i++) {
    const status = i < 14 ? 'solved' : i < 40 ? 'in_progress' : 'open';
    out.chokepoints.push({ regionCode, id: `cp-${String(i + 1).padStart(2, '0')}`, chainId: 'machine-tool', platformId: center, title: `示例卡脖子问题 ${i + 1}：${techs[i % 6]}（${scenarios[i % 7]}）`, link: links[i % 4] ?? null, commonTech: techs[i % 6] ?? null, scenario: scenarios[i % 7] ?? null, status, solverKind: status === 'open' ? null : rng.pick(['open_call', 'commissioned', 'joint', 'in_house'] as const), openedOn: iso(2023, rng.int(8, 12), 1), solvedOn: status === 'solved' ? iso(2025, rng.int(1, 10), 1) : null, isSynthetic: true });
  }
  for (let i = 1; i <= 23; i++) {
    out.research.push({ regionCode, id: `rp-${String(i).padStart(2, '0')}`, title: `示例省级以上科研项目 ${i}`, level: i <= 4 ? 'national' : 'provincial', platformId: center, chainId: 'machine-tool', chokepointId: `cp-${String(i).padStart(2, '0')}`, startedOn: iso(rng.int(2023, 2025), rng.int(1, 12), 1), budgetWan: Math.round(rng.logNormal(600, 0.5)), isSynthetic: true });
  }

  // External candidate firms for attraction: weak and missing links get most of them; the makers of a gap node
  // (DEMO_GAPS) also make the other nodes the gap lists.
  const used = new Set<string>();
  let c = 0;
  for (const chain of chains) {
    for (const node of chain.nodes) {
      const gap = DEMO_GAPS[node.id];
      const n = gap?.makers ?? (node.demo.localShare < 0.35 ? 6 : 1);
      for (let i = 0; i < n; i++) {
        c++;
        const home = rng.pick(EXTERNAL_REGIONS);
        const nodeIds = [node.id, ...(gap ? alsoMadeBy(gap, i) : [])];
        out.candidates.push({ regionCode, id: `cand-${String(c).padStart(4, '0')}`, name: synthesizeExternalName(rng, chain.id, '示例'), uscc: generateUscc(rng, home, used), homeRegionCode: home, revenueWan: Math.round(rng.logNormal(30000, 1)), isListed: rng.chance(0.15), growthRate: Math.round(rng.normal() * 100 + 800) / 10000, distanceKm: rng.int(40, 1500), isSynthetic: true, nodeIds });
      }
    }
  }
  return out;
}

/**
 * The other nodes the i-th maker of a gap node makes: each listed node goes to its count of makers, the lists laid
 * end to end around the makers so that they overlap as little as the counts allow.
 */
export function alsoMadeBy(gap: DemoGap, maker: number): string[] {
  const out: string[] = [];
  let start = 0;
  for (const [nodeId, count] of Object.entries(gap.alsoMake)) {
    const offset = (((maker - start) % gap.makers) + gap.makers) % gap.makers;
    if (offset < count) out.push(nodeId);
    start += count;
  }
  return out;
}
