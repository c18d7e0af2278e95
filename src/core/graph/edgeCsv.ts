import { type EdgeList, EdgeListBuilder } from './edgeList.ts';

/** A row of an edge CSV that cannot be read; `row` counts lines from 1 (the header). */
export class EdgeCsvError extends Error {
  constructor(
    readonly row: number,
    readonly field: string,
    reason: string,
  ) {
    super(`row ${row}, ${field}: ${reason}`);
  }
}

const HEADER = ['source', 'target', 'weight'];
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a `source,target,weight` CSV (directed edges, string ids, weight a decimal ≥ 0) chunk by chunk into an
 * EdgeList, so that a file of millions of rows never exists as one string or as row objects. Fields may be
 * quoted (RFC 4180, without line breaks inside a field); blank lines are skipped.
 */
export class EdgeCsvReader {
  private readonly builder = new EdgeListBuilder();
  private carry = '';
  private row = 0;
  private hasHeader = false;

  push(chunk: string): void {
    const text = this.carry + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      this.readLine(text.slice(start, end));
      start = end + 1;
    }
    this.carry = text.slice(start);
  }

  end(): { ids: string[]; edges: EdgeList } {
    if (this.carry.length > 0) this.readLine(this.carry);
    this.carry = '';
    if (!this.hasHeader) throw new EdgeCsvError(1, 'header', `empty file, expected ${HEADER.join(',')}`);
    return this.builder.finish();
  }

  private readLine(raw: string): void {
    this.row++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!this.hasHeader) {
      const header = splitCsvLine(line.replace(/^\uFEFF/, ''), this.row).map((h) => h.trim());
      if (header.join(',') !== HEADER.join(',')) throw new EdgeCsvError(this.row, 'header', `expected ${HEADER.join(',')}, got ${line}`);
      this.hasHeader = true;
      return;
    }
    if (line.trim().length === 0) return;
    const fields = splitCsvLine(line, this.row);
    if (fields.length !== 3) throw new EdgeCsvError(this.row, 'row', `${fields.length} columns, expected 3`);
    const [source = '', target = '', weightText = ''] = fields;
    if (source.length === 0) throw new EdgeCsvError(this.row, 'source', 'empty');
    if (target.length === 0) throw new EdgeCsvError(this.row, 'target', 'empty');
    const trimmed = weightText.trim();
    if (!DECIMAL.test(trimmed)) throw new EdgeCsvError(this.row, 'weight', `not a number: "${weightText}"`);
    const weight = Number(trimmed);
    if (!Number.isFinite(weight)) throw new EdgeCsvError(this.row, 'weight', `out of range: ${weightText}`);
    if (weight < 0) throw new EdgeCsvError(this.row, 'weight', `negative: ${weightText} (flows are ≥ 0)`);
    this.builder.add(source, target, weight);
  }
}

/** Splits one CSV line; the fast path (no quote) is a plain split. */
function splitCsvLine(line: string, row: number): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new EdgeCsvError(row, 'row', 'unterminated quoted field');
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ',') throw new EdgeCsvError(row, 'row', `unexpected character after a quoted field at column ${i + 1}`);
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** One CSV cell: quoted only when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
