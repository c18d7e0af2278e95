import type { Tier, TaxonomyChain, TaxonomyNode } from '../taxonomy.types.ts';

/** Fishbone bones shared by the shipped taxonomies. */
export const BONES = {
  materials: { boneZh: '材料', boneEn: 'Materials' },
  casting: { boneZh: '铸造与成形', boneEn: 'Casting & forming' },
  parts: { boneZh: '核心部件', boneEn: 'Core parts' },
  electrical: { boneZh: '电气与控制', boneEn: 'Electrical & control' },
  equipment: { boneZh: '装备与工装', boneEn: 'Equipment & tooling' },
  product: { boneZh: '整机与产品', boneEn: 'Products' },
  tools: { boneZh: '工量刀具', boneEn: 'Cutting & measuring tools' },
  functional: { boneZh: '功能部件', boneEn: 'Functional components' },
  host: { boneZh: '主机', boneEn: 'Machine tools' },
  market: { boneZh: '应用市场', boneEn: 'Markets' },
  service: { boneZh: '服务', boneEn: 'Services' },
} as const;

type Bone = (typeof BONES)[keyof typeof BONES];

/** A node row with ids local to its chain; `share` and `weight` are the demo hints localShare and firmWeight. */
export interface NodeSpec {
  id: string;
  zh: string;
  en: string;
  tier: Tier;
  codes: string[];
  bone: Bone;
  share: number;
  weight: number;
  isKey?: boolean;
}

/** Expands compact node rows into taxonomy nodes with ids `chainId.localId`. */
export function nodesOf(chainId: string, specs: NodeSpec[]): TaxonomyNode[] {
  return specs.map((s) => ({
    id: `${chainId}.${s.id}`,
    nameZh: s.zh,
    nameEn: s.en,
    tier: s.tier,
    industryCodes: s.codes,
    boneZh: s.bone.boneZh,
    boneEn: s.bone.boneEn,
    isKeyNode: s.isKey ?? false,
    demo: { localShare: s.share, firmWeight: s.weight },
  }));
}

/**
 * Input edges written as "supplier → its buyers", with ids local to the chain: `{ castings: ['pumps'] }` in
 * chain `pump` becomes `{ from: 'pump.castings', to: 'pump.pumps' }`.
 */
export function feeds(chainId: string, buyersBySupplier: Record<string, string[]>): TaxonomyChain['inputs'] {
  return Object.entries(buyersBySupplier).flatMap(([from, buyers]) =>
    buyers.map((to) => ({ from: `${chainId}.${from}`, to: `${chainId}.${to}` })),
  );
}

/** 链金 of every Wenling chain: the city's industrial guidance fund (the per-chain assignment is ours). */
export const WENLING_FUND_ROLE = {
  kind: 'financier',
  nameZh: '温岭市产业基金（母基金）',
  nameEn: 'Wenling industrial guidance fund (mother fund)',
  note: '文章：母基金60亿元，子基金11只，总规模173亿元；按链分配为示例假设',
  isAssumption: true,
} as const satisfies TaxonomyChain['roles'][number];
