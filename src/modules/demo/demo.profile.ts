/**
 * Population parameters of the demo (assumptions, not facts), per chain: how many firms, 2024 output the chain's
 * firms add up to, yearly growth, where they sit. Figures that FACTS.md gives are marked `fact`; the generator
 * normalises to them exactly so that the article's totals come out of the rows.
 */
export interface ChainProfile {
  firms: number;
  /** 2024 output of the chain's firms, 万元 */
  output2024Wan: number;
  /** yearly output growth 2021–2025 */
  growth: number;
  /** value added / output */
  vaRatio: number;
  /** output per mu of land, 万元/亩 */
  outputPerMuWan: number;
  /** tce per 万元 value added */
  energyPerVa: number;
  /** minimum firm count on a node */
  nodeMinimum?: Record<string, number>;
  /** towns (9-digit codes) where the chain concentrates, with weights */
  towns: Record<string, number>;
  listed: number;
  fact?: string;
}

const DAXI = '331081101';
const ZEGUO = '331081100';
const CHENGDONG = '331081002';
const CHENGXI = '331081003';
const CHENGBEI = '331081004';
const HENGFENG = '331081005';
const TAIPING = '331081001';

export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
/** Trade flows are generated monthly for these years. */
export const FLOW_YEARS = [2024, 2025] as const;

export const CHAIN_PROFILES: Record<string, ChainProfile> = {
  pump: {
    firms: 2760,
    output2024Wan: 8_000_000,
    growth: 0.06,
    vaRatio: 0.22,
    outputPerMuWan: 520,
    energyPerVa: 0.09,
    nodeMinimum: { 'pump.pumps': 320 },
    towns: { [DAXI]: 5, [ZEGUO]: 3, [CHENGBEI]: 1, [TAIPING]: 1 },
    listed: 6,
    fact: '2024 output ≈ 800亿; 6 listed; 300+ whole-pump makers; 2,700+ chain entities (FACTS.md)',
  },
  'machine-tool': {
    firms: 1240,
    output2024Wan: 3_150_000,
    growth: 0.05,
    vaRatio: 0.24,
    outputPerMuWan: 430,
    energyPerVa: 0.08,
    towns: { '331081107': 4, [ZEGUO]: 2, [CHENGXI]: 1 },
    listed: 1,
    fact: '1,200+ machine-tool firms, output > 300亿 (FACTS.md)',
  },
  'auto-moto': { firms: 1500, output2024Wan: 4_200_000, growth: 0.04, vaRatio: 0.2, outputPerMuWan: 480, energyPerVa: 0.1, towns: { [CHENGDONG]: 2, [ZEGUO]: 2, [HENGFENG]: 1 }, listed: 2 },
  shoes: { firms: 1800, output2024Wan: 2_600_000, growth: 0.01, vaRatio: 0.18, outputPerMuWan: 600, energyPerVa: 0.05, towns: { [HENGFENG]: 3, [CHENGDONG]: 2, [CHENGXI]: 2 }, listed: 0 },
  marine: { firms: 110, output2024Wan: 450_000, growth: 0.05, vaRatio: 0.2, outputPerMuWan: 300, energyPerVa: 0.12, towns: { '331081102': 3, '331081105': 2 }, listed: 0 },
  land: { firms: 180, output2024Wan: 620_000, growth: 0.18, vaRatio: 0.21, outputPerMuWan: 520, energyPerVa: 0.08, towns: { [CHENGDONG]: 2, [ZEGUO]: 1 }, listed: 1 },
  robot: {
    firms: 150,
    output2024Wan: 460_000,
    growth: 0.2,
    vaRatio: 0.28,
    outputPerMuWan: 560,
    energyPerVa: 0.05,
    towns: { [CHENGDONG]: 2, [ZEGUO]: 1 },
    listed: 0,
    fact: 'robot up/downstream output > 40亿; 机器人与数控机床集群 规上 revenue > 60亿 (FACTS.md)',
  },
  chip: { firms: 110, output2024Wan: 380_000, growth: 0.3, vaRatio: 0.3, outputPerMuWan: 700, energyPerVa: 0.06, towns: { [CHENGDONG]: 2, [ZEGUO]: 2 }, listed: 0 },
  laser: { firms: 90, output2024Wan: 260_000, growth: 0.25, vaRatio: 0.27, outputPerMuWan: 650, energyPerVa: 0.05, towns: { [CHENGDONG]: 1, [CHENGBEI]: 1 }, listed: 0 },
  medical: { firms: 70, output2024Wan: 150_000, growth: 0.12, vaRatio: 0.3, outputPerMuWan: 500, energyPerVa: 0.04, towns: { [CHENGXI]: 1, [TAIPING]: 1 }, listed: 0 },
  'ai-computing': { firms: 18, output2024Wan: 90_000, growth: 0.6, vaRatio: 0.25, outputPerMuWan: 900, energyPerVa: 0.04, towns: { [CHENGDONG]: 1 }, listed: 0 },
  humanoid: { firms: 14, output2024Wan: 30_000, growth: 0.5, vaRatio: 0.3, outputPerMuWan: 600, energyPerVa: 0.04, towns: { [CHENGDONG]: 1 }, listed: 0 },
};

