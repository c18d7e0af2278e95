import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { cellText, dateStylesOf, partName, type RawCell, relationshipsOf, SharedStringsScanner, SheetScanner, workbookOf } from './sheetXml.model.ts';

/** A malformed workbook: the caller turns it into a file-level rejection. */
export class XlsxError extends Error {}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The zip's central directory (the sizes there are right even when the writer used data descriptors). */
async function readDirectory(handle: FileHandle, size: number): Promise<Map<string, ZipEntry>> {
  const tailSize = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailSize);
  await handle.read(tail, 0, tailSize, size - tailSize);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new XlsxError('a damaged zip file');
  const count = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (dirOffset + dirSize > size) throw new XlsxError('a damaged zip file');
  const dir = Buffer.alloc(dirSize);
  await handle.read(dir, 0, dirSize, dirOffset);
  const entries = new Map<string, ZipEntry>();
  for (let p = 0, i = 0; i < count && p + 46 <= dir.length; i++) {
    if (dir.readUInt32LE(p) !== 0x02014b50) throw new XlsxError('a damaged zip file');
    const nameLength = dir.readUInt16LE(p + 28);
    const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name, {
      name,
      method: dir.readUInt16LE(p + 10),
      compressedSize: dir.readUInt32LE(p + 20),
      uncompressedSize: dir.readUInt32LE(p + 24),
      localHeaderOffset: dir.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
  }
  return entries;
}

/** The inflated bytes of one entry, streamed. */
async function openEntry(path: string, handle: FileHandle, entry: ZipEntry): Promise<Readable> {
  const header = Buffer.alloc(30);
  await handle.read(header, 0, 30, entry.localHeaderOffset);
  if (header.readUInt32LE(0) !== 0x04034b50) throw new XlsxError(`a damaged zip entry (${entry.name})`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return createReadStream(path, { start, end: start - 1 });
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new XlsxError(`zip compression method ${entry.method} is not supported (${entry.name})`);
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  raw.on('error', (error) => inflate.destroy(error));
  return raw.pipe(inflate);
}

async function* textOf(stream: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) yield decoder.decode(chunk as Buffer, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function wholeText(path: string, handle: FileHandle, entry: ZipEntry | undefined): Promise<string> {
  if (!entry) return '';
  let text = '';
  for await (const chunk of textOf(await openEntry(path, handle, entry))) text += chunk;
  return text;
}

/** One row of the first sheet: its number and, per column, the cell as written (formulas flagged). */
export interface XlsxRow {
  row: number;
  cells: { column: number; address: string; hasFormula: boolean; text: string }[];
}

/** The parts of a workbook the sheet reader needs before its first row. */
interface WorkbookParts {
  entries: Map<string, ZipEntry>;
  date1904: boolean;
  sheetEntry: ZipEntry;
  stylesEntry: ZipEntry | undefined;
  sstEntry: ZipEntry | undefined;
}

async function workbookParts(path: string, handle: FileHandle): Promise<WorkbookParts> {
  const { size } = await handle.stat();
  const entries = await readDirectory(handle, size);
  const workbook = workbookOf(await wholeText(path, handle, entries.get('xl/workbook.xml')));
  const rels = relationshipsOf(await wholeText(path, handle, entries.get('xl/_rels/workbook.xml.rels')));
  const first = workbook.sheets[0];
  const sheetTarget = first ? rels.byId.get(first.relationId) : undefined;
  const sheetEntry = entries.get(sheetTarget ? partName(sheetTarget) : 'xl/worksheets/sheet1.xml');
  if (!sheetEntry) throw new XlsxError('the workbook has no worksheet');
  return {
    entries,
    date1904: workbook.date1904,
    sheetEntry,
    stylesEntry: entries.get(partName(rels.byType.get('styles') ?? 'styles.xml')),
    sstEntry: entries.get(partName(rels.byType.get('sharedStrings') ?? 'sharedStrings.xml')),
  };
}

/** An inflate fault as the XlsxError it is; anything else as it is. */
function zipFault(error: unknown): unknown {
  if (error instanceof Error && !(error instanceof XlsxError) && 'code' in error && typeof error.code === 'string' && error.code.startsWith('Z_')) return new XlsxError(`a damaged zip entry (${error.message})`);
  return error;
}

/**
 * The shared string table as it is read, beside the sheet (a second inflate stream on the same thread): a batch
 * of rows waits only for the strings it uses (`upTo`), so the first rows do not wait for the whole table (13 MB
 * of XML in a 100k-row workbook; writers number the strings in order of first use).
 */
export class StringsSoFar {
  private readonly scanner = new SharedStringsScanner();
  private isDone = false;
  private fault: { error: unknown } | undefined;
  private waiter: { index: number; resolve: () => void; reject: (error: unknown) => void } | undefined;
  /** the strings read so far, by index */
  readonly strings: readonly string[] = this.scanner.strings;

  push(chunk: string): void {
    this.scanner.push(chunk);
    if (this.waiter && this.waiter.index < this.scanner.strings.length) this.wake();
  }

  /** The table is complete: an index beyond it is an empty cell, as before. */
  end(): void {
    this.isDone = true;
    this.wake();
  }

  fail(error: unknown): void {
    this.fault ??= { error };
    this.wake();
  }

  /** Resolves once string `index` has been read (or the table ended); rejects with the reading's fault. */
  upTo(index: number): Promise<void> {
    if (this.fault) return Promise.reject(this.fault.error);
    if (this.isDone || index < this.scanner.strings.length) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiter = { index, resolve, reject };
    });
  }

  /** Resolves when the whole table has been read; rejects with the reading's fault. */
  whole(): Promise<void> {
    return this.upTo(Number.POSITIVE_INFINITY);
  }

  private wake(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.waiter = undefined;
    if (this.fault) waiter.reject(this.fault.error);
    else waiter.resolve();
  }
}

