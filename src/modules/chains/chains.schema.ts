import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, numeric, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.schema.ts';

/** GB/T 4754-2017 classes (4-digit) the chain taxonomies use — a reference table shared by every tenant. */
export const industryClasses = pgTable('industry_classes', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en'),
});

/** A region's strategic grouping of chains ("4+6+X"): pillar / emerging / future. */
export const chainGroups = pgTable(
  'chain_groups',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => tenants.regionCode),
    id: text('id').notNull(),
    /** pillar | emerging | future */
    kind: text('kind').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    sort: smallint('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] })],
);

export const chains = pgTable(
  'chains',
  {
    regionCode: text('region_code').notNull(),
    id: text('id').notNull(),
    groupId: text('group_id').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    sort: smallint('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    foreignKey({ columns: [t.regionCode, t.groupId], foreignColumns: [chainGroups.regionCode, chainGroups.id] }),
    index('chains_group_idx').on(t.regionCode, t.groupId, t.sort),
  ],
);

/** A link of a chain (castings, seals, motors, whole pumps, …); ids are unique within the region. */
export const chainNodes = pgTable(
  'chain_nodes',
  {
    regionCode: text('region_code').notNull(),
    id: text('id').notNull(),
    chainId: text('chain_id').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    /** pinyin of name_zh: collations differ between PGlite and PostgreSQL, so the sort key is stored */
    nameSortKey: text('name_sort_key').notNull(),
    /** up | mid | down | service */
    tier: text('tier').notNull(),
    /** GB/T 4754-2017 class codes (4 digits), at least one */
    industryCodes: text('industry_codes').array().notNull().default(sql`'{}'::text[]`),
    boneZh: text('bone_zh'),
    boneEn: text('bone_en'),
    isKeyNode: boolean('is_key_node').notNull().default(false),
    sort: smallint('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    foreignKey({ columns: [t.regionCode, t.chainId], foreignColumns: [chains.regionCode, chains.id] }),
    index('chain_nodes_chain_idx').on(t.regionCode, t.chainId, t.sort),
    index('chain_nodes_name_idx').on(t.regionCode, t.nameSortKey),
    index('chain_nodes_codes_idx').using('gin', t.industryCodes),
  ],
);

/** Bill of materials: `from` is consumed by `to` (castings → whole pumps). */
export const nodeInputs = pgTable(
  'node_inputs',
  {
    regionCode: text('region_code').notNull(),
    fromNodeId: text('from_node_id').notNull(),
    toNodeId: text('to_node_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.fromNodeId, t.toNodeId] }),
    foreignKey({ columns: [t.regionCode, t.fromNodeId], foreignColumns: [chainNodes.regionCode, chainNodes.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.regionCode, t.toNodeId], foreignColumns: [chainNodes.regionCode, chainNodes.id] }).onDelete('cascade'),
    index('node_inputs_to_idx').on(t.regionCode, t.toNodeId),
  ],
);

/**
 * Which chain node a tax-item code (商品和服务税收分类编码, or a prefix of one) stands for, so that invoice
 * aggregates keyed by tax item land on the chain map. The longest mapped prefix of a code wins.
 */
export const nodeTaxCodes = pgTable(
  'node_tax_codes',
  {
    regionCode: text('region_code').notNull(),
    taxCode: text('tax_code').notNull(),
    nodeId: text('node_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.taxCode] }),
    foreignKey({ columns: [t.regionCode, t.nodeId], foreignColumns: [chainNodes.regionCode, chainNodes.id] }).onDelete('cascade'),
  ],
);

/** 链长 (a position, never a person) / 链主 / 链创 / 链金 of a chain. */
export const chainRoles = pgTable(
  'chain_roles',
  {
    regionCode: text('region_code').notNull(),
    id: text('id').notNull(),
    chainId: text('chain_id').notNull(),
    /** chief | leadFirm | innovator | financier */
    kind: text('kind').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    note: text('note'),
    /** the assignment is ours (a demo assumption), not stated by a source */
    isAssumption: boolean('is_assumption').notNull().default(false),
    sort: smallint('sort').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    foreignKey({ columns: [t.regionCode, t.chainId], foreignColumns: [chains.regionCode, chains.id] }).onDelete('cascade'),
    index('chain_roles_chain_idx').on(t.regionCode, t.chainId),
  ],
);

/** Output target of a chain for a year, in 万元. */
export const chainTargets = pgTable(
  'chain_targets',
  {
    regionCode: text('region_code').notNull(),
    chainId: text('chain_id').notNull(),
    year: smallint('year').notNull(),
    outputWan: numeric('output_wan', { precision: 16, scale: 2 }).notNull(),
    nameZh: text('name_zh').notNull(),
    /** value or year not given by a source: a demo assumption, shown as such */
    isAssumption: boolean('is_assumption').notNull().default(false),
    source: text('source').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.chainId, t.year] }),
    foreignKey({ columns: [t.regionCode, t.chainId], foreignColumns: [chains.regionCode, chains.id] }).onDelete('cascade'),
  ],
);

/** The region's chain-map thresholds (domain/METHODS.md §5): policy numbers are data with a year and a source. */
export const chainMapSettings = pgTable('chain_map_settings', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => tenants.regionCode),
  minFirms: integer('min_firms').notNull(),
  minLocalSupplyRate: numeric('min_local_supply_rate', { precision: 6, scale: 4, mode: 'number' }).notNull(),
  maxSupplierHhi: numeric('max_supplier_hhi', { precision: 6, scale: 4, mode: 'number' }).notNull(),
  /** a node without local firm whose relatedness density (METHODS §7) reaches this is `adjacent` */
  minAdjacentDensity: numeric('min_adjacent_density', { precision: 6, scale: 4, mode: 'number' }).notNull().default(0.25),
  year: smallint('year').notNull(),
  source: text('source').notNull(),
  version: integer('version').notNull().default(1),
});
