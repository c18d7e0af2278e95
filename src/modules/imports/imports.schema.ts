import { index, integer, json, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.schema.ts';

/** One uploaded file: its kind, content hash (re-imports of the same bytes change nothing) and outcome. */
export const imports = pgTable(
  'imports',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => tenants.regionCode),
    id: text('id').notNull(),
    /** enterprises | metrics | memberships */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsValid: integer('rows_valid').notNull().default(0),
    rowsInvalid: integer('rows_invalid').notNull().default(0),
    /** dry_run | applied | partial | rejected */
    status: text('status').notNull(),
    /** a file-level fault (bad header, not a spreadsheet …); null when the rows were read */
    fileError: text('file_error'),
    byUser: text('by_user').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('imports_sha_idx').on(t.regionCode, t.kind, t.sha256)],
);

/** Every raw row of an import with its outcome: inserted | updated | unchanged | invalid | review | valid (not applied). */
export const importRows = pgTable(
  'import_rows',
  {
    regionCode: text('region_code').notNull(),
    importId: text('import_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    raw: json('raw').notNull(),
    outcome: text('outcome').notNull(),
    /** [{ column, value, reason }] */
    errors: json('errors'),
    enterpriseId: text('enterprise_id'),
    /**
     * Field provenance: the firm's fields this row set, `{ field: value }` (e.g. `{ "scale": "above",
     * "metrics.2024.revenueWan": "1200.5" }`); null when it set none. Kept on the raw row rather than in a
     * table of its own, so a 100k-row import writes one row per input row.
     */
    fields: json('fields'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.importId, t.rowNumber] }),
    index('import_rows_enterprise_idx').on(t.regionCode, t.enterpriseId),
    // (region_code, import_id) → imports, on delete cascade: checked once per statement by triggers, not by a
    // foreign key's per-row check (migration 0011, tests/parent-checks.test.ts)
  ],
);

