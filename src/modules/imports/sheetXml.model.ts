/**
 * Pure scanners for the few parts of an .xlsx the import centre reads: worksheet rows, shared strings, cell
 * styles (to tell date cells from numbers) and the workbook's sheet list. The XML Excel and its peers write for
 * these parts is flat and regular, so a scanner over complete elements is several times faster than a general
 * SAX parser (and the import reads 100k-row sheets). Text arrives in chunks; each scanner keeps the tail of an
 * element cut by a chunk boundary until the next chunk.
 */

/** A cell as the sheet states it, before shared strings and styles are applied. */
export interface RawCell {
  /** 1-based column */
  column: number;
  /** cell address as written (`B3`), or computed when the writer left it out */
  address: string;
  type: string;
  style: number;
  hasFormula: boolean;
  /** the `<v>` text, or the inline string's text */
  text: string;
}

export interface RawRow {
  row: number;
  cells: RawCell[];
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML character references and the five predefined entities. */
export function decodeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    return NAMED[name ?? ''] ?? '';
  });
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** Value of attribute `name` in an element's attribute text (`r="B3" t="s"`), or undefined. */
export function attribute(attributes: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  return match ? decodeXml(match[1] ?? match[2] ?? '') : undefined;
}

/** Column number of a cell address: `B3` → 2, `AA10` → 27; 0 when the address has no letters. */
export function columnOf(address: string): number {
  let column = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  return column;
}

/** Letters of a 1-based column: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

// An optional namespace prefix (`x:row`) is allowed on every element name: some writers use one.
const ROW = /<(?:[\w.-]+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g;
const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const VALUE = /<(?:[\w.-]+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?v>)/;
const FORMULA = /<(?:[\w.-]+:)?f\b/;

/** Streams `<row>` elements out of worksheet XML text. */
export class SheetScanner {
  private tail = '';
  private lastRow = 0;

  /** Rows completed by this chunk of text; a row cut by the chunk's end waits for the next chunk. */
  push(text: string): RawRow[] {
    return this.rowsIn(this.tail + text, true);
  }

  /** Rows left when the text is complete (none when the sheet was well-formed). */
  end(): RawRow[] {
    const rest = this.tail;
    this.tail = '';
    return this.rowsIn(rest, false);
  }

  /** The complete rows of `text`, in one pass; with `keepTail`, what follows the last of them is kept. */
  private rowsIn(text: string, keepTail: boolean): RawRow[] {
    const rows: RawRow[] = [];
    let end = 0;
    ROW.lastIndex = 0;
    for (let m = ROW.exec(text); m; m = ROW.exec(text)) {
      const r = rtsAttributes(m[1] ?? '').r;
      const row = r ? Number(r) : this.lastRow + 1;
      this.lastRow = row;
      rows.push({ row, cells: cellsIn(m[2] ?? '', row) });
      end = ROW.lastIndex;
    }
    if (keepTail) this.tail = text.slice(end);
    return rows;
  }
}

/**
 * The r, t and s attributes of a row's or cell's attribute text, read in one pass (three regular expressions per
 * cell were a fifth of reading a 100k-row sheet). Other attributes are skipped; values are decoded.
 */
function rtsAttributes(text: string): { r: string | undefined; t: string | undefined; s: string | undefined } {
  const out: { r: string | undefined; t: string | undefined; s: string | undefined } = { r: undefined, t: undefined, s: undefined };
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < n && text.charCodeAt(i) !== 61 /* = */ && !isSpace(text.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n || text.charCodeAt(i) !== 61) break; // not name="value": nothing more to read
    i++;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i);
    if (quote !== 34 && quote !== 39) break;
    const close = text.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0) break;
    if (nameEnd - nameStart === 1) {
      const name = text.charCodeAt(nameStart);
      if (name === 114 /* r */ || name === 116 /* t */ || name === 115 /* s */) {
        const value = decodeXml(text.slice(i + 1, close));
        if (name === 114) out.r = value;
        else if (name === 116) out.t = value;
        else out.s = value;
      }
    }
    i = close + 1;
  }
  return out;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function cellsIn(text: string, row: number): RawCell[] {
  const cells: RawCell[] = [];
  let previous = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(text); m; m = CELL.exec(text)) {
    const attributes = rtsAttributes(m[1] ?? '');
    const inner = m[2] ?? '';
    const written = attributes.r;
    const column = written ? columnOf(written) || previous + 1 : previous + 1;
    previous = column;
    const type = attributes.t ?? 'n';
    let value: string;
    if (type === 'inlineStr') value = stringItemText(inner);
    else {
      const v = VALUE.exec(inner);
      value = v ? decodeXml(v[1] ?? '') : '';
    }
    cells.push({
      column,
      address: written ?? `${columnLetters(column)}${row}`,
      type,
      style: Number(attributes.s ?? 0),
      hasFormula: FORMULA.test(inner),
      text: value,
    });
  }
  return cells;
}

