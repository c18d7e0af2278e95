import type { Db } from '../../db/client.ts';
import { CellError, type ImportDetail, type ImportInfo, ImportKind, ImportStatus } from './imports.contract.ts';
import { type ImportRecord, type ImportRowRecord, ImportsRepo } from './imports.repo.ts';

export function toImportInfo(record: ImportRecord): ImportInfo {
  return {
    id: record.id,
    kind: ImportKind.catch('enterprises').parse(record.kind),
    fileName: record.fileName,
    status: ImportStatus.catch('rejected').parse(record.status),
    fileError: record.fileError,
    rowsTotal: record.rowsTotal,
    rowsValid: record.rowsValid,
    rowsInvalid: record.rowsInvalid,
    byUser: record.byUser,
    at: record.at.toISOString(),
  };
}

/** The bad cells stored with a row (JSON written by the import itself; checked, not trusted). */
export function cellErrorsOf(row: ImportRowRecord): CellError[] {
  const parsed = CellError.array().safeParse(row.errors);
  return parsed.success ? parsed.data : [];
}

/** An import with its outcomes and one page of bad rows' cells; undefined when there is no such import. */
export async function importDetail(db: Db, regionCode: string, id: string, options: { page: number; pageSize: number; result?: ImportDetail['result'] }): Promise<ImportDetail | undefined> {
  const repo = new ImportsRepo(db);
  const record = await repo.get(regionCode, id);
  if (!record) return undefined;
  const info = toImportInfo(record);
  const { rows, cellsTotal } = await repo.badRowsPage(regionCode, id, (options.page - 1) * options.pageSize, options.pageSize);
  return {
    import: info,
    result: options.result ?? info.status,
    outcomes: await repo.outcomeCounts(regionCode, id),
    errors: rows.flatMap(cellErrorsOf),
    errorsTotal: cellsTotal,
    page: options.page,
    pageSize: options.pageSize,
  };
}

/** Every bad cell of an import, page by page (for the Excel error report). */
export async function* allCellErrors(db: Db, regionCode: string, id: string): AsyncGenerator<CellError[]> {
  const repo = new ImportsRepo(db);
  let after = -1;
  for (;;) {
    const rows = await repo.invalidRows(regionCode, id, after, 2000);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.rowNumber ?? after;
    yield rows.flatMap(cellErrorsOf);
  }
}
