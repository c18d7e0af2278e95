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

/**
 * The tag scanner under the row, cell and string-item readers: it steps from tag to tag with indexOf and
 * charCodeAt and makes no strings. In well-formed XML a raw `<` only opens a tag, a comment, a processing
 * instruction or CDATA (which Excel and its peers do not write in these parts), so the text between two tags
 * is character data. An optional namespace prefix (`x:row`) is allowed on every element name: some writers
 * use one. One tag at a time is read into `tag` (no object per tag: a 100k-row sheet has millions).
 */
const tag = { start: 0, end: 0, localStart: 0, localEnd: 0, attributesStart: 0, attributesEnd: 0, isClosing: false, isSelfClosing: false };

/** Reads the next tag at or after `from` into `tag`; false when no complete tag follows (the text was cut). */
function nextTag(text: string, from: number): boolean {
  for (let lt = text.indexOf('<', from); lt >= 0; lt = text.indexOf('<', lt + 1)) {
    const first = text.charCodeAt(lt + 1);
    if (first === 33 /* ! */ || first === 63 /* ? */) {
      // a comment, declaration or processing instruction: skipped whole
      const close = text.startsWith('<!--', lt) ? text.indexOf('-->', lt + 4) : text.indexOf('>', lt + 2);
      if (close < 0) return false;
      lt = close;
      continue;
    }
    const isClosing = first === 47; /* / */
    let i = isClosing ? lt + 2 : lt + 1;
    let localStart = i;
    const n = text.length;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 58 /* : */) localStart = i + 1;
      else if (c === 62 /* > */ || c === 47 /* / */ || isSpace(c)) break;
    }
    if (i >= n) return false;
    const gt = text.indexOf('>', i);
    if (gt < 0) return false;
    tag.start = lt;
    tag.end = gt + 1;
    tag.localStart = localStart;
    tag.localEnd = i;
    tag.attributesStart = i;
    tag.isSelfClosing = text.charCodeAt(gt - 1) === 47;
    tag.attributesEnd = tag.isSelfClosing ? gt - 1 : gt;
    tag.isClosing = isClosing;
    return true;
  }
  return false;
}

/** Whether the tag last read by nextTag has the local name `name`. */
function tagIs(text: string, name: string): boolean {
  return tag.localEnd - tag.localStart === name.length && text.startsWith(name, tag.localStart);
}

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
    let done = 0;
    for (let at = 0; nextTag(text, at); ) {
      at = tag.end;
      if (tag.isClosing || !tagIs(text, 'row')) continue;
      const r = rtsAttributes(text, tag.attributesStart, tag.attributesEnd).r;
      const row = r ? Number(r) : this.lastRow + 1;
      const cells: RawCell[] = [];
      if (!tag.isSelfClosing) {
        const end = cellsIn(text, at, row, cells);
        if (end < 0) break; // the row goes on in the next chunk
        at = end;
      }
      this.lastRow = row;
      rows.push({ row, cells });
      done = at;
    }
    if (keepTail) this.tail = text.slice(done);
    return rows;
  }
}

/**
 * The r, t and s attributes in text[start, end) (a row's or cell's attributes), read in one pass (three regular
 * expressions per cell were a fifth of reading a 100k-row sheet). Other attributes are skipped; values are decoded.
 */
function rtsAttributes(text: string, start: number, end: number): { r: string | undefined; t: string | undefined; s: string | undefined } {
  const out: { r: string | undefined; t: string | undefined; s: string | undefined } = { r: undefined, t: undefined, s: undefined };
  let i = start;
  while (i < end) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < end && text.charCodeAt(i) !== 61 /* = */ && !isSpace(text.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end || text.charCodeAt(i) !== 61) break; // not name="value": nothing more to read
    i++;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i);
    if (quote !== 34 && quote !== 39) break;
    const close = text.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0 || close >= end) break;
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

/**
 * Reads the cells of a row whose content starts at `from` into `cells`; returns the index after the row's end
 * tag, or −1 when the text ends first. A cell's value is its first `<v>`, or its inline string's text.
 */
function cellsIn(text: string, from: number, row: number, cells: RawCell[]): number {
  let previous = 0;
  for (let at = from; nextTag(text, at); ) {
    at = tag.end;
    if (tag.isClosing) {
      if (tagIs(text, 'row')) return at;
      continue;
    }
    if (!tagIs(text, 'c')) continue;
    const attributes = rtsAttributes(text, tag.attributesStart, tag.attributesEnd);
    const written = attributes.r;
    const column = written ? columnOf(written) || previous + 1 : previous + 1;
    previous = column;
    const type = attributes.t ?? 'n';
    let value = '';
    let hasFormula = false;
    if (!tag.isSelfClosing) {
      const innerStart = at;
      let innerEnd = -1;
      let hasValue = false;
      while (nextTag(text, at)) {
        at = tag.end;
        if (tag.isClosing) {
          if (tagIs(text, 'c')) {
            innerEnd = tag.start;
            break;
          }
        } else if (tagIs(text, 'f')) hasFormula = true;
        else if (!hasValue && tagIs(text, 'v')) {
          hasValue = true;
          if (!tag.isSelfClosing) {
            const lt = text.indexOf('<', at);
            if (lt < 0) return -1;
            value = decodeXml(text.slice(at, lt));
          }
        }
      }
      if (innerEnd < 0) return -1;
      if (type === 'inlineStr') value = stringItemText(text, innerStart, innerEnd);
    }
    cells.push({ column, address: written ?? `${columnLetters(column)}${row}`, type, style: Number(attributes.s ?? 0), hasFormula, text: value });
  }
  return -1;
}

/**
 * Text of a string item (the content of `<si>` or `<is>`, text[start, end)): its `<t>` runs, phonetic guides
 * (`<rPh>`) left out, character references decoded.
 */
export function stringItemText(text: string, start = 0, end = text.length): string {
  let out = '';
  let skipping = 0; // inside <rPh>
  for (let at = start; at < end && nextTag(text, at) && tag.start < end; ) {
    at = tag.end;
    if (tagIs(text, 'rPh')) {
      if (!tag.isSelfClosing) skipping += tag.isClosing ? -1 : 1;
    } else if (skipping === 0 && !tag.isClosing && !tag.isSelfClosing && tagIs(text, 't')) {
      const lt = text.indexOf('<', at);
      out += text.slice(at, lt < 0 || lt > end ? end : lt);
    }
  }
  return decodeXml(out);
}

/** Streams the shared string table (`<si>` items, in order). */
export class SharedStringsScanner {
  private tail = '';
  readonly strings: string[] = [];

  push(text: string): void {
    const buffer = this.tail + text;
    let done = 0;
    for (let at = 0; nextTag(buffer, at); ) {
      at = tag.end;
      if (tag.isClosing || !tagIs(buffer, 'si')) continue;
      if (tag.isSelfClosing) {
        this.strings.push('');
        done = at;
        continue;
      }
      const itemStart = at;
      let itemEnd = -1;
      while (nextTag(buffer, at)) {
        at = tag.end;
        if (tag.isClosing && tagIs(buffer, 'si')) {
          itemEnd = tag.start;
          break;
        }
      }
      if (itemEnd < 0) break; // the item goes on in the next chunk
      this.strings.push(stringItemText(buffer, itemStart, itemEnd));
      done = at;
    }
    this.tail = buffer.slice(done);
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