const TEXT = /<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;

/** Text of a string item (`<si>` or `<is>`): its `<t>` runs, phonetic guides left out. */
export function stringItemText(inner: string): string {
  const text = inner.indexOf('rPh') >= 0 ? inner.replace(PHONETIC, '') : inner;
  let out = '';
  TEXT.lastIndex = 0;
  for (let m = TEXT.exec(text); m; m = TEXT.exec(text)) out += m[1] ?? '';
  return decodeXml(out);
}

const ITEM = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
const ITEM_END = /<\/(?:[\w.-]+:)?si>|<(?:[\w.-]+:)?si\b[^>]*\/>/g;

/** Streams the shared string table (`<si>` items, in order). */
export class SharedStringsScanner {
  private tail = '';
  readonly strings: string[] = [];

  push(text: string): void {
    const buffer = this.tail + text;
    let end = -1;
    ITEM_END.lastIndex = 0;
    for (let m = ITEM_END.exec(buffer); m; m = ITEM_END.exec(buffer)) end = m.index + m[0].length;
    if (end < 0) {
      this.tail = buffer;
      return;
    }
    this.tail = buffer.slice(end);
    const complete = buffer.slice(0, end);
    ITEM.lastIndex = 0;
    for (let m = ITEM.exec(complete); m; m = ITEM.exec(complete)) this.strings.push(stringItemText(m[1] ?? ''));
  }
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the East Asian ids 27–36, 50–58). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom number format code shows a date or a time. */
export function isDateFormatCode(code: string): boolean {
  // Quoted literals, bracketed parts ([Red], [$-804]) and escaped characters say nothing about dates.
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[ymdhs]/i.test(bare);
}

/** For each cell style index (`s`), whether the style shows a date. */
export function dateStylesOf(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:[\w.-]+:)?numFmt\b([^>]*)\/?>/g)) {
    const id = attribute(m[1] ?? '', 'numFmtId');
    const code = attribute(m[1] ?? '', 'formatCode');
    if (id !== undefined && code !== undefined) custom.set(Number(id), code);
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const styles: boolean[] = [];
  for (const m of xfs.matchAll(/<(?:[\w.-]+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attribute(m[1] ?? '', 'numFmtId') ?? 0);
    const code = custom.get(id);
    styles.push(code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return styles;
}

/** The workbook's sheets in tab order with their relationship ids, and whether dates count from 1904. */
export function workbookOf(workbookXml: string): { sheets: { name: string; relationId: string }[]; date1904: boolean } {
  const sheets: { name: string; relationId: string }[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)) {
    const attributes = m[1] ?? '';
    const relationId = attribute(attributes, '(?:[\\w.-]+:)?id');
    if (relationId !== undefined) sheets.push({ name: attribute(attributes, 'name') ?? '', relationId });
  }
  const pr = /<(?:[\w.-]+:)?workbookPr\b([^>]*?)\/?>/.exec(workbookXml)?.[1] ?? '';
  const flag = attribute(pr, 'date1904');
  return { sheets, date1904: flag === '1' || flag === 'true' };
}

/** Relationship id → target, and the targets by relationship type suffix (`sharedStrings`, `styles`). */
export function relationshipsOf(relsXml: string): { byId: Map<string, string>; byType: Map<string, string> } {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/g)) {
    const attributes = m[1] ?? '';
    const id = attribute(attributes, 'Id');
    const target = attribute(attributes, 'Target');
    const type = attribute(attributes, 'Type');
    if (id !== undefined && target !== undefined) byId.set(id, target);
    if (type !== undefined && target !== undefined) byType.set(type.slice(type.lastIndexOf('/') + 1), target);
  }
  return { byId, byType };
}

/** A zip entry name for a relationship target of the workbook part (`worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`). */
export function partName(target: string, base = 'xl/'): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** An Excel serial date as an ISO date (YYYY-MM-DD), as Excel shows it (1900 or 1904 date system). */
export function serialToIsoDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** The text the import centre reads from a cell, with shared strings and date styles applied. */
export function cellText(cell: RawCell, sharedStrings: readonly string[], dateStyles: readonly boolean[], date1904: boolean): string {
  switch (cell.type) {
    case 's': {
      const index = Number(cell.text);
      return cell.text === '' ? '' : (sharedStrings[index] ?? '');
    }
    case 'inlineStr':
    case 'str':
    case 'e':
      return cell.text;
    case 'b':
      return cell.text === '1' || cell.text === 'true' ? 'true' : cell.text === '' ? '' : 'false';
    case 'd':
      return cell.text.slice(0, 10);
    default: {
      if (cell.text === '') return '';
      const value = Number(cell.text);
      if (!Number.isFinite(value)) return cell.text;
      return dateStyles[cell.style] ? serialToIsoDate(value, date1904) : String(value);
    }
  }
}
