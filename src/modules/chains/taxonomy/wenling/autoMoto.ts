import type { TaxonomyChain } from '../../taxonomy.types.ts';
import { BONES, feeds, nodesOf, WENLING_FUND_ROLE } from '../build.ts';

const ID = 'auto-moto';
const { materials, casting, parts, electrical, equipment, product, market, service } = BONES;

/** 汽摩配件 — motorcycles and auto parts; codes from SOURCES-policy.md §7.2. */
export const autoMotoChain: TaxonomyChain = {
  id: ID,
  group: 'pillar',
  nameZh: '汽摩配件',
  nameEn: 'Motorcycle & auto parts',
  nodes: nodesOf(ID, [
    { id: 'steel', zh: '钢材与铝材', en: 'Steel and aluminium stock', tier: 'up', codes: ['3130', '3252'], bone: materials, share: 0.2, weight: 0.02 },
    { id: 'castings', zh: '铸件（铸铁、铝压铸）', en: 'Castings (iron, aluminium die-cast)', tier: 'up', codes: ['3391', '3392'], bone: casting, share: 0.85, weight: 0.1, isKey: true },
    { id: 'forgings', zh: '锻件与粉末冶金件', en: 'Forgings and powder-metallurgy parts', tier: 'up', codes: ['3393'], bone: casting, share: 0.7, weight: 0.05 },
    { id: 'moulds', zh: '模具', en: 'Moulds and dies', tier: 'up', codes: ['3525'], bone: equipment, share: 0.75, weight: 0.05 },
    { id: 'rubber', zh: '橡胶件', en: 'Rubber parts', tier: 'up', codes: ['2913'], bone: parts, share: 0.7, weight: 0.04 },
    { id: 'tyres', zh: '轮胎', en: 'Tyres', tier: 'up', codes: ['2911'], bone: parts, share: 0.1, weight: 0.01 },
    { id: 'harness', zh: '线束与电缆', en: 'Wiring harnesses and cables', tier: 'up', codes: ['3831'], bone: electrical, share: 0.5, weight: 0.03 },
    { id: 'motors', zh: '驱动电机', en: 'Traction motors', tier: 'up', codes: ['3812', '3813'], bone: electrical, share: 0.5, weight: 0.03 },
    { id: 'batteries', zh: '锂电池', en: 'Lithium-ion batteries', tier: 'up', codes: ['3841'], bone: electrical, share: 0.15, weight: 0.02 },
    { id: 'smart-devices', zh: '智能车载设备', en: 'Smart in-vehicle devices', tier: 'up', codes: ['3962'], bone: electrical, share: 0.15, weight: 0.02 },
    { id: 'moto-parts', zh: '摩托车零部件及配件', en: 'Motorcycle parts', tier: 'mid', codes: ['3752'], bone: product, share: 0.75, weight: 0.3, isKey: true },
    { id: 'auto-parts', zh: '汽车零部件及配件', en: 'Auto parts', tier: 'mid', codes: ['3670'], bone: product, share: 0.6, weight: 0.25, isKey: true },
    { id: 'motorcycles', zh: '摩托车整车', en: 'Motorcycles', tier: 'down', codes: ['3751'], bone: market, share: 0.5, weight: 0.03, isKey: true },
    { id: 'vehicles', zh: '汽车整车（燃油、新能源）', en: 'Vehicles (combustion, new-energy)', tier: 'down', codes: ['3611', '3612'], bone: market, share: 0.1, weight: 0.01 },
    { id: 'testing', zh: '检测服务', en: 'Testing', tier: 'service', codes: ['7452'], bone: service, share: 0.6, weight: 0.01 },
  ]),
  inputs: feeds(ID, {
    steel: ['castings', 'forgings', 'moto-parts', 'auto-parts'],
    castings: ['moto-parts', 'auto-parts'],
    forgings: ['moto-parts', 'auto-parts'],
    moulds: ['castings', 'rubber'],
    rubber: ['moto-parts', 'auto-parts'],
    tyres: ['motorcycles', 'vehicles'],
    harness: ['motorcycles', 'vehicles'],
    motors: ['motorcycles', 'vehicles'],
    batteries: ['motorcycles', 'vehicles'],
    'smart-devices': ['vehicles', 'motorcycles'],
    'moto-parts': ['motorcycles'],
    'auto-parts': ['vehicles'],
    testing: ['moto-parts', 'auto-parts'],
  }),
  roles: [
    { kind: 'chief', nameZh: '分管工业副市长', nameEn: 'Vice mayor in charge of industry', note: '链长岗位为示例假设', isAssumption: true },
    { kind: 'leadFirm', nameZh: '钱江摩托', nameEn: 'Qianjiang Motorcycle', note: '文章提及（钱江摩托智慧园区）；链主身份为示例假设', isAssumption: true },
    { kind: 'leadFirm', nameZh: '绿驹科技', nameEn: 'Lvju Technology', note: '文章提及（绿驹科技智能工厂）；归入本链与链主身份为示例假设', isAssumption: true },
    WENLING_FUND_ROLE,
  ],
  target: { nameZh: '汽摩配件产业链产值', outputWan: 5_000_000, year: 2030, isAssumption: true, source: '示例假设：文章未给出本链目标' },
};
