import { z } from 'zod';
import { IMPORT_KINDS, IMPORT_MODES } from './imports.model.ts';

// The import centre's API schemas (routes, web client, OpenAPI). Kept apart from imports.model.ts, which the
// row-checking worker loads: zod would add to every import's start.

export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

export const ImportMode = z.enum(IMPORT_MODES);
export type ImportMode = z.infer<typeof ImportMode>;

/** One bad cell: spreadsheet row number (header = 1), column header text, the value as read, and why. */
export const CellError = z.object({ row: z.number().int(), column: z.string(), value: z.string(), reason: z.string() }).meta({ id: 'ImportCellError' });
export type CellError = z.infer<typeof CellError>;

export const ImportStatus = z.enum(['dry_run', 'applied', 'partial', 'rejected', 'unchanged']);

/** One import as the history and the result screen show it. */
export const ImportInfo = z
  .object({
    id: z.string(),
    kind: ImportKind,
    fileName: z.string(),
    status: ImportStatus,
    fileError: z.string().nullable(),
    rowsTotal: z.number().int(),
    rowsValid: z.number().int(),
    rowsInvalid: z.number().int(),
    byUser: z.string(),
    at: z.string(),
  })
  .meta({ id: 'ImportInfo' });
export type ImportInfo = z.infer<typeof ImportInfo>;

/** An import with its row outcomes and a page of its bad cells (all of them are in the Excel error report). */
export const ImportDetail = z
  .object({
    import: ImportInfo,
    /** 'unchanged' when the same file had been applied before: `import` is that earlier import */
    result: ImportStatus,
    outcomes: z.record(z.string(), z.number().int()),
    errors: z.array(CellError),
    errorsTotal: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'ImportDetail' });
export type ImportDetail = z.infer<typeof ImportDetail>;