/** Reads the table into `strings` until the end or a fault; `stop` ends it early. */
function readSharedStrings(path: string, handle: FileHandle, entry: ZipEntry | undefined, strings: StringsSoFar): { stop: () => void; settled: Promise<void> } {
  let stream: Readable | undefined;
  let isStopped = false;
  const settled = (async () => {
    try {
      if (entry) {
        stream = await openEntry(path, handle, entry);
        if (isStopped) {
          stream.destroy(); // the sheet ended (or failed) while the entry was opened
          return;
        }
        for await (const chunk of textOf(stream)) strings.push(chunk);
      }
      strings.end();
    } catch (error) {
      strings.fail(error);
    }
  })();
  return {
    stop: () => {
      isStopped = true;
      stream?.destroy();
    },
    settled,
  };
}

/** The largest shared-string index the cells use (-1 for none). */
function lastStringIndex(rows: readonly { cells: readonly RawCell[] }[]): number {
  let last = -1;
  for (const row of rows) for (const cell of row.cells) if (cell.type === 's' && cell.text !== '') last = Math.max(last, Number(cell.text) || 0);
  return last;
}

/**
 * Streams the rows of the workbook's first sheet (in tab order), a batch per inflated chunk. Cell styles are read
 * first (dates are told from numbers by their style); the shared strings are read beside the sheet (StringsSoFar),
 * and the sheet itself is inflated and scanned chunk by chunk, so memory stays bounded by the shared string table.
 * A damaged string table is a fault even when no row reaches the damage.
 */
export async function* readFirstSheet(path: string): AsyncGenerator<XlsxRow[]> {
  const handle = await open(path, 'r');
  let reading: ReturnType<typeof readSharedStrings> | undefined;
  try {
    const parts = await workbookParts(path, handle);
    const dateStyles = dateStylesOf(await wholeText(path, handle, parts.stylesEntry));
    const shared = new StringsSoFar();
    reading = readSharedStrings(path, handle, parts.sstEntry, shared);
    const scanner = new SheetScanner();
    const toRow = (raw: { row: number; cells: RawCell[] }): XlsxRow => ({
      row: raw.row,
      cells: raw.cells.map((c) => ({ column: c.column, address: c.address, hasFormula: c.hasFormula, text: cellText(c, shared.strings, dateStyles, parts.date1904) })),
    });
    for await (const chunk of textOf(await openEntry(path, handle, parts.sheetEntry))) {
      const rows = scanner.push(chunk);
      await shared.upTo(lastStringIndex(rows));
      yield rows.map(toRow);
    }
    const rows = scanner.end();
    await shared.whole();
    yield rows.map(toRow);
  } catch (error) {
    throw zipFault(error);
  } finally {
    reading?.stop();
    await reading?.settled; // never throws: a fault went to `shared`
    await handle.close();
  }
}
