import type { TaxonomyChain } from '../../taxonomy.types.ts';
import { BONES, feeds, nodesOf, WENLING_FUND_ROLE } from '../build.ts';

const ID = 'shoes';
const { materials, parts, equipment, product, market, service } = BONES;

/** 鞋业 — Wenling's footwear (injection-moulded and EVA shoes foremost); codes from SOURCES-policy.md §7.2. */
export const shoesChain: TaxonomyChain = {
  id: ID,
  group: 'pillar',
  nameZh: '鞋业',
  nameEn: 'Footwear',
  nodes: nodesOf(ID, [
    { id: 'resin', zh: '树脂与塑料粒子（PVC、TPR）', en: 'Resins and compounds (PVC, TPR)', tier: 'up', codes: ['2651'], bone: materials, share: 0.2, weight: 0.03 },
    { id: 'foam', zh: 'EVA发泡材料', en: 'EVA foam', tier: 'up', codes: ['2924'], bone: materials, share: 0.6, weight: 0.06, isKey: true },
    { id: 'synthetic-leather', zh: '人造革与合成革', en: 'Artificial and synthetic leather', tier: 'up', codes: ['2925'], bone: materials, share: 0.3, weight: 0.04 },
    { id: 'leather', zh: '皮革', en: 'Tanned leather', tier: 'up', codes: ['1910'], bone: materials, share: 0.1, weight: 0.01 },
    { id: 'moulds', zh: '鞋模', en: 'Shoe moulds', tier: 'up', codes: ['3525'], bone: equipment, share: 0.85, weight: 0.06, isKey: true },
    { id: 'injection-machines', zh: '注塑机与鞋机', en: 'Injection-moulding and shoe machines', tier: 'up', codes: ['3523'], bone: equipment, share: 0.5, weight: 0.03 },
    { id: 'sewing', zh: '缝制与皮革加工设备', en: 'Sewing and leather-working machines', tier: 'up', codes: ['3553', '3552'], bone: equipment, share: 0.3, weight: 0.01 },
    { id: 'soles', zh: '鞋底与鞋材部件', en: 'Soles and shoe components', tier: 'mid', codes: ['2929'], bone: parts, share: 0.85, weight: 0.15, isKey: true },
    { id: 'plastic-shoes', zh: '塑料鞋（注塑、EVA）', en: 'Plastic shoes (injection-moulded, EVA)', tier: 'mid', codes: ['1953'], bone: product, share: 0.6, weight: 0.35, isKey: true },
    { id: 'leather-shoes', zh: '皮鞋', en: 'Leather shoes', tier: 'mid', codes: ['1952'], bone: product, share: 0.5, weight: 0.08 },
    { id: 'textile-shoes', zh: '布鞋与运动鞋', en: 'Textile and sports shoes', tier: 'mid', codes: ['1951'], bone: product, share: 0.5, weight: 0.08 },
    { id: 'rubber-shoes', zh: '橡胶鞋', en: 'Rubber shoes', tier: 'mid', codes: ['1954'], bone: product, share: 0.5, weight: 0.04 },
    { id: 'wholesale', zh: '鞋类批发与外贸', en: 'Footwear wholesale and export', tier: 'down', codes: ['5133'], bone: market, share: 0.7, weight: 0.03 },
    { id: 'ecommerce', zh: '电商零售', en: 'Online retail', tier: 'down', codes: ['5292'], bone: market, share: 0.7, weight: 0.02 },
    { id: 'design', zh: '鞋类设计与研发', en: 'Footwear design and R&D', tier: 'service', codes: ['7491'], bone: service, share: 0.4, weight: 0.01 },
  ]),
  inputs: feeds(ID, {
    resin: ['soles', 'plastic-shoes', 'rubber-shoes'],
    foam: ['soles', 'plastic-shoes'],
    'synthetic-leather': ['leather-shoes', 'textile-shoes', 'plastic-shoes'],
    leather: ['leather-shoes'],
    moulds: ['soles', 'plastic-shoes'],
    'injection-machines': ['soles', 'plastic-shoes'],
    sewing: ['leather-shoes', 'textile-shoes'],
    soles: ['leather-shoes', 'textile-shoes', 'plastic-shoes'],
    'plastic-shoes': ['wholesale', 'ecommerce'],
    'leather-shoes': ['wholesale', 'ecommerce'],
    'textile-shoes': ['wholesale', 'ecommerce'],
    'rubber-shoes': ['wholesale'],
    design: ['plastic-shoes', 'leather-shoes', 'moulds'],
  }),
  roles: [
    { kind: 'chief', nameZh: '分管副市长', nameEn: 'Vice mayor in charge', note: '链长岗位为示例假设', isAssumption: true },
    { kind: 'innovator', nameZh: '中国皮革制鞋研究院', nameEn: 'China Leather and Footwear Research Institute', note: '文章：深化战略合作，破解鞋业难题' },
    WENLING_FUND_ROLE,
  ],
  target: { nameZh: '鞋业产业链产值', outputWan: 2_000_000, year: 2030, isAssumption: true, source: '示例假设：文章未给出本链目标' },
};
