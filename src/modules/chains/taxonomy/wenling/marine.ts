import type { TaxonomyChain } from '../../taxonomy.types.ts';
import { BONES, feeds, nodesOf, WENLING_FUND_ROLE } from '../build.ts';

const ID = 'marine';
const { materials, parts, electrical, product, market, service } = BONES;

/**
 * "海" of the six tracks: marine equipment and ports. The node list is our reading (ship building and repair
 * and seafood processing are among Wenling's eight traditional industries, SOURCES-policy.md §7.2).
 */
export const marineChain: TaxonomyChain = {
  id: ID,
  group: 'emerging',
  nameZh: '海洋装备与港航',
  nameEn: 'Marine equipment & ports',
  nodes: nodesOf(ID, [
    { id: 'steel', zh: '船用钢材', en: 'Ship steel', tier: 'up', codes: ['3130'], bone: materials, share: 0.1, weight: 0.03 },
    { id: 'engines', zh: '船用内燃机及配件', en: 'Marine engines and parts', tier: 'up', codes: ['3412'], bone: parts, share: 0.2, weight: 0.05 },
    { id: 'pumps', zh: '船用泵与阀门', en: 'Marine pumps and valves', tier: 'up', codes: ['3441', '3443'], bone: parts, share: 0.7, weight: 0.06 },
    { id: 'deck-machinery', zh: '船用配套设备（甲板机械、舱室设备）', en: 'Marine equipment (deck machinery, cabin outfitting)', tier: 'up', codes: ['3734'], bone: parts, share: 0.4, weight: 0.1, isKey: true },
    { id: 'navigation', zh: '船舶导航与海洋仪器', en: 'Navigation and marine instruments', tier: 'up', codes: ['4023'], bone: electrical, share: 0.1, weight: 0.03, isKey: true },
    { id: 'fishery-machinery', zh: '渔业机械', en: 'Fishery machinery', tier: 'up', codes: ['3575'], bone: parts, share: 0.5, weight: 0.04 },
    { id: 'ships', zh: '金属船舶制造', en: 'Metal ship building', tier: 'mid', codes: ['3731'], bone: product, share: 0.4, weight: 0.15, isKey: true },
    { id: 'boats', zh: '游艇与运动船', en: 'Yachts and sports boats', tier: 'mid', codes: ['3733'], bone: product, share: 0.4, weight: 0.05 },
    { id: 'offshore', zh: '海洋工程装备', en: 'Offshore engineering equipment', tier: 'mid', codes: ['3737'], bone: product, share: 0.2, weight: 0.04 },
    { id: 'repair', zh: '船舶修理', en: 'Ship repair', tier: 'mid', codes: ['4342'], bone: product, share: 0.7, weight: 0.12 },
    { id: 'fishing', zh: '海洋捕捞与海水养殖', en: 'Marine fishing and aquaculture', tier: 'down', codes: ['0421', '0411'], bone: market, share: 0.8, weight: 0.15 },
    { id: 'seafood', zh: '水产品加工', en: 'Seafood processing', tier: 'down', codes: ['1361'], bone: market, share: 0.8, weight: 0.12 },
    { id: 'ports', zh: '港口物流', en: 'Port logistics', tier: 'service', codes: ['5532'], bone: service, share: 0.8, weight: 0.04 },
  ]),
  inputs: feeds(ID, {
    steel: ['ships', 'offshore', 'repair'],
    engines: ['ships', 'boats', 'repair'],
    pumps: ['ships', 'offshore', 'repair'],
    'deck-machinery': ['ships', 'offshore', 'repair'],
    navigation: ['ships', 'boats'],
    'fishery-machinery': ['fishing'],
    ships: ['fishing', 'ports'],
    repair: ['fishing'],
    fishing: ['seafood'],
  }),
  roles: [
    { kind: 'chief', nameZh: '分管副市长', nameEn: 'Vice mayor in charge', note: '链长岗位为示例假设', isAssumption: true },
    WENLING_FUND_ROLE,
  ],
  target: { nameZh: '海洋装备与港航产业链产值', outputWan: 1_000_000, year: 2030, isAssumption: true, source: '示例假设：文章未给出本链目标' },
};
