import type { TaxonomyChain } from '../../taxonomy.types.ts';
import { BONES, feeds, nodesOf, WENLING_FUND_ROLE } from '../build.ts';

const ID = 'land';
const { materials, parts, electrical, product, market, service } = BONES;

/** "陆" of the six tracks, read (by us) as land transport and new-energy vehicles, two-wheelers included. */
export const landChain: TaxonomyChain = {
  id: ID,
  group: 'emerging',
  nameZh: '新能源汽车与陆路交通装备',
  nameEn: 'Land transport & new-energy vehicles',
  nodes: nodesOf(ID, [
    { id: 'battery-materials', zh: '电池材料', en: 'Battery materials', tier: 'up', codes: ['3985'], bone: materials, share: 0.05, weight: 0.02 },
    { id: 'cells', zh: '动力电池', en: 'Traction batteries', tier: 'up', codes: ['3841'], bone: electrical, share: 0.1, weight: 0.04, isKey: true },
    { id: 'motors', zh: '驱动电机', en: 'Traction motors', tier: 'up', codes: ['3812'], bone: electrical, share: 0.5, weight: 0.06, isKey: true },
    { id: 'inverters', zh: '电机控制器（电控）', en: 'Motor controllers (inverters)', tier: 'up', codes: ['3824'], bone: electrical, share: 0.2, weight: 0.04, isKey: true },
    { id: 'chips', zh: '车规芯片', en: 'Automotive-grade chips', tier: 'up', codes: ['3973'], bone: electrical, share: 0.02, weight: 0.01 },
    { id: 'smart-devices', zh: '智能车载设备', en: 'Smart in-vehicle devices', tier: 'up', codes: ['3962'], bone: electrical, share: 0.15, weight: 0.04 },
    { id: 'thermal', zh: '热管理与电子水泵', en: 'Thermal management and electric pumps', tier: 'up', codes: ['3670'], bone: parts, share: 0.6, weight: 0.06 },
    { id: 'parts', zh: '车身与底盘零部件', en: 'Body and chassis parts', tier: 'up', codes: ['3670'], bone: parts, share: 0.6, weight: 0.2 },
    { id: 'nev', zh: '新能源汽车整车', en: 'New-energy vehicles', tier: 'mid', codes: ['3612'], bone: product, share: 0.1, weight: 0.02 },
    { id: 'e-motorcycles', zh: '电动摩托车', en: 'Electric motorcycles', tier: 'mid', codes: ['3751'], bone: product, share: 0.5, weight: 0.1, isKey: true },
    { id: 'e-bikes', zh: '电动自行车与助动车', en: 'E-bikes and mopeds', tier: 'mid', codes: ['3770'], bone: product, share: 0.5, weight: 0.12 },
    { id: 'charging', zh: '充电服务', en: 'Charging services', tier: 'down', codes: ['5267'], bone: market, share: 0.8, weight: 0.03 },
    { id: 'testing', zh: '整车与零部件检测', en: 'Vehicle and parts testing', tier: 'service', codes: ['7452'], bone: service, share: 0.5, weight: 0.01 },
  ]),
  inputs: feeds(ID, {
    'battery-materials': ['cells'],
    cells: ['nev', 'e-motorcycles', 'e-bikes'],
    motors: ['nev', 'e-motorcycles', 'e-bikes'],
    chips: ['inverters', 'smart-devices'],
    inverters: ['nev', 'e-motorcycles', 'e-bikes'],
    'smart-devices': ['nev', 'e-motorcycles'],
    thermal: ['nev'],
    parts: ['nev', 'e-motorcycles', 'e-bikes'],
    nev: ['charging'],
    testing: ['nev', 'e-motorcycles'],
  }),
  roles: [
    { kind: 'chief', nameZh: '分管副市长', nameEn: 'Vice mayor in charge', note: '链长岗位为示例假设', isAssumption: true },
    WENLING_FUND_ROLE,
  ],
  target: { nameZh: '新能源汽车与陆路交通装备产业链产值', outputWan: 1_000_000, year: 2030, isAssumption: true, source: '示例假设：文章未给出本链目标' },
};
