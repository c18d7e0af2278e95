import type { TaxonomyChain } from '../../taxonomy.types.ts';
import { BONES, feeds, nodesOf, WENLING_FUND_ROLE } from '../build.ts';

const ID = 'laser';
const { materials, parts, electrical, product, market, service } = BONES;

/**
 * "光" of the six tracks: lasers and photonics — laser chips, optics, gain fibre → lasers → laser processing
 * equipment → sheet-metal, vehicle and medical uses (industry-report structure, SOURCES-policy.md §7.2).
 */
export const laserChain: TaxonomyChain = {
  id: ID,
  group: 'emerging',
  nameZh: '激光与光电',
  nameEn: 'Lasers & photonics',
  nodes: nodesOf(ID, [
    { id: 'chips', zh: '激光芯片与泵浦源', en: 'Laser chips and pump sources', tier: 'up', codes: ['3976'], bone: electrical, share: 0.05, weight: 0.04, isKey: true },
    { id: 'optics', zh: '光学元件与光学玻璃', en: 'Optical components and glass', tier: 'up', codes: ['3052', '4040'], bone: materials, share: 0.15, weight: 0.08 },
    { id: 'fibre', zh: '特种光纤', en: 'Specialty (gain) fibre', tier: 'up', codes: ['3832'], bone: materials, share: 0.05, weight: 0.02 },
    { id: 'crystals', zh: '激光晶体与光电材料', en: 'Laser crystals and photonic materials', tier: 'up', codes: ['3985'], bone: materials, share: 0.05, weight: 0.02 },
    { id: 'power-control', zh: '激光电源与控制系统', en: 'Laser power supplies and controls', tier: 'up', codes: ['3824', '4011'], bone: electrical, share: 0.3, weight: 0.06 },
    { id: 'motion', zh: '运动平台与机床结构件', en: 'Motion stages and machine frames', tier: 'up', codes: ['3425', '3391'], bone: parts, share: 0.7, weight: 0.1 },
    { id: 'lasers', zh: '激光器（光纤、半导体、固体、超快）', en: 'Lasers (fibre, diode, solid-state, ultrafast)', tier: 'mid', codes: ['3976'], bone: product, share: 0.2, weight: 0.08, isKey: true },
    { id: 'equipment', zh: '激光加工设备（切割、焊接、打标、清洗）', en: 'Laser processing equipment (cutting, welding, marking, cleaning)', tier: 'mid', codes: ['3424'], bone: product, share: 0.5, weight: 0.3, isKey: true },
    { id: 'use-metalwork', zh: '应用：钣金与机械加工', en: 'Application: sheet metal and machining', tier: 'down', codes: ['3399', '3484'], bone: market, share: 0.7, weight: 0.12 },
    { id: 'use-vehicles', zh: '应用：汽摩配与新能源', en: 'Application: vehicle parts and new energy', tier: 'down', codes: ['3670', '3841'], bone: market, share: 0.5, weight: 0.08 },
    { id: 'use-medical', zh: '应用：激光医疗', en: 'Application: medical lasers', tier: 'down', codes: ['3581'], bone: market, share: 0.3, weight: 0.04 },
    { id: 'rnd', zh: '光电研发与检测', en: 'Photonics R&D and testing', tier: 'service', codes: ['7320', '7452'], bone: service, share: 0.3, weight: 0.04 },
  ]),
  inputs: feeds(ID, {
    chips: ['lasers'],
    optics: ['lasers', 'equipment'],
    fibre: ['lasers'],
    crystals: ['lasers'],
    'power-control': ['lasers', 'equipment'],
    motion: ['equipment'],
    lasers: ['equipment', 'use-medical'],
    equipment: ['use-metalwork', 'use-vehicles'],
    rnd: ['lasers', 'equipment'],
  }),
  roles: [
    { kind: 'chief', nameZh: '分管副市长', nameEn: 'Vice mayor in charge', note: '链长岗位为示例假设', isAssumption: true },
    { kind: 'leadFirm', nameZh: '汉马激光', nameEn: 'Hanma Laser', note: '文章：落户的激光产业项目；链主身份为示例假设', isAssumption: true },
    { kind: 'leadFirm', nameZh: '天弘激光', nameEn: 'Tianhong Laser', note: '文章：落户的激光产业项目；链主身份为示例假设', isAssumption: true },
    WENLING_FUND_ROLE,
  ],
  target: {
    nameZh: '百亿级激光产业集群（"浙东光谷"）',
    outputWan: 1_000_000,
    year: 2030,
    isAssumption: true,
    source: '文章："激光有望成为温岭下一个百亿级现代产业集群"；目标年份未给出，2030年为示例假设',
  },
};
