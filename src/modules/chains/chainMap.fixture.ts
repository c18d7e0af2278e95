import type { Db } from '../../db/client.ts';
import { enterpriseMetrics, enterpriseNodes, enterprises } from '../enterprises/enterprises.schema.ts';
import { tradeFlows } from '../supply/supply.schema.ts';
import { seedTaxonomy } from './chains.seed.ts';
import type { RegionTaxonomy } from './taxonomy.types.ts';

export const REGION = '331081';
const demo = { localShare: 0.5, firmWeight: 1 };

/** A four-node chain with hand-made numbers (tests only): castings strong, pumps weak (one firm), motors and testing missing. */
export const FIXTURE_TAXONOMY: RegionTaxonomy = {
  regionCode: REGION,
  groups: [{ kind: 'pillar', nameZh: '支柱产业', nameEn: 'Pillar' }],
  chains: [
    {
      id: 'tp',
      group: 'pillar',
      nameZh: '测试泵',
      nameEn: 'Test pumps',
      nodes: [
        { id: 'tp.castings', nameZh: '铸件', nameEn: 'Castings', tier: 'up', industryCodes: ['3391'], boneZh: '铸造', boneEn: 'Casting', demo },
        { id: 'tp.motors', nameZh: '电机', nameEn: 'Motors', tier: 'up', industryCodes: ['3812'], boneZh: '电气', boneEn: 'Electrics', demo },
        { id: 'tp.pumps', nameZh: '泵整机', nameEn: 'Pumps', tier: 'mid', industryCodes: ['3441'], isKeyNode: true, demo },
        { id: 'tp.testing', nameZh: '检测', nameEn: 'Testing', tier: 'service', industryCodes: ['7452'], demo },
      ],
      inputs: [
        { from: 'tp.castings', to: 'tp.pumps' },
        { from: 'tp.motors', to: 'tp.pumps' },
      ],
      roles: [{ kind: 'chief', nameZh: '分管副市长' }],
    },
  ],
};

const firm = (id: string, name: string, scale: 'above' | 'below') => ({ regionCode: REGION, id, name, nameSortKey: id, scale, uscc: `91331081MA${id.padStart(7, '0')}X`, isSynthetic: false });

/**
 * Castings: c1, c2, c3 (output 150/100/50). Pumps: p1 (700). 2025 purchases by p1: castings from c1 120,
 * c2 120 (local) and an outside seller 60 → LSR 0.8, HHI 0.36; motors 600 from outside. A buyer off the chain
 * (x1) buys 1000 of castings from outside, which the map must ignore.
 */
export async function seedChainMapFixture(db: Db): Promise<void> {
  await seedTaxonomy(db, FIXTURE_TAXONOMY);
  await db.insert(enterprises).values([firm('c1', '甲铸造', 'above'), firm('c2', '乙铸造', 'below'), firm('c3', '=丙铸造', 'below'), firm('p1', '丁泵业', 'above'), firm('x1', '戊贸易', 'below')]);
  await db.insert(enterpriseNodes).values([
    { regionCode: REGION, enterpriseId: 'c1', nodeId: 'tp.castings', isPrimary: true },
    { regionCode: REGION, enterpriseId: 'c2', nodeId: 'tp.castings', isPrimary: true },
    { regionCode: REGION, enterpriseId: 'c3', nodeId: 'tp.castings', isPrimary: true },
    { regionCode: REGION, enterpriseId: 'p1', nodeId: 'tp.pumps', isPrimary: true },
  ]);
  const output = { c1: '150', c2: '100', c3: '50', p1: '700' };
  await db.insert(enterpriseMetrics).values(Object.entries(output).map(([enterpriseId, outputWan]) => ({ regionCode: REGION, enterpriseId, year: 2025, outputWan })));
  const flows = [];
  for (let month = 1; month <= 12; month += 1) {
    const period = `2025-${String(month).padStart(2, '0')}-01`;
    const base = { regionCode: REGION, period, buyerEnterpriseId: 'p1' };
    flows.push(
      { ...base, nodeId: 'tp.castings', sellerUscc: firm('c1', '', 'above').uscc, sellerEnterpriseId: 'c1', sellerRegionCode: REGION, amountWan: 10 },
      { ...base, nodeId: 'tp.castings', sellerUscc: firm('c2', '', 'above').uscc, sellerEnterpriseId: 'c2', sellerRegionCode: REGION, amountWan: 10 },
      { ...base, nodeId: 'tp.castings', sellerUscc: '91330100MA0000009X', sellerEnterpriseId: null, sellerRegionCode: '330100', amountWan: 5 },
      { ...base, nodeId: 'tp.motors', sellerUscc: '91330100MA0000008X', sellerEnterpriseId: null, sellerRegionCode: '330100', amountWan: 50 },
      { ...base, buyerEnterpriseId: 'x1', nodeId: 'tp.castings', sellerUscc: '91330100MA0000007X', sellerEnterpriseId: null, sellerRegionCode: '330100', amountWan: 1000 / 12 },
    );
  }
  await db.insert(tradeFlows).values(flows);
}
