import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

export const enterprises = pgTable(
  'enterprises',
  {
    /** a tenant's region: checked once per statement, not per row (migration 0011, tests/parent-checks.test.ts) */
    regionCode: text('region_code').notNull(),
    id: text('id').notNull(),
    uscc: text('uscc'),
    name: text('name').notNull(),
    /** pinyin sort key (Intl.Collator gets polyphonic names wrong) */
    nameSortKey: text('name_sort_key'),
    /** pinyin initials without spaces (大浪泵业 → dlby), for search; written with the name */
    nameInitials: text('name_initials'),
    /** full pinyin without spaces or tones (大浪泵业 → dalangbengye), for search */
    namePinyin: text('name_pinyin'),
    townCode: text('town_code'),
    /** 'above' = 规上, 'below' = 规下 */
    scale: text('scale').notNull().default('below'),
    isListed: boolean('is_listed').notNull().default(false),
    foundedYear: smallint('founded_year'),
    lon: numeric('lon', { precision: 9, scale: 6 }),
    lat: numeric('lat', { precision: 9, scale: 6 }),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('enterprises_uscc_idx').on(t.regionCode, t.uscc),
    index('enterprises_sort_idx').on(t.regionCode, t.nameSortKey),
    // No index on name_initials / name_pinyin: search matches them as substrings (`like '%dlby%'`), which a
    // btree cannot serve; the prefix index the first schema had served no query and cost every insert.
    // exact-name matching of imported rows against firms without a USCC (imports.match.ts): one probe per name,
    // whatever the planner believes of a table an import is filling in the same transaction
    index('enterprises_name_without_uscc_idx').on(t.regionCode, t.name).where(sql`${t.uscc} is null`),
  ],
);

/** Other names of a firm (former names, short names, names in other departments' lists), with their source. */
export const enterpriseAliases = pgTable(
  'enterprise_aliases',
  {
    regionCode: text('region_code').notNull(),
    enterpriseId: text('enterprise_id').notNull(),
    alias: text('alias').notNull(),
    /** where the name came from, e.g. 'manual', an import's source name */
    source: text('source').notNull(),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.enterpriseId, t.alias] }),
    index('enterprise_aliases_alias_idx').on(t.regionCode, t.alias),
    foreignKey({ columns: [t.regionCode, t.enterpriseId], foreignColumns: [enterprises.regionCode, enterprises.id] }).onDelete('cascade'),
  ],
);

/** Places of a firm: its registered address and its plants (a firm may produce in several towns). */
export const enterpriseSites = pgTable(
  'enterprise_sites',
  {
    regionCode: text('region_code').notNull(),
    enterpriseId: text('enterprise_id').notNull(),
    id: text('id').notNull(),
    /** registered | plant */
    kind: text('kind').notNull(),
    /** what staff call the place, e.g. 二厂 (null for imported sites) */
    name: text('name'),
    address: text('address'),
    townCode: text('town_code'),
    lon: numeric('lon', { precision: 9, scale: 6 }),
    lat: numeric('lat', { precision: 9, scale: 6 }),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.enterpriseId, t.id] }),
    check('enterprise_sites_kind_check', sql`${t.kind} in ('registered', 'plant')`),
    foreignKey({ columns: [t.regionCode, t.enterpriseId], foreignColumns: [enterprises.regionCode, enterprises.id] }).onDelete('cascade'),
  ],
);

/**
 * Yearly figures of a firm. Tax, energy, emissions and electricity are sensitive: only users with the
 * `sensitive` permission see them, and each such read is audited.
 */
export const enterpriseMetrics = pgTable(
  'enterprise_metrics',
  {
    regionCode: text('region_code').notNull(),
    enterpriseId: text('enterprise_id').notNull(),
    year: smallint('year').notNull(),
    revenueWan: numeric('revenue_wan', { precision: 16, scale: 2 }),
    outputWan: numeric('output_wan', { precision: 16, scale: 2 }),
    valueAddedWan: numeric('value_added_wan', { precision: 16, scale: 2 }),
    taxWan: numeric('tax_wan', { precision: 16, scale: 2 }),
    landMu: numeric('land_mu', { precision: 12, scale: 2 }),
    energyTce: numeric('energy_tce', { precision: 14, scale: 2 }),
    emissionsT: numeric('emissions_t', { precision: 14, scale: 2 }),
    electricityMwh: numeric('electricity_mwh', { precision: 14, scale: 2 }),
    employees: integer('employees'),
    rdWan: numeric('rd_wan', { precision: 14, scale: 2 }),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.enterpriseId, t.year] }),
    foreignKey({
      columns: [t.regionCode, t.enterpriseId],
      foreignColumns: [enterprises.regionCode, enterprises.id],
    }).onDelete('cascade'),
  ],
);


/** A firm's place on a chain: one firm may sit on several nodes (GB/T 4754 alone is too coarse). */
export const enterpriseNodes = pgTable(
  'enterprise_nodes',
  {
    regionCode: text('region_code').notNull(),
    enterpriseId: text('enterprise_id').notNull(),
    nodeId: text('node_id').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.enterpriseId, t.nodeId] }),
    index('enterprise_nodes_node_idx').on(t.regionCode, t.nodeId),
    foreignKey({
      columns: [t.regionCode, t.enterpriseId],
      foreignColumns: [enterprises.regionCode, enterprises.id],
    }).onDelete('cascade'),
  ],
);
