import type { TaxonomyChain } from '../../taxonomy.types.ts';
import { BONES, feeds, nodesOf, WENLING_FUND_ROLE } from '../build.ts';

const ID = 'medical';
const { materials, casting, parts, electrical, product, market, service } = BONES;

/** "医" of the six tracks: medical devices (our node list; the article names no firm or figure for it). */
export const medicalChain: TaxonomyChain = {
  id: ID,
  group: 'emerging',
  nameZh: '医疗器械',
  nameEn: 'Medical devices',
  nodes: nodesOf(ID, [
    { id: 'polymers', zh: '医用高分子材料', en: 'Medical-grade polymers', tier: 'up', codes: ['2651'], bone: materials, share: 0.1, weight: 0.03 },
    { id: 'plastic-parts', zh: '医用塑料与橡胶件', en: 'Medical plastic and rubber parts', tier: 'up', codes: ['2929', '2915'], bone: parts, share: 0.6, weight: 0.1 },
    { id: 'machined', zh: '精密机加工件', en: 'Precision machined parts', tier: 'up', codes: ['3484'], bone: casting, share: 0.8, weight: 0.08 },
    { id: 'moulds', zh: '模具', en: 'Moulds', tier: 'up', codes: ['3525'], bone: casting, share: 0.8, weight: 0.04 },
    { id: 'electronics', zh: '电路板与传感器', en: 'Circuit boards and sensors', tier: 'up', codes: ['3982', '3983'], bone: electrical, share: 0.2, weight: 0.05 },
    { id: 'motors', zh: '微特电机与微型泵', en: 'Micro motors and micro pumps', tier: 'up', codes: ['3813', '3441'], bone: electrical, share: 0.7, weight: 0.04 },
    { id: 'diagnostic', zh: '诊断、监护与治疗设备', en: 'Diagnostic, monitoring and therapy equipment', tier: 'mid', codes: ['3581'], bone: product, share: 0.2, weight: 0.12, isKey: true },
    { id: 'instruments', zh: '医疗与外科器械', en: 'Medical and surgical instruments', tier: 'mid', codes: ['3584'], bone: product, share: 0.3, weight: 0.12 },
    { id: 'nursing', zh: '护理设备与康复辅具', en: 'Nursing equipment and rehabilitation aids', tier: 'mid', codes: ['3585', '3586'], bone: product, share: 0.4, weight: 0.14, isKey: true },
    { id: 'lab', zh: '医用消毒与实验室设备', en: 'Sterilisation and laboratory equipment', tier: 'mid', codes: ['3583'], bone: product, share: 0.3, weight: 0.06 },
    { id: 'consumables', zh: '医用耗材与卫生材料', en: 'Medical consumables', tier: 'mid', codes: ['2770'], bone: product, share: 0.4, weight: 0.1 },
    { id: 'distribution', zh: '医疗器械流通', en: 'Medical device distribution', tier: 'down', codes: ['5154'], bone: market, share: 0.6, weight: 0.08 },
    { id: 'hospitals', zh: '医疗机构', en: 'Hospitals', tier: 'down', codes: ['8411'], bone: market, share: 0.5, weight: 0.02 },
    { id: 'testing', zh: '注册检验与临床评价', en: 'Registration testing and clinical evaluation', tier: 'service', codes: ['7452'], bone: service, share: 0.2, weight: 0.02 },
  ]),
  inputs: feeds(ID, {
    polymers: ['plastic-parts', 'consumables'],
    'plastic-parts': ['diagnostic', 'instruments', 'nursing', 'consumables'],
    machined: ['instruments', 'nursing', 'lab'],
    moulds: ['plastic-parts'],
    electronics: ['diagnostic', 'nursing', 'lab'],
    motors: ['diagnostic', 'nursing'],
    diagnostic: ['distribution', 'hospitals'],
    instruments: ['distribution', 'hospitals'],
    nursing: ['distribution', 'hospitals'],
    lab: ['hospitals'],
    consumables: ['distribution'],
    distribution: ['hospitals'],
    testing: ['diagnostic', 'instruments'],
  }),
  roles: [
    { kind: 'chief', nameZh: '分管副市长', nameEn: 'Vice mayor in charge', note: '链长岗位为示例假设', isAssumption: true },
    WENLING_FUND_ROLE,
  ],
  target: { nameZh: '医疗器械产业链产值', outputWan: 500_000, year: 2030, isAssumption: true, source: '示例假设：文章未给出本链目标' },
};
