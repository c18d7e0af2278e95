import { and, asc, count, desc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { BulkRows, JsonText } from '../../db/bulkRows.ts';
import { chainNodes, nodeTaxCodes } from '../chains/chains.schema.ts';
import { enterpriseMetrics, enterpriseNodes, enterprises } from '../enterprises/enterprises.schema.ts';
import { regions } from '../regions/regions.schema.ts';
import { importRows, imports } from './imports.schema.ts';

export type ImportRecord = typeof imports.$inferSelect;
export type ImportRowRecord = typeof importRows.$inferSelect;

/** The imports whose rows touched a firm (newest first), with that firm's row numbers and outcomes. */
export async function importHistoryOf(db: Db, regionCode: string, enterpriseId: string) {
  return db
    .select({
      importId: imports.id,
      kind: imports.kind,
      fileName: imports.fileName,
      status: imports.status,
      byUser: imports.byUser,
      at: imports.at,
      rowNumber: importRows.rowNumber,
      outcome: importRows.outcome,
    })
    .from(importRows)
    .innerJoin(imports, and(eq(imports.regionCode, importRows.regionCode), eq(imports.id, importRows.importId)))
    .where(and(eq(importRows.regionCode, regionCode), eq(importRows.enterpriseId, enterpriseId)))
    .orderBy(desc(imports.at), asc(importRows.rowNumber));
}

export interface FieldSource {
  field: string;
  value: string | null;
  importId: string;
  fileName: string;
  rowNumber: number;
  at: Date;
}

/** Which import said what about each field of a firm: newest import first, fields by name within one row. */
export async function provenanceOf(db: Db, regionCode: string, enterpriseId: string): Promise<FieldSource[]> {
  const rows = await db
    .select({ fields: importRows.fields, importId: importRows.importId, fileName: imports.fileName, rowNumber: importRows.rowNumber, at: imports.at })
    .from(importRows)
    .innerJoin(imports, and(eq(imports.regionCode, importRows.regionCode), eq(imports.id, importRows.importId)))
    .where(and(eq(importRows.regionCode, regionCode), eq(importRows.enterpriseId, enterpriseId), isNotNull(importRows.fields)))
    .orderBy(desc(imports.at), desc(importRows.rowNumber));
  return rows.flatMap(({ fields, ...source }) =>
    Object.entries(typeof fields === 'object' && fields !== null ? fields : {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([field, value]) => ({ field, value: typeof value === 'string' ? value : null, ...source })),
  );
}

export class ImportsRepo {
  constructor(private readonly db: Db) {}

  async townsOf(regionCode: string): Promise<Map<string, string>> {
    const rows = await this.db.select({ code: regions.code, name: regions.nameZh }).from(regions).where(and(eq(regions.parentCode, regionCode), eq(regions.level, 'town')));
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async nodeIdsOf(regionCode: string): Promise<Set<string>> {
    const rows = await this.db.select({ id: chainNodes.id }).from(chainNodes).where(eq(chainNodes.regionCode, regionCode));
    return new Set(rows.map((r) => r.id));
  }

  async taxCodesOf(regionCode: string): Promise<Map<string, string>> {
    const rows = await this.db.select({ code: nodeTaxCodes.taxCode, nodeId: nodeTaxCodes.nodeId }).from(nodeTaxCodes).where(eq(nodeTaxCodes.regionCode, regionCode));
    return new Map(rows.map((r) => [r.code, r.nodeId]));
  }

  async findApplied(regionCode: string, kind: string, sha256: string): Promise<ImportRecord | undefined> {
    const rows = await this.db
      .select()
      .from(imports)
      .where(and(eq(imports.regionCode, regionCode), eq(imports.kind, kind), eq(imports.sha256, sha256), inArray(imports.status, ['applied', 'partial'])))
      .limit(1);
    return rows[0];
  }

  async create(record: typeof imports.$inferInsert): Promise<void> {
    await this.db.insert(imports).values(record);
  }

  async finish(regionCode: string, id: string, patch: Partial<Pick<ImportRecord, 'status' | 'rowsTotal' | 'rowsValid' | 'rowsInvalid' | 'fileError'>>, db: Db = this.db): Promise<void> {
    await db.update(imports).set(patch).where(and(eq(imports.regionCode, regionCode), eq(imports.id, id)));
  }

  async addRows(regionCode: string, importId: string, rows: readonly KeptRow[]): Promise<void> {
    if (rows.length > 0) await this.db.execute(keptRows(regionCode, importId, rows).jsonStatement());
  }

  /** Resolves firm keys: USCC → id and id → id (existing firms only). */
  async firmIds(regionCode: string, usccs: string[], ids: string[]): Promise<{ byUscc: Map<string, string>; byId: Set<string> }> {
    const byUscc = new Map<string, string>();
    const byId = new Set<string>();
    if (usccs.length > 0) {
      const rows = await this.db.select({ id: enterprises.id, uscc: enterprises.uscc }).from(enterprises).where(and(eq(enterprises.regionCode, regionCode), inArray(enterprises.uscc, usccs)));
      for (const r of rows) if (r.uscc) byUscc.set(r.uscc, r.id);
    }
    if (ids.length > 0) {
      const rows = await this.db.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.regionCode, regionCode), inArray(enterprises.id, ids)));
      for (const r of rows) byId.add(r.id);
    }
    return { byUscc, byId };
  }

  async list(regionCode: string, limit: number): Promise<ImportRecord[]> {
    return this.db.select().from(imports).where(eq(imports.regionCode, regionCode)).orderBy(desc(imports.at)).limit(limit);
  }

  async get(regionCode: string, id: string): Promise<ImportRecord | undefined> {
    const rows = await this.db.select().from(imports).where(and(eq(imports.regionCode, regionCode), eq(imports.id, id))).limit(1);
    return rows[0];
  }

  async invalidRows(regionCode: string, importId: string, afterRow: number, limit: number): Promise<ImportRowRecord[]> {
    return this.db
      .select()
      .from(importRows)
      .where(and(eq(importRows.regionCode, regionCode), eq(importRows.importId, importId), eq(importRows.outcome, 'invalid'), gt(importRows.rowNumber, afterRow)))
      .orderBy(asc(importRows.rowNumber))
      .limit(limit);
  }

  /** A page of bad rows (by row order) and the number of bad cells in the whole import. */
  async badRowsPage(regionCode: string, importId: string, offset: number, limit: number): Promise<{ rows: ImportRowRecord[]; cellsTotal: number }> {
    const where = and(eq(importRows.regionCode, regionCode), eq(importRows.importId, importId), eq(importRows.outcome, 'invalid'));
    const rows = await this.db.select().from(importRows).where(where).orderBy(asc(importRows.rowNumber)).limit(limit).offset(offset);
    const totals = await this.db.select({ n: sql<string>`coalesce(sum(json_array_length(${importRows.errors})), 0)` }).from(importRows).where(where);
    return { rows, cellsTotal: Number(totals[0]?.n ?? 0) };
  }

  async outcomeCounts(regionCode: string, importId: string): Promise<Record<string, number>> {
    const rows = await this.db
      .select({ outcome: importRows.outcome, n: count() })
      .from(importRows)
      .where(and(eq(importRows.regionCode, regionCode), eq(importRows.importId, importId)))
      .groupBy(importRows.outcome);
    return Object.fromEntries(rows.map((r) => [r.outcome, Number(r.n)]));
  }
}