export const DEFAULT_PROFILE: ChainProfile = { firms: 60, output2024Wan: 100_000, growth: 0.08, vaRatio: 0.22, outputPerMuWan: 450, energyPerVa: 0.08, towns: {}, listed: 0 };

/** What the outside makers of a demo gap node make: how many of them there are and how many also make each other node. */
export interface DemoGap {
  makers: number;
  /** full node ids (any chain) of nodes the county has, with how many of the makers also make them */
  alsoMake: Record<string, number>;
}

/**
 * Chain nodes a county like Wenling plausibly has no firm on (assumptions, not facts): the demo puts no local firm
 * there, so the chain map shows gaps (缺链), and registers their outside makers as attraction candidates. A gap
 * whose makers also make nodes the county has comes out `adjacent` on the chain map when its relatedness density
 * reaches the threshold (METHODS §7); one whose makers make it alone stays `missing`. No firm the article names
 * sits on a gap node.
 */
export const DEMO_GAPS: Record<string, DemoGap> = {
  // 半导体专用设备: equipment makers also build precision motion stages, laser dicing / marking machines and
  // wafer-handling robots.
  'chip.equipment': { makers: 6, alsoMake: { 'laser.motion': 4, 'laser.equipment': 3, 'robot.industrial': 2 } },
  // 特种光纤: gain fibre is drawn by fibre-laser makers for their own lasers, by fibre-optic component makers and by
  // optical-module makers.
  'laser.fibre': { makers: 6, alsoMake: { 'laser.lasers': 4, 'laser.optics': 3, 'ai-computing.optics': 1 } },
  // 车规芯片: automotive-grade chips come from power-device IDMs and from IC design houses.
  'land.chips': { makers: 6, alsoMake: { 'chip.discretes': 4, 'chip.design': 3 } },
  // 电子专用材料 (wafers, photoresist, electronic gases): specialist materials firms that make nothing else on the chains.
  'chip.materials': { makers: 6, alsoMake: {} },
};

/** Firms named in the article. They carry only what the article says: name, chain node, nothing else. */
export const REAL_FIRMS: { id: string; name: string; nodeId: string; note: string }[] = [
  { id: 'real-lio', name: '利欧集团股份有限公司', nodeId: 'pump.pumps', note: '多元化（建筑、市政、农业、家用、园林）' },
  { id: 'real-shimge', name: '新界泵业', nodeId: 'pump.pumps', note: '新界泵业未来工厂' },
  { id: 'real-dayuan', name: '大元泵业', nodeId: 'pump.pumps', note: '数据中心屏蔽式液冷泵' },
  { id: 'real-dalang', name: '台州大浪泵业', nodeId: 'pump.pumps', note: '泵与电机千亩园二期A区新厂（20亩）' },
  { id: 'real-xinlei', name: '鑫磊股份', nodeId: 'pump.compressors', note: '鑫磊股份未来工厂' },
  { id: 'real-qianjiang', name: '钱江摩托', nodeId: 'auto-moto.motorcycles', note: '钱江摩托智慧园区；机器人本体' },
  { id: 'real-lvju', name: '绿驹科技', nodeId: 'land.e-motorcycles', note: '绿驹科技智能工厂' },
  { id: 'real-changhong', name: '昌泓', nodeId: 'robot.industrial', note: '机器人本体生产企业' },
  { id: 'real-haoxing', name: '台州皓星智能科技', nodeId: 'ai-computing.boards', note: '中昊芯英TPU板卡产线，2025-05-15首条产线投产' },
  { id: 'real-hanma', name: '汉马激光', nodeId: 'laser.lasers', note: '激光产业' },
  { id: 'real-tianhong', name: '天弘激光', nodeId: 'laser.equipment', note: '激光产业' },
];
