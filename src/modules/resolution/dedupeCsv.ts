import { checkUscc } from '../../core/uscc/uscc.ts';
import type { DuplicatePair, FirmRecord } from '../../core/names/findDuplicatePairs.ts';
import { DomainError } from '../../shared/errors.ts';

/** RFC 4180 rows: commas, "quoted" fields with "" escapes and line breaks inside quotes; CRLF or LF. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const c = src.charAt(i);
    if (inQuotes) {
      if (c === '"' && src.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"' && field === '') inQuotes = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (inQuotes) throw new DomainError('VALIDATION', { row: rows.length + 1, reason: 'unterminated quoted field' }, `row ${rows.length + 1}: unterminated quoted field`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const HEADER = ['id', 'name', 'address', 'uscc'];

function bad(row: number, field: string, reason: string): DomainError {
  return new DomainError('VALIDATION', { row, field, reason }, `row ${row}, ${field}: ${reason}`);
}

/**
 * Firms of a dedupe input file: header `id,name,address,uscc` (row 1), then one firm per row; blank lines are
 * skipped. Row numbers in errors count the header as row 1. A non-empty USCC must be valid.
 */
export function parseDedupeCsv(text: string): FirmRecord[] {
  const rows = parseCsvRows(text);
  const header = rows[0]?.map((h) => h.trim().toLowerCase());
  if (header === undefined || header.join(',') !== HEADER.join(',')) throw bad(1, 'header', `expected "${HEADER.join(',')}", found "${rows[0]?.join(',') ?? ''}"`);
  const firms: FirmRecord[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== HEADER.length) throw bad(row, 'row', `${cells.length} columns, expected ${HEADER.length}`);
    const [id = '', name = '', address = '', uscc = ''] = cells.map((c) => c.trim());
    if (id === '') throw bad(row, 'id', 'empty');
    if (seen.has(id)) throw bad(row, 'id', `duplicate id "${id}"`);
    seen.add(id);
    if (name === '') throw bad(row, 'name', 'empty');
    let code: string | null = null;
    if (uscc !== '') {
      const check = checkUscc(uscc);
      if (!check.valid) throw bad(row, 'uscc', check.reason);
      code = check.code;
    }
    firms.push({ id, name, address: address === '' ? null : address, uscc: code });
  });
  return firms;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function formatPairsCsv(pairs: readonly DuplicatePair[]): string {
  const lines = ['id_a,id_b,score,decision', ...pairs.map((p) => [csvField(p.idA), csvField(p.idB), p.score.toFixed(3), p.decision].join(','))];
  return `${lines.join('\n')}\n`;
}
