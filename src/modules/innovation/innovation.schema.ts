import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, foreignKey, index, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/enterprises.schema.ts';
import { tenants } from '../tenants/tenants.schema.ts';
import { CHOKEPOINT_STATUSES, MEMBER_KINDS, PLATFORM_KINDS, RESEARCH_LEVELS, SOLVER_KINDS } from './innovation.model.ts';

/** `column in ('a', 'b', …)` for a CHECK constraint over a fixed list of codes. */
function isOneOf(column: AnyPgColumn, values: readonly string[]) {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}

/**
 * Innovation platforms (创新平台): centres, test centres, institutes, labs, alliances, service centres. `parent_id`
 * builds structures such as "一心四体六院" (one core with its bodies and institutes) and an alliance under its centre.
 */
export const platforms = pgTable(
  'platforms',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => tenants.regionCode),
    id: text('id').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    kind: text('kind').notNull(),
    parentId: text('parent_id'),
    /** chains.id of the chain it serves, when one */
    chainId: text('chain_id'),
    /** as precise as known: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a real platform carries only its published facts) */
    foundedOn: text('founded_on'),
    /** co-founders or partners, e.g. 浙江大学 */
    partner: text('partner'),
    note: text('note'),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('platforms_parent_idx').on(t.regionCode, t.parentId),
    index('platforms_chain_idx').on(t.regionCode, t.chainId),
    foreignKey({ name: 'platforms_parent_fk', columns: [t.regionCode, t.parentId], foreignColumns: [t.regionCode, t.id] }),
    check('platforms_kind_check', isOneOf(t.kind, PLATFORM_KINDS)),
    check('platforms_founded_on_check', sql`${t.foundedOn} ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'`),
  ],
);

/** Members of a platform (an alliance's units, a lab's partners); a local firm links to the registry. */
export const platformMembers = pgTable(
  'platform_members',
  {
    regionCode: text('region_code').notNull(),
    platformId: text('platform_id').notNull(),
    memberId: text('member_id').notNull(),
    memberName: text('member_name').notNull(),
    memberKind: text('member_kind').notNull(),
    enterpriseId: text('enterprise_id'),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.platformId, t.memberId] }),
    index('platform_members_enterprise_idx').on(t.regionCode, t.enterpriseId),
    foreignKey({ name: 'platform_members_platform_fk', columns: [t.regionCode, t.platformId], foreignColumns: [platforms.regionCode, platforms.id] }).onDelete('cascade'),
    foreignKey({ name: 'platform_members_enterprise_fk', columns: [t.regionCode, t.enterpriseId], foreignColumns: [enterprises.regionCode, enterprises.id] }),
    check('platform_members_kind_check', isOneOf(t.memberKind, MEMBER_KINDS)),
  ],
);

/**
 * Chokepoint problems (卡脖子问题), each placed on one industrial link, one common technology and one application
 * scenario (the categories are the region's own labels, kept as text).
 */
export const chokepoints = pgTable(
  'chokepoints',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => tenants.regionCode),
    id: text('id').notNull(),
    chainId: text('chain_id'),
    /** the platform that keeps the list */
    platformId: text('platform_id'),
    title: text('title').notNull(),
    link: text('link'),
    commonTech: text('common_tech'),
    scenario: text('scenario'),
    status: text('status').notNull().default('open'),
    solverKind: text('solver_kind'),
    solverName: text('solver_name'),
    openedOn: date('opened_on', { mode: 'string' }),
    solvedOn: date('solved_on', { mode: 'string' }),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('chokepoints_chain_idx').on(t.regionCode, t.chainId),
    index('chokepoints_platform_idx').on(t.regionCode, t.platformId),
    foreignKey({ name: 'chokepoints_platform_fk', columns: [t.regionCode, t.platformId], foreignColumns: [platforms.regionCode, platforms.id] }),
    check('chokepoints_status_check', isOneOf(t.status, CHOKEPOINT_STATUSES)),
    check('chokepoints_solver_kind_check', isOneOf(t.solverKind, SOLVER_KINDS)),
  ],
);

/** Research projects (攻关项目) at provincial level or above. */
export const researchProjects = pgTable(
  'research_projects',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => tenants.regionCode),
    id: text('id').notNull(),
    title: text('title').notNull(),
    level: text('level').notNull(),
    platformId: text('platform_id'),
    chainId: text('chain_id'),
    chokepointId: text('chokepoint_id'),
    startedOn: date('started_on', { mode: 'string' }),
    budgetWan: numeric('budget_wan', { precision: 12, scale: 2, mode: 'number' }),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('research_projects_platform_idx').on(t.regionCode, t.platformId),
    index('research_projects_chain_idx').on(t.regionCode, t.chainId),
    foreignKey({ name: 'research_projects_platform_fk', columns: [t.regionCode, t.platformId], foreignColumns: [platforms.regionCode, platforms.id] }),
    foreignKey({ name: 'research_projects_chokepoint_fk', columns: [t.regionCode, t.chokepointId], foreignColumns: [chokepoints.regionCode, chokepoints.id] }),
    check('research_projects_level_check', isOneOf(t.level, RESEARCH_LEVELS)),
  ],
);