export { enterpriseMetrics, enterpriseNodes, enterprises };

/** A chunk's row as the import centre keeps it; `rawJson` is the row's cells by header, already JSON text. */
export interface KeptRow {
  rowNumber: number;
  rawJson: string;
  outcome: string;
  errors: unknown[] | null;
  enterpriseId: string | null;
  /** the fields the row set, as JSON text (Applied.fields) */
  fields: string | null;
}

/**
 * A chunk's rows for import_rows: each row's cells go in as the JSON text the checker made of them (no second
 * serialisation); region and import are given once.
 */
export function keptRows(regionCode: string, importId: string, rows: readonly KeptRow[]): BulkRows {
  return new BulkRows(
    'import_rows',
    KEPT_ROW_COLUMNS,
    rows.map((r) => [r.rowNumber, new JsonText(r.rawJson), r.outcome, r.errors ? new JsonText(JSON.stringify(r.errors)) : null, r.enterpriseId, r.fields === null ? null : new JsonText(r.fields)]),
    [
      { name: 'region_code', value: regionCode },
      { name: 'import_id', value: importId },
    ],
  );
}

const KEPT_ROW_COLUMNS = [
  { name: 'row_number', type: 'integer' },
  { name: 'raw', type: 'json' },
  { name: 'outcome', type: 'text' },
  { name: 'errors', type: 'json' },
  { name: 'enterprise_id', type: 'text' },
  { name: 'fields', type: 'json' },
];
