import type { TaxonomyChain } from '../../taxonomy.types.ts';
import { BONES, feeds, nodesOf, WENLING_FUND_ROLE } from '../build.ts';

const ID = 'machine-tool';
const { materials, casting, electrical, functional, host, tools, market, service } = BONES;

/**
 * 机床工具 — the article's chain of 主机 (machine tools), 功能部件 (functional components) and 工量刀具
 * (cutting and measuring tools); upstream structure (CNC system ≈30% of machine cost, spindles, ball screws,
 * guides, tool magazines, servo) and codes from SOURCES-policy.md §7.2.
 */
export const machineToolChain: TaxonomyChain = {
  id: ID,
  group: 'pillar',
  nameZh: '机床工具',
  nameEn: 'Machine tools & cutting tools',
  nodes: nodesOf(ID, [
    { id: 'castings', zh: '床身铸件', en: 'Machine-bed castings', tier: 'up', codes: ['3391'], bone: casting, share: 0.85, weight: 0.06 },
    { id: 'tool-materials', zh: '刀具材料（硬质合金、工具钢）', en: 'Tool materials (carbide, tool steel)', tier: 'up', codes: ['3240', '3130'], bone: materials, share: 0.1, weight: 0.02 },
    { id: 'cnc-system', zh: '数控系统', en: 'CNC systems', tier: 'up', codes: ['4011', '3914'], bone: electrical, share: 0.05, weight: 0.01, isKey: true },
    { id: 'servo', zh: '伺服电机与驱动', en: 'Servo motors and drives', tier: 'up', codes: ['3813'], bone: electrical, share: 0.2, weight: 0.02 },
    { id: 'spindles', zh: '主轴与电主轴', en: 'Spindles and motor spindles', tier: 'up', codes: ['3425'], bone: functional, share: 0.3, weight: 0.04, isKey: true },
    { id: 'screws-guides', zh: '滚珠丝杠与直线导轨', en: 'Ball screws and linear guides', tier: 'up', codes: ['3459'], bone: functional, share: 0.15, weight: 0.02, isKey: true },
    { id: 'turrets', zh: '刀库、刀塔与转台', en: 'Tool magazines, turrets and rotary tables', tier: 'up', codes: ['3425'], bone: functional, share: 0.4, weight: 0.04 },
    { id: 'bearings', zh: '精密轴承', en: 'Precision bearings', tier: 'up', codes: ['3451'], bone: functional, share: 0.1, weight: 0.01 },
    { id: 'coatings', zh: '刀具涂层与热处理', en: 'Tool coatings and heat treatment', tier: 'up', codes: ['3360'], bone: tools, share: 0.6, weight: 0.03 },
    { id: 'cutting', zh: '金属切削机床（数控车床、加工中心、五轴）', en: 'Metal-cutting machine tools (CNC lathes, machining centres, 5-axis)', tier: 'mid', codes: ['3421'], bone: host, share: 0.5, weight: 0.2, isKey: true },
    { id: 'forming', zh: '金属成形机床', en: 'Metal-forming machine tools', tier: 'mid', codes: ['3422'], bone: host, share: 0.5, weight: 0.06 },
    { id: 'cutting-tools', zh: '切削刀具', en: 'Cutting tools', tier: 'mid', codes: ['3321'], bone: tools, share: 0.7, weight: 0.25, isKey: true },
    { id: 'hand-tools', zh: '手工具', en: 'Hand tools', tier: 'mid', codes: ['3322'], bone: tools, share: 0.7, weight: 0.1 },
    { id: 'gauges', zh: '量具量仪', en: 'Gauges and measuring instruments', tier: 'mid', codes: ['4013'], bone: tools, share: 0.5, weight: 0.05 },
    { id: 'use-moulds', zh: '模具加工', en: 'Mould making', tier: 'down', codes: ['3525'], bone: market, share: 0.5, weight: 0.03 },
    { id: 'use-parts', zh: '汽摩配与泵阀零件加工', en: 'Machining for auto, motorcycle, pump and valve parts', tier: 'down', codes: ['3670', '3484'], bone: market, share: 0.5, weight: 0.04 },
    { id: 'rnd', zh: '共性技术研发', en: 'Common-technology R&D', tier: 'service', codes: ['7320'], bone: service, share: 0.4, weight: 0.01 },
    { id: 'testing', zh: '检验检测', en: 'Testing', tier: 'service', codes: ['7452'], bone: service, share: 0.5, weight: 0.01 },
  ]),
  inputs: feeds(ID, {
    castings: ['cutting', 'forming'],
    'tool-materials': ['cutting-tools', 'hand-tools'],
    'cnc-system': ['cutting', 'forming'],
    servo: ['cutting', 'forming', 'turrets'],
    spindles: ['cutting'],
    'screws-guides': ['cutting', 'forming'],
    turrets: ['cutting'],
    bearings: ['spindles', 'screws-guides', 'turrets'],
    coatings: ['cutting-tools'],
    cutting: ['use-moulds', 'use-parts'],
    forming: ['use-parts'],
    'cutting-tools': ['use-moulds', 'use-parts'],
    gauges: ['use-parts', 'use-moulds'],
    rnd: ['cutting', 'spindles', 'cnc-system'],
    testing: ['cutting', 'cutting-tools'],
  }),
  roles: [
    { kind: 'chief', nameZh: '市委副书记', nameEn: 'Deputy party secretary of the city', note: '链长岗位为示例假设', isAssumption: true },
    { kind: 'innovator', nameZh: '浙江省高档数控机床技术创新中心', nameEn: 'Zhejiang High-end CNC Machine Tool Technology Innovation Center', note: '文章：2023年7月由市政府与浙江大学共建；27家单位组成产业技术联盟' },
    { kind: 'innovator', nameZh: '台州学院温岭研究院先进涂层技术联合实验室', nameEn: 'Advanced coating joint laboratory, Taizhou University Wenling Institute', note: '文章：助力工量刀具产业突破瓶颈' },
    WENLING_FUND_ROLE,
  ],
  target: { nameZh: '机床工具产业链产值', outputWan: 5_000_000, year: 2030, isAssumption: true, source: '示例假设：文章给出现状（1200多家企业、产值超300亿元），未给出目标' },
};
