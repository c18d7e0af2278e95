import type { TaxonomyChain } from '../../taxonomy.types.ts';
import { BONES, feeds, nodesOf, WENLING_FUND_ROLE } from '../build.ts';

const ID = 'chip';
const { materials, equipment, parts, electrical, product, market, service } = BONES;

/**
 * "芯" of the six tracks: chips and semiconductors with Wenling's focus on controllers that serve pumps and
 * machine tools (SOURCES-policy.md §6.2, §7.2). Wafer-level inputs are almost entirely bought outside.
 */
export const chipChain: TaxonomyChain = {
  id: ID,
  group: 'emerging',
  nameZh: '芯片与控制器',
  nameEn: 'Chips & controllers',
  nodes: nodesOf(ID, [
    { id: 'materials', zh: '电子专用材料', en: 'Electronic materials', tier: 'up', codes: ['3985'], bone: materials, share: 0.05, weight: 0.03 },
    { id: 'equipment', zh: '半导体专用设备', en: 'Semiconductor equipment', tier: 'up', codes: ['3562'], bone: equipment, share: 0.02, weight: 0.02 },
    { id: 'design', zh: '集成电路设计', en: 'IC design', tier: 'up', codes: ['6520'], bone: service, share: 0.1, weight: 0.05, isKey: true },
    { id: 'ic', zh: '集成电路制造与封测', en: 'IC fabrication, packaging and test', tier: 'mid', codes: ['3973'], bone: product, share: 0.05, weight: 0.06, isKey: true },
    { id: 'discretes', zh: '功率与分立器件', en: 'Power and discrete devices', tier: 'mid', codes: ['3972'], bone: product, share: 0.1, weight: 0.06 },
    { id: 'optoelectronics', zh: '光电子器件（含CPO光电共封装）', en: 'Optoelectronic devices (incl. co-packaged optics)', tier: 'mid', codes: ['3976'], bone: product, share: 0.1, weight: 0.04 },
    { id: 'memory', zh: '存储芯片与模组', en: 'Memory chips and modules', tier: 'mid', codes: ['3973', '3912'], bone: product, share: 0.05, weight: 0.04 },
    { id: 'passives', zh: '电阻电容电感', en: 'Passive components', tier: 'mid', codes: ['3981'], bone: parts, share: 0.2, weight: 0.06 },
    { id: 'pcb', zh: '电路板（PCB、PCBA）', en: 'PCB and PCBA', tier: 'mid', codes: ['3982'], bone: parts, share: 0.4, weight: 0.12 },
    { id: 'sensors', zh: '传感器', en: 'Sensors', tier: 'mid', codes: ['3983'], bone: parts, share: 0.15, weight: 0.05 },
    { id: 'power-electronics', zh: '电力电子模块与变频器', en: 'Power electronic modules and drives', tier: 'mid', codes: ['3824'], bone: electrical, share: 0.3, weight: 0.1 },
    { id: 'controllers', zh: '控制器（泵、电机、机床控制）', en: 'Controllers (pump, motor and machine-tool control)', tier: 'mid', codes: ['4011', '3829'], bone: electrical, share: 0.5, weight: 0.25, isKey: true },
    { id: 'embedded-software', zh: '嵌入式与应用软件', en: 'Embedded and application software', tier: 'service', codes: ['6513'], bone: service, share: 0.4, weight: 0.04 },
    { id: 'use-pumps', zh: '应用：泵与电机', en: 'Application: pumps and motors', tier: 'down', codes: ['3441', '3812'], bone: market, share: 0.8, weight: 0.04 },
    { id: 'use-machine-tools', zh: '应用：数控机床', en: 'Application: CNC machine tools', tier: 'down', codes: ['3421'], bone: market, share: 0.8, weight: 0.04 },
  ]),
  inputs: feeds(ID, {
    materials: ['ic', 'discretes', 'optoelectronics'],
    equipment: ['ic', 'discretes'],
    design: ['ic', 'memory'],
    ic: ['pcb', 'controllers', 'power-electronics', 'memory'],
    discretes: ['power-electronics', 'pcb'],
    optoelectronics: ['pcb'],
    memory: ['controllers'],
    passives: ['pcb', 'power-electronics'],
    pcb: ['controllers', 'power-electronics'],
    sensors: ['controllers'],
    'power-electronics': ['controllers', 'use-pumps'],
    'embedded-software': ['controllers'],
    controllers: ['use-pumps', 'use-machine-tools'],
  }),
  roles: [
    { kind: 'chief', nameZh: '常务副市长', nameEn: 'Executive vice mayor', note: '链长岗位为示例假设（温岭"九个一"机制：一条产业链、一名市领导）', isAssumption: true },
    { kind: 'leadFirm', nameZh: '晶能微电子', nameEn: 'Jingneng Microelectronics', note: '文章：落地投产的重大产业项目；链主身份为示例假设', isAssumption: true },
    { kind: 'leadFirm', nameZh: '狮门半导体', nameEn: 'Shimen Semiconductor', note: '文章：落地投产的重大产业项目；链主身份为示例假设', isAssumption: true },
    { kind: 'leadFirm', nameZh: '嘉合劲威', nameEn: 'Jiahe Jinwei', note: '文章：高端存储芯片项目落地投产；链主身份为示例假设', isAssumption: true },
    WENLING_FUND_ROLE,
  ],
  target: { nameZh: '芯片与控制器产业链产值', outputWan: 1_000_000, year: 2030, isAssumption: true, source: '示例假设：文章未给出本链目标' },
};
