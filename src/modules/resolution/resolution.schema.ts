import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, json, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/enterprises.schema.ts';

/**
 * Match pairs and their decisions (METHODS §2): a registry firm against either an incoming record (an import
 * row, identified across re-imports by `incomingKey`, its folded name and address) or another registry firm.
 * Queued pairs wait for a person; confirmed and rejected pairs are remembered, so a re-import never asks again.
 */
export const matchPairs = pgTable(
  'match_pairs',
  {
    regionCode: text('region_code').notNull(),
    id: text('id').notNull(),
    /** `in:<enterpriseId>:<incomingKey>` or `ee:<smaller id>:<larger id>`: one pair, one row */
    pairKey: text('pair_key').notNull(),
    enterpriseId: text('enterprise_id').notNull(),
    /** the second firm of a firm–firm pair; null for an incoming record */
    otherEnterpriseId: text('other_enterprise_id'),
    /** the import's key of the incoming row that raised the pair, e.g. import:<id>:<row> */
    sourceKey: text('source_key'),
    incomingKey: text('incoming_key'),
    incomingName: text('incoming_name'),
    incomingAddress: text('incoming_address'),
    incomingUscc: text('incoming_uscc'),
    score: numeric('score', { precision: 5, scale: 3, mode: 'number' }).notNull(),
    /** uscc | name | manual */
    rule: text('rule').notNull(),
    /** version of the matching code that scored the pair */
    codeVersion: text('code_version').notNull(),
    /** queued | confirmed | rejected */
    status: text('status').notNull().default('queued'),
    /** JSON of the score's parts (name Dice, town, road, number, branch …) */
    parts: json('parts'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('match_pairs_pair_key_idx').on(t.regionCode, t.pairKey),
    index('match_pairs_status_idx').on(t.regionCode, t.status, t.createdAt),
    index('match_pairs_incoming_idx').on(t.regionCode, t.incomingKey),
    foreignKey({ name: 'match_pairs_enterprise_fk', columns: [t.regionCode, t.enterpriseId], foreignColumns: [enterprises.regionCode, enterprises.id] }).onDelete('cascade'),
    foreignKey({ name: 'match_pairs_other_fk', columns: [t.regionCode, t.otherEnterpriseId], foreignColumns: [enterprises.regionCode, enterprises.id] }).onDelete('cascade'),
    check('match_pairs_status_check', sql`${t.status} in ('queued', 'confirmed', 'rejected')`),
  ],
);

/**
 * Merges of two registry firms: the merged firm's row and everything that pointed at it are kept in
 * `snapshot` and `moved`, so a split restores the firm and moves back exactly what the merge moved.
 */
export const enterpriseMerges = pgTable(
  'enterprise_merges',
  {
    regionCode: text('region_code').notNull(),
    id: text('id').notNull(),
    /** the firm that was merged away (no foreign key: it no longer exists after the merge) */
    mergedId: text('merged_id').notNull(),
    mergedName: text('merged_name').notNull(),
    mergedIntoId: text('merged_into_id').notNull(),
    /** the merged firm's enterprise row and its child rows (memberships, metrics, aliases, sites) */
    snapshot: json('snapshot').notNull(),
    /** keys of the rows re-pointed to the surviving firm, per table */
    moved: json('moved').notNull(),
    mergedBy: text('merged_by').notNull(),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
    /** merged | split */
    status: text('status').notNull().default('merged'),
    splitBy: text('split_by'),
    splitAt: timestamp('split_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('enterprise_merges_into_idx').on(t.regionCode, t.mergedIntoId),
    foreignKey({ name: 'enterprise_merges_into_fk', columns: [t.regionCode, t.mergedIntoId], foreignColumns: [enterprises.regionCode, enterprises.id] }).onDelete('cascade'),
    check('enterprise_merges_status_check', sql`${t.status} in ('merged', 'split')`),
  ],
);
