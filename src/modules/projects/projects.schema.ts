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
  text,
  timestamp,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/enterprises.schema.ts';
import { tenants } from '../tenants/tenants.schema.ts';
import { PARCEL_STATUSES, PROJECT_ORIGINS, PROJECT_STAGES } from './projects.model.ts';

/** `column in ('a', 'b', …)` for a CHECK constraint over a fixed list of codes. */
function isOneOf(column: AnyPgColumn, values: readonly string[]) {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}

/**
 * Standard-land parcels (标准地) with the indicators preset before sale (domain/METHODS.md §11). A null
 * indicator is one the parcel does not set. Intensities are per mu; ratios are fractions (0.03 = 3 %).
 */
export const parcels = pgTable(
  'parcels',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => tenants.regionCode),
    id: text('id').notNull(),
    name: text('name').notNull(),
    /** parks.id (chains/parks module); no FK while that table is young */
    parkId: text('park_id'),
    townCode: text('town_code'),
    areaMu: numeric('area_mu', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    /** land-use class, e.g. 'industrial' (M1/M2) */
    landUse: text('land_use').notNull().default('industrial'),
    /** free | agreed | supplied */
    status: text('status').notNull().default('free'),
    investmentPerMuWanMin: numeric('investment_per_mu_wan_min', { precision: 10, scale: 2, mode: 'number' }),
    valueAddedPerMuWanMin: numeric('value_added_per_mu_wan_min', { precision: 10, scale: 2, mode: 'number' }),
    taxPerMuWanMin: numeric('tax_per_mu_wan_min', { precision: 10, scale: 2, mode: 'number' }),
    /** 万元 per employee and year */
    laborProductivityWanMin: numeric('labor_productivity_wan_min', { precision: 10, scale: 2, mode: 'number' }),
    /** value added per tonne of standard coal, 万元/tce */
    valueAddedPerTceWanMin: numeric('value_added_per_tce_wan_min', { precision: 10, scale: 2, mode: 'number' }),
    /** value added per tonne of emissions, 万元/t */
    valueAddedPerEmissionTWanMin: numeric('value_added_per_emission_t_wan_min', { precision: 12, scale: 2, mode: 'number' }),
    plotRatioMin: numeric('plot_ratio_min', { precision: 5, scale: 2, mode: 'number' }),
    plotRatioMax: numeric('plot_ratio_max', { precision: 5, scale: 2, mode: 'number' }),
    buildingDensityMin: numeric('building_density_min', { precision: 5, scale: 4, mode: 'number' }),
    rdShareMin: numeric('rd_share_min', { precision: 5, scale: 4, mode: 'number' }),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('parcels_park_idx').on(t.regionCode, t.parkId),
    index('parcels_status_idx').on(t.regionCode, t.status),
    check('parcels_status_check', isOneOf(t.status, PARCEL_STATUSES)),
  ],
);

/** The project library (项目库): only a project in it may be matched to a standard-land parcel. */
export const projects = pgTable(
  'projects',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => tenants.regionCode),
    id: text('id').notNull(),
    name: text('name').notNull(),
    /** local (内生) | attracted (招引) */
    origin: text('origin').notNull(),
    /** chains.id; plain text while the chains module is young */
    chainId: text('chain_id'),
    nodeId: text('node_id'),
    enterpriseId: text('enterprise_id'),
    parkId: text('park_id'),
    parcelId: text('parcel_id'),
    investmentWan: numeric('investment_wan', { precision: 14, scale: 2, mode: 'number' }),
    landMu: numeric('land_mu', { precision: 10, scale: 2, mode: 'number' }),
    /** the latest stage reached: lead … at_capacity (PROJECT_STAGES) */
    stage: text('stage').notNull().default('lead'),
    isKey: boolean('is_key').notNull().default(false),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('projects_chain_idx').on(t.regionCode, t.chainId),
    index('projects_node_idx').on(t.regionCode, t.nodeId),
    index('projects_park_idx').on(t.regionCode, t.parkId),
    index('projects_stage_idx').on(t.regionCode, t.stage),
    index('projects_enterprise_idx').on(t.regionCode, t.enterpriseId),
    check('projects_origin_check', isOneOf(t.origin, PROJECT_ORIGINS)),
    check('projects_stage_check', isOneOf(t.stage, PROJECT_STAGES)),
    foreignKey({ name: 'projects_enterprise_fk', columns: [t.regionCode, t.enterpriseId], foreignColumns: [enterprises.regionCode, enterprises.id] }),
    foreignKey({ name: 'projects_parcel_fk', columns: [t.regionCode, t.parcelId], foreignColumns: [parcels.regionCode, parcels.id] }),
  ],
);

/** Planned and actual date of each stage of a project; a stage absent here has neither. */
export const projectEvents = pgTable(
  'project_events',
  {
    regionCode: text('region_code').notNull(),
    projectId: text('project_id').notNull(),
    stage: text('stage').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }),
    actualOn: date('actual_on', { mode: 'string' }),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.projectId, t.stage] }),
    index('project_events_stage_actual_idx').on(t.regionCode, t.stage, t.actualOn),
    check('project_events_stage_check', isOneOf(t.stage, PROJECT_STAGES)),
    foreignKey({ name: 'project_events_project_fk', columns: [t.regionCode, t.projectId], foreignColumns: [projects.regionCode, projects.id] }).onDelete('cascade'),
  ],
);

/** A standard-land contract: the parcel, the price and the indicators the project committed to. */
export const landAgreements = pgTable(
  'land_agreements',
  {
    regionCode: text('region_code').notNull(),
    id: text('id').notNull(),
    projectId: text('project_id').notNull(),
    parcelId: text('parcel_id').notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    landPriceWan: numeric('land_price_wan', { precision: 14, scale: 2, mode: 'number' }),
    startDueOn: date('start_due_on', { mode: 'string' }),
    completionDueOn: date('completion_due_on', { mode: 'string' }),
    investmentPerMuWan: numeric('investment_per_mu_wan', { precision: 10, scale: 2, mode: 'number' }),
    valueAddedPerMuWan: numeric('value_added_per_mu_wan', { precision: 10, scale: 2, mode: 'number' }),
    taxPerMuWan: numeric('tax_per_mu_wan', { precision: 10, scale: 2, mode: 'number' }),
    laborProductivityWan: numeric('labor_productivity_wan', { precision: 10, scale: 2, mode: 'number' }),
    valueAddedPerTceWan: numeric('value_added_per_tce_wan', { precision: 10, scale: 2, mode: 'number' }),
    valueAddedPerEmissionTWan: numeric('value_added_per_emission_t_wan', { precision: 12, scale: 2, mode: 'number' }),
    plotRatio: numeric('plot_ratio', { precision: 5, scale: 2, mode: 'number' }),
    buildingDensity: numeric('building_density', { precision: 5, scale: 4, mode: 'number' }),
    rdShare: numeric('rd_share', { precision: 5, scale: 4, mode: 'number' }),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('land_agreements_project_idx').on(t.regionCode, t.projectId),
    index('land_agreements_parcel_idx').on(t.regionCode, t.parcelId),
    foreignKey({ name: 'land_agreements_project_fk', columns: [t.regionCode, t.projectId], foreignColumns: [projects.regionCode, projects.id] }).onDelete('cascade'),
    foreignKey({ name: 'land_agreements_parcel_fk', columns: [t.regionCode, t.parcelId], foreignColumns: [parcels.regionCode, parcels.id] }),
  ],
);
