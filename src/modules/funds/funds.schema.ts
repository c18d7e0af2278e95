import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { projects } from '../projects/projects.schema.ts';
import { tenants } from '../tenants/tenants.schema.ts';

/**
 * Government guidance funds (产业基金): a mother fund (母基金) and the sub-funds (子基金) it backs. Sizes in 万元;
 * a figure nobody published stays null (a real fund carries only its public facts).
 */
export const funds = pgTable(
  'funds',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => tenants.regionCode),
    id: text('id').notNull(),
    name: text('name').notNull(),
    /** mother | sub */
    kind: text('kind').notNull(),
    /** the mother fund of a sub-fund */
    parentId: text('parent_id'),
    /** committed size */
    sizeWan: numeric('size_wan', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    governmentCommitmentWan: numeric('government_commitment_wan', { precision: 14, scale: 2, mode: 'number' }),
    paidInWan: numeric('paid_in_wan', { precision: 14, scale: 2, mode: 'number' }),
    manager: text('manager'),
    /** chains.id of the chain the fund focuses on */
    focusChainId: text('focus_chain_id'),
    establishedOn: date('established_on', { mode: 'string' }),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('funds_parent_idx').on(t.regionCode, t.parentId),
    foreignKey({ name: 'funds_parent_fk', columns: [t.regionCode, t.parentId], foreignColumns: [t.regionCode, t.id] }),
    check('funds_kind_check', sql`${t.kind} in ('mother', 'sub')`),
    check('funds_size_check', sql`${t.sizeWan} >= 0`),
  ],
);

/** An equity investment of a fund; `is_attracted_project` marks the ones counted as projects attracted or supported. */
export const fundInvestments = pgTable(
  'fund_investments',
  {
    regionCode: text('region_code').notNull(),
    id: text('id').notNull(),
    fundId: text('fund_id').notNull(),
    /** the project in the project library, when there is one */
    projectId: text('project_id'),
    targetName: text('target_name').notNull(),
    amountWan: numeric('amount_wan', { precision: 14, scale: 2, mode: 'number' }),
    investedOn: date('invested_on', { mode: 'string' }),
    isAttractedProject: boolean('is_attracted_project').notNull().default(false),
    /** counts toward local reinvestment (返投) */
    isLocal: boolean('is_local').notNull().default(false),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('fund_investments_fund_idx').on(t.regionCode, t.fundId),
    index('fund_investments_project_idx').on(t.regionCode, t.projectId),
    foreignKey({ name: 'fund_investments_fund_fk', columns: [t.regionCode, t.fundId], foreignColumns: [funds.regionCode, funds.id] }).onDelete('cascade'),
    foreignKey({ name: 'fund_investments_project_fk', columns: [t.regionCode, t.projectId], foreignColumns: [projects.regionCode, projects.id] }),
  ],
);
