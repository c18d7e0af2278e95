import type { TaxonomyChain } from '../../taxonomy.types.ts';
import { BONES, feeds, nodesOf, WENLING_FUND_ROLE } from '../build.ts';

const { materials, parts, electrical, product, market, service } = BONES;

/**
 * "X" future industry: AI computing — TPU chips → computing boards → servers and system test → data centres
 * and AI applications (the article: a TPU board production and system-test line in Wenling).
 */
export const aiComputingChain: TaxonomyChain = {
  id: 'ai-computing',
  group: 'future',
  nameZh: 'AI算力（TPU板卡）',
  nameEn: 'AI computing boards',
  nodes: nodesOf('ai-computing', [
    { id: 'chips', zh: 'AI算力芯片（TPU）', en: 'AI accelerator chips (TPU)', tier: 'up', codes: ['3973', '6520'], bone: electrical, share: 0.05, weight: 0.05, isKey: true },
    { id: 'memory', zh: '高端存储芯片', en: 'High-end memory', tier: 'up', codes: ['3973'], bone: electrical, share: 0.1, weight: 0.05 },
    { id: 'pcb', zh: '高速PCB与载板', en: 'High-speed PCB and substrates', tier: 'up', codes: ['3982'], bone: parts, share: 0.2, weight: 0.1 },
    { id: 'passives', zh: '电子元件', en: 'Passive components', tier: 'up', codes: ['3981'], bone: parts, share: 0.1, weight: 0.05 },
    { id: 'optics', zh: '光模块与CPO光电共封装', en: 'Optical modules and co-packaged optics', tier: 'up', codes: ['3976'], bone: electrical, share: 0.2, weight: 0.05 },
    { id: 'cooling', zh: '液冷泵与散热', en: 'Liquid-cooling pumps and heat sinks', tier: 'up', codes: ['3441', '3399'], bone: materials, share: 0.6, weight: 0.1 },
    { id: 'boards', zh: 'TPU算力板卡', en: 'TPU computing boards', tier: 'mid', codes: ['3912'], bone: product, share: 0.3, weight: 0.2, isKey: true },
    { id: 'servers', zh: '算力服务器与整机', en: 'AI servers and systems', tier: 'mid', codes: ['3911'], bone: product, share: 0.2, weight: 0.1 },
    { id: 'system-test', zh: '系统测试验证', en: 'System test and validation', tier: 'service', codes: ['7452'], bone: service, share: 0.5, weight: 0.05 },
    { id: 'datacentres', zh: '算力中心与数据服务', en: 'Computing centres and data services', tier: 'down', codes: ['6450'], bone: market, share: 0.3, weight: 0.1 },
    { id: 'applications', zh: 'AI应用（港口、激光、机电）', en: 'AI applications (ports, lasers, electromechanics)', tier: 'down', codes: ['6513'], bone: market, share: 0.5, weight: 0.15 },
  ]),
  inputs: feeds('ai-computing', {
    chips: ['boards'],
    memory: ['boards'],
    pcb: ['boards'],
    passives: ['boards'],
    optics: ['boards', 'servers'],
    cooling: ['servers'],
    boards: ['servers'],
    'system-test': ['boards', 'servers'],
    servers: ['datacentres'],
    datacentres: ['applications'],
  }),
  roles: [
    { kind: 'chief', nameZh: '市委副书记', nameEn: 'Deputy party secretary of the city', note: '链长岗位为示例假设', isAssumption: true },
    {
      kind: 'leadFirm',
      nameZh: '中昊芯英（台州皓星智能科技有限公司）',
      nameEn: 'Zhonghao Xinying (Taizhou Haoxing Intelligent Technology)',
      note: '文章：TPU算力芯片板卡生产及系统测试验证线，首条整线2025年5月15日投产；链主身份为示例假设',
      isAssumption: true,
    },
    WENLING_FUND_ROLE,
  ],
  target: { nameZh: 'AI算力产业链产值', outputWan: 500_000, year: 2030, isAssumption: true, source: '示例假设：文章未给出本链目标' },
};

/** "X" future industry: humanoid robots (the article: "以人形机器人为远景目标"). */
export const humanoidChain: TaxonomyChain = {
  id: 'humanoid',
  group: 'future',
  nameZh: '人形机器人',
  nameEn: 'Humanoid robots',
  nodes: nodesOf('humanoid', [
    { id: 'reducers', zh: '谐波与行星减速器', en: 'Harmonic and planetary reducers', tier: 'up', codes: ['3453'], bone: parts, share: 0.1, weight: 0.1, isKey: true },
    { id: 'roller-screws', zh: '行星滚柱丝杠', en: 'Planetary roller screws', tier: 'up', codes: ['3459'], bone: parts, share: 0.05, weight: 0.05, isKey: true },
    { id: 'motors', zh: '无框力矩电机与空心杯电机', en: 'Frameless torque and coreless motors', tier: 'up', codes: ['3813'], bone: electrical, share: 0.2, weight: 0.1 },
    { id: 'sensors', zh: '力觉、触觉与视觉传感器', en: 'Force, tactile and vision sensors', tier: 'up', codes: ['3983'], bone: electrical, share: 0.05, weight: 0.08 },
    { id: 'compute', zh: '计算芯片与控制器', en: 'Compute chips and controllers', tier: 'up', codes: ['3973', '4011'], bone: electrical, share: 0.05, weight: 0.05 },
    { id: 'batteries', zh: '电池', en: 'Batteries', tier: 'up', codes: ['3841'], bone: electrical, share: 0.1, weight: 0.03 },
    { id: 'structure', zh: '轻量化结构件', en: 'Lightweight structural parts', tier: 'up', codes: ['3392', '2929'], bone: materials, share: 0.7, weight: 0.12 },
    { id: 'actuators', zh: '关节执行器与灵巧手', en: 'Joint actuators and dexterous hands', tier: 'mid', codes: ['3453', '3813'], bone: parts, share: 0.2, weight: 0.15, isKey: true },
    { id: 'bodies', zh: '人形机器人整机', en: 'Humanoid robots', tier: 'mid', codes: ['3964', '3491'], bone: product, share: 0.3, weight: 0.12, isKey: true },
    { id: 'software', zh: '运动控制与大模型软件', en: 'Motion control and foundation-model software', tier: 'service', codes: ['6513'], bone: service, share: 0.2, weight: 0.08 },
    { id: 'use-factory', zh: '应用：工厂场景（泵、机床、汽摩配产线）', en: 'Application: factory work (pump, machine-tool, vehicle-parts lines)', tier: 'down', codes: ['3441', '3421', '3670'], bone: market, share: 0.7, weight: 0.12 },
  ]),
  inputs: feeds('humanoid', {
    reducers: ['actuators'],
    'roller-screws': ['actuators'],
    motors: ['actuators'],
    sensors: ['actuators', 'bodies'],
    compute: ['bodies'],
    batteries: ['bodies'],
    structure: ['bodies'],
    actuators: ['bodies'],
    software: ['bodies'],
    bodies: ['use-factory'],
  }),
  roles: [{ kind: 'chief', nameZh: '分管副市长', nameEn: 'Vice mayor in charge', note: '链长岗位为示例假设', isAssumption: true }, WENLING_FUND_ROLE],
  target: { nameZh: '人形机器人产业链产值', outputWan: 200_000, year: 2030, isAssumption: true, source: '示例假设：文章未给出本链目标' },
};
