import { checkUscc } from '../../core/uscc/uscc.ts';
import { type NameKeys, nameKeysOf } from '../enterprises/search.model.ts';
import { type FileFormat, FileRejected, readRowBatches } from './imports.file.ts';
import { type CellError, checkHeader, type ImportKind, insertedFirmFields, isBlankRow, isNotesRow, type RowValue, type ValidationContext, validateRow } from './imports.model.ts';

/** One data row after the row checks: its cells by header, the typed value when valid, and its cell errors. */
export interface CheckedRow {
  row: number;
  /**
   * The row's cells by header as JSON text, kept as it is with the row (import_rows.raw): a string crosses from
   * the worker thread and into the insert more cheaply than an object. `rawCellsOf` reads it back.
   */
  rawJson: string;
  value: RowValue | null;
  errors: CellError[];
  /** pinyin keys of a firm row's name, computed here so that the writer does not have to */
  nameKeys?: NameKeys;
  /** a valid firm row's insertedFirmFields as JSON text, made here for the writer (most firm rows insert) */
  insertFieldsJson?: string;
  /** metrics and memberships: the firm the row names, read from the cells so that bad rows are checked too */
  firmKey?: FirmKey | null;
}

/** A firm named by its USCC, or (when the USCC cell is empty) by its 企业ID. */
export interface FirmKey {
  uscc: string;
  id: string;
}

export const USCC_HEADER = '统一社会信用代码';
export const ID_HEADER = '企业ID';

function firmKeyOf(raw: Record<string, string>): FirmKey | null {
  const uscc = checkUscc(raw[USCC_HEADER] ?? '');
  if (uscc.valid) return { uscc: uscc.code, id: '' };
  const id = raw[ID_HEADER] ?? '';
  return (raw[USCC_HEADER] ?? '') === '' && id !== '' ? { uscc: '', id } : null;
}

/** The row's cells by header (for a message about one of them). */
export function rawCellsOf(row: CheckedRow): Record<string, string> {
  const parsed: unknown = JSON.parse(row.rawJson);
  const cells: Record<string, string> = {};
  if (typeof parsed === 'object' && parsed !== null) for (const [header, value] of Object.entries(parsed)) if (typeof value === 'string') cells[header] = value;
  return cells;
}

export type CheckedEvent =
  /** the first non-blank row did not match the template: the file is rejected */
  | { type: 'bad-header'; row: number; cells: string[]; errors: CellError[] }
  | { type: 'rows'; rows: CheckedRow[] };

export interface CheckRowsOptions {
  path: string;
  format: FileFormat;
  kind: ImportKind;
  ctx: ValidationContext;
  chunkSize: number;
  /** rows in the first chunk, when it should be smaller (the writer starts on it while the next is read) */
  firstChunkSize?: number;
}

/**
 * Reads the file and checks each row on its own (header, blank and notes rows, cell rules), in chunks.
 * Everything here is per row and needs no database, so it can run in a worker thread beside the writer.
 * A file without a header row ends with no event at all; file faults throw FileRejected.
 */
export async function* checkRows({ path, format, kind, ctx, chunkSize, firstChunkSize }: CheckRowsOptions): AsyncGenerator<CheckedEvent> {
  let columnOf: Map<string, number> | undefined;
  let rows: CheckedRow[] = [];
  let size = firstChunkSize ?? chunkSize;
  for await (const batch of readRowBatches(path, format)) for (const { row, cells } of batch) {
    if (!columnOf) {
      if (isBlankRow(cells)) continue;
      const header = checkHeader(kind, cells);
      if (!header.ok) {
        yield { type: 'bad-header', row, cells, errors: header.errors };
        return;
      }
      columnOf = header.columnOf;
      continue;
    }
    if (isBlankRow(cells) || isNotesRow(cells)) continue;
    const result = validateRow(kind, row, cells, columnOf, ctx);
    const value = result.ok ? result.value : null;
    rows.push({
      row,
      rawJson: JSON.stringify(result.raw),
      value,
      errors: result.ok ? [] : result.errors,
      nameKeys: value?.kind === 'enterprises' ? nameKeysOf(value.name) : undefined,
      insertFieldsJson: value?.kind === 'enterprises' ? JSON.stringify(insertedFirmFields(value)) : undefined,
      firmKey: kind === 'metrics' || kind === 'memberships' ? firmKeyOf(result.raw) : undefined,
    });
    if (rows.length >= size) {
      yield { type: 'rows', rows };
      rows = [];
      size = chunkSize;
    }
  }
  if (columnOf) yield { type: 'rows', rows };
}

/** A fault met while checking rows, as it crosses from the worker: file faults stay file faults. */
export interface CheckFault {
  message: string;
  isFileRejected: boolean;
}

export function faultOf(error: unknown): CheckFault {
  return { message: error instanceof Error ? error.message : String(error), isFileRejected: error instanceof FileRejected };
}

export function errorOf(fault: CheckFault): Error {
  return fault.isFileRejected ? new FileRejected(fault.message) : new Error(fault.message);
}
