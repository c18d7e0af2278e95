import { seedTaxonomy } from '../chains/chains.seed.ts';
import { chainNodes } from '../chains/chains.schema.ts';
import type { RegionTaxonomy } from '../chains/taxonomy.types.ts';
import type { Db } from '../../db/client.ts';
import { enterpriseNodes, enterpriseSites, enterprises } from '../enterprises/enterprises.schema.ts';
import { insertTradeFlows, type NewTradeFlow } from './supply.seed.ts';

export const REGION = '331081';
export const T1 = '331081001';
export const T2 = '331081002';
const T3 = '331081003';
const demo = { localShare: 0.5, firmWeight: 1 };

/** Chain `ch` (castings, motors → pumps) and chain `ot` (one node); tests only. */
const TAXONOMY: RegionTaxonomy = {
  regionCode: REGION,
  groups: [{ kind: 'pillar', nameZh: '支柱产业', nameEn: 'Pillar' }],
  chains: [
    {
      id: 'ch',
      group: 'pillar',
      nameZh: '测试链',
      nameEn: 'Test chain',
      nodes: [
        { id: 'ch.cast', nameZh: '铸件', nameEn: 'Castings', tier: 'up', industryCodes: ['3391'], demo },
        { id: 'ch.motor', nameZh: '电机', nameEn: 'Motors', tier: 'up', industryCodes: ['3812'], demo },
        { id: 'ch.pump', nameZh: '泵整机', nameEn: 'Pumps', tier: 'mid', industryCodes: ['3441'], demo },
      ],
      inputs: [
        { from: 'ch.cast', to: 'ch.pump' },
        { from: 'ch.motor', to: 'ch.pump' },
      ],
      roles: [],
    },
    { id: 'ot', group: 'pillar', nameZh: '其他链', nameEn: 'Other', nodes: [{ id: 'ot.x', nameZh: '其他', nameEn: 'Other', tier: 'mid', industryCodes: ['7452'], demo }], inputs: [], roles: [] },
  ],
};

export const USCC = {
  s1: '91331081MA0000001X',
  s2: '91331081MA0000002X',
  /** a registry firm registered elsewhere: local in the county variant because it is in the registry */
  s3: '91330100MA0000003X',
  /** outside the county, not in the registry */
  e1: '91330100MA0000004X',
  /** registered in the county but not (yet) in the registry: local by its USCC */
  e2: '91331081MA0000005X',
} as const;

function firm(id: string, name: string, townCode: string | null, uscc: string) {
  return { regionCode: REGION, id, name, nameSortKey: id, townCode, uscc, scale: 'above', isSynthetic: false };
}

function flow(period: string, buyer: string, node: string, seller: keyof typeof USCC, amountWan: number): NewTradeFlow {
  const registry: Partial<Record<keyof typeof USCC, string>> = { s1: 's1', s2: 's2', s3: 's3' };
  const uscc = USCC[seller];
  return { regionCode: REGION, period, sellerUscc: uscc, sellerEnterpriseId: registry[seller] ?? null, sellerRegionCode: uscc.slice(2, 8), buyerEnterpriseId: buyer, nodeId: node, amountWan, isSynthetic: false };
}

/**
 * Hand-made flows of 2025 with known answers (see supply.lsr.test.ts):
 * b1 (town T1) buys castings from s1 (T1) 100, s2 (T2) 50, e1 (outside) 50; motors from e2 40, s3 60 and a
 * credit note −10; power (an excluded energy node) 500 from s1; castings from itself 70 (intra-firm).
 * b2 (no town; registered site in T2) buys castings from s2 80 and e1 20. x1 (chain `ot` only) buys castings
 * from e1 1000, which chain `ch` ignores. One 2024 flow of 999.
 */
export async function seedSupplyFixture(db: Db): Promise<void> {
  await seedTaxonomy(db, TAXONOMY);
  // GB/T 4754 division 44 (electricity) is excluded from local supply rates; the taxonomy seed only knows manufacturing classes.
  await db.insert(chainNodes).values({ regionCode: REGION, id: 'ch.power', chainId: 'ch', nameZh: '电力', nameSortKey: 'dianli', tier: 'service', industryCodes: ['4411'] });
  await db.insert(enterprises).values([
    firm('b1', '甲泵业', T1, '91331081MA0000011X'),
    firm('b2', '乙泵业', null, '91331081MA0000012X'),
    firm('s1', '丙铸造', T1, USCC.s1),
    firm('s2', '丁铸造', T2, USCC.s2),
    firm('s3', '戊电机', T3, USCC.s3),
    firm('x1', '己检测', T1, '91331081MA0000013X'),
  ]);
  await db.insert(enterpriseSites).values({ regionCode: REGION, enterpriseId: 'b2', id: 'reg', kind: 'registered', townCode: T2 });
  await db.insert(enterpriseNodes).values([
    { regionCode: REGION, enterpriseId: 'b1', nodeId: 'ch.pump', isPrimary: true },
    { regionCode: REGION, enterpriseId: 'b2', nodeId: 'ch.pump', isPrimary: true },
    { regionCode: REGION, enterpriseId: 's1', nodeId: 'ch.cast', isPrimary: true },
    { regionCode: REGION, enterpriseId: 's2', nodeId: 'ch.cast', isPrimary: true },
    { regionCode: REGION, enterpriseId: 's3', nodeId: 'ch.motor', isPrimary: true },
    { regionCode: REGION, enterpriseId: 'x1', nodeId: 'ot.x', isPrimary: true },
  ]);
  await insertTradeFlows(db, [
    flow('2025-01', 'b1', 'ch.cast', 's1', 100),
    flow('2025-02', 'b1', 'ch.cast', 's2', 50),
    flow('2025-02', 'b1', 'ch.cast', 'e1', 50),
    flow('2025-01', 'b1', 'ch.motor', 'e2', 40),
    flow('2025-01', 'b1', 'ch.motor', 's3', 60),
    flow('2025-03', 'b1', 'ch.motor', 's3', -10),
    flow('2025-01', 'b1', 'ch.power', 's1', 500),
    { ...flow('2025-01', 'b1', 'ch.cast', 's1', 70), sellerUscc: '91331081MA0000011X', sellerEnterpriseId: 'b1' },
    flow('2025-03', 'b2', 'ch.cast', 's2', 80),
    flow('2025-03', 'b2', 'ch.cast', 'e1', 20),
    flow('2025-03', 'x1', 'ch.cast', 'e1', 1000),
    flow('2024-06', 'b1', 'ch.cast', 's1', 999),
  ]);
}
