import type { TaxonomyChain } from '../../taxonomy.types.ts';
import { BONES, feeds, nodesOf, WENLING_FUND_ROLE } from '../build.ts';

const ID = 'robot';
const { casting, parts, electrical, product, market, service } = BONES;

/**
 * "机" of the six tracks: robots and intelligent equipment. Reducers, servo systems and controllers make up
 * about 70% of a robot's cost (SOURCES-policy.md §7.2) and are mostly bought outside — hence the low local
 * shares; Wenling's strength is the robot body (本体).
 */
export const robotChain: TaxonomyChain = {
  id: ID,
  group: 'emerging',
  nameZh: '机器人与智能装备',
  nameEn: 'Robots & intelligent equipment',
  nodes: nodesOf(ID, [
    { id: 'castings', zh: '结构件（铸件、机加工件）', en: 'Structural parts (castings, machined parts)', tier: 'up', codes: ['3391', '3392', '3484'], bone: casting, share: 0.85, weight: 0.15 },
    { id: 'reducers', zh: '精密减速器（RV、谐波）', en: 'Precision reducers (RV, harmonic)', tier: 'up', codes: ['3453'], bone: parts, share: 0.15, weight: 0.05, isKey: true },
    { id: 'bearings', zh: '精密轴承', en: 'Precision bearings', tier: 'up', codes: ['3451'], bone: parts, share: 0.15, weight: 0.02 },
    { id: 'servo', zh: '伺服电机与驱动器', en: 'Servo motors and drives', tier: 'up', codes: ['3813', '3824'], bone: electrical, share: 0.25, weight: 0.06, isKey: true },
    { id: 'controllers', zh: '控制器', en: 'Robot controllers', tier: 'up', codes: ['4011'], bone: electrical, share: 0.15, weight: 0.04, isKey: true },
    { id: 'sensors', zh: '传感器与机器视觉', en: 'Sensors and machine vision', tier: 'up', codes: ['3983', '4040'], bone: electrical, share: 0.1, weight: 0.03 },
    { id: 'industrial', zh: '工业机器人本体', en: 'Industrial robot bodies', tier: 'mid', codes: ['3491'], bone: product, share: 0.5, weight: 0.15, isKey: true },
    { id: 'special', zh: '特种作业机器人', en: 'Special-purpose robots', tier: 'mid', codes: ['3492'], bone: product, share: 0.4, weight: 0.05 },
    { id: 'service-robots', zh: '服务机器人', en: 'Service robots', tier: 'mid', codes: ['3964'], bone: product, share: 0.3, weight: 0.04 },
    { id: 'integration', zh: '系统集成（工作站、产线）', en: 'System integration (cells, lines)', tier: 'down', codes: ['3491', '6531'], bone: market, share: 0.6, weight: 0.25, isKey: true },
    { id: 'use-manufacturing', zh: '应用：泵与电机、机床、汽摩配产线', en: 'Applications: pump, machine-tool and vehicle-parts lines', tier: 'down', codes: ['3441', '3421', '3670'], bone: market, share: 0.7, weight: 0.12 },
    { id: 'rnd', zh: '研发与测试', en: 'R&D and testing', tier: 'service', codes: ['7320', '7452'], bone: service, share: 0.4, weight: 0.04 },
  ]),
  inputs: feeds(ID, {
    castings: ['industrial', 'special', 'service-robots'],
    reducers: ['industrial', 'special', 'service-robots'],
    bearings: ['reducers', 'industrial'],
    servo: ['industrial', 'special', 'service-robots'],
    controllers: ['industrial', 'special', 'service-robots'],
    sensors: ['industrial', 'special', 'service-robots', 'integration'],
    industrial: ['integration'],
    special: ['integration'],
    integration: ['use-manufacturing'],
    rnd: ['industrial', 'controllers'],
  }),
  roles: [
    { kind: 'chief', nameZh: '分管副市长', nameEn: 'Vice mayor in charge', note: '链长岗位为示例假设', isAssumption: true },
    { kind: 'leadFirm', nameZh: '钱江', nameEn: 'Qianjiang', note: '文章："已拥有钱江、昌泓等多家机器人本体生产企业"；链主身份为示例假设', isAssumption: true },
    { kind: 'leadFirm', nameZh: '昌泓', nameEn: 'Changhong', note: '文章："已拥有钱江、昌泓等多家机器人本体生产企业"；链主身份为示例假设', isAssumption: true },
    { kind: 'innovator', nameZh: '浙江省高档数控机床技术创新中心', nameEn: 'Zhejiang High-end CNC Machine Tool Technology Innovation Center', note: '文章将机器人与数控机床列为一个产业集群；服务本链为示例假设', isAssumption: true },
    WENLING_FUND_ROLE,
  ],
  target: { nameZh: '机器人产业链产值', outputWan: 1_000_000, year: 2030, isAssumption: true, source: '示例假设：文章给出现状（上下游应用企业产值40亿元以上），未给出目标' },
};
