/**
 * The shape of a region's chain strategy as data ("4+6+X"): groups → chains → nodes, node→node input edges,
 * roles and targets. The Wenling instance lives in src/modules/chains/taxonomy/wenling.ts; the demo generator
 * (src/modules/demo) and the chain module's seed both read this shape.
 */
export type ChainGroupKind = 'pillar' | 'emerging' | 'future';
export type Tier = 'up' | 'mid' | 'down' | 'service';
export type ChainRoleKind = 'chief' | 'leadFirm' | 'innovator' | 'financier';

export interface TaxonomyNode {
  /** stable id, unique within the region, e.g. 'pump.castings-iron' */
  id: string;
  nameZh: string;
  nameEn: string;
  tier: Tier;
  /** GB/T 4754-2017 class codes (4 digits), at least one */
  industryCodes: string[];
  /** optional fishbone bone label, e.g. 材料 / 铸造 / 核心部件 / 电气与控制 / 装备与服务 */
  boneZh?: string;
  boneEn?: string;
  isKeyNode?: boolean;
  /**
   * Demo-generator hints (not facts): the share of this node's purchases bought from local sellers
   * (0..1; mature links such as castings and seals high, chips/controllers/bearings low) and the node's
   * relative weight in the chain's firm population.
   */
  demo: { localShare: number; firmWeight: number };
}

export interface TaxonomyChain {
  id: string;
  group: ChainGroupKind;
  nameZh: string;
  nameEn: string;
  nodes: TaxonomyNode[];
  /** `from` feeds `to` (from is consumed by to), both node ids of this chain */
  inputs: { from: string; to: string }[];
  /**
   * 链长 is a position (e.g. 分管副市长), never a person's name; 链主 names only real firms of the sources.
   * `isAssumption` marks an assignment we chose for the demo (absent = stated by a source).
   */
  roles: { kind: ChainRoleKind; nameZh: string; nameEn?: string; note?: string; isAssumption?: boolean }[];
  target?: { nameZh: string; outputWan: number; year: number; isAssumption: boolean; source: string };
}

export interface TaxonomyGroup {
  kind: ChainGroupKind;
  nameZh: string;
  nameEn: string;
}

export interface RegionTaxonomy {
  regionCode: string;
  groups: TaxonomyGroup[];
  chains: TaxonomyChain[];
}
