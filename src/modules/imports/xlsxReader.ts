import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { cellText, dateStylesOf, PackedStrings, partName, type RawCell, relationshipsOf, SharedStringsScanner, SheetScanner, type StringTable, workbookOf } from './sheetXml.model.ts';

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

/** Runs `read` on the open file; zip and inflate faults become XlsxError. */
async function withWorkbook<T>(path: string, read: (handle: FileHandle) => Promise<T>): Promise<T> {
  const handle = await open(path, 'r');
  try {
    return await read(handle);
  } catch (error) {
    throw zipFault(error);
  } finally {
    await handle.close();
  }
}

async function sharedStringsOf(path: string, handle: FileHandle, parts: WorkbookParts): Promise<string[]> {
  const shared = new SharedStringsScanner();
  if (parts.sstEntry) for await (const chunk of textOf(await openEntry(path, handle, parts.sstEntry))) shared.push(chunk);
  return shared.strings;
}

/**
 * The workbook's shared string table, read on its own: the import centre reads it on the main thread while its
 * row-checking worker starts (checkRows.inWorker.ts), and hands it to readFirstSheet. Faults as readFirstSheet's.
 */
export async function readSharedStrings(path: string): Promise<PackedStrings> {
  return withWorkbook(path, async (handle) => PackedStrings.of(await sharedStringsOf(path, handle, await workbookParts(path, handle))));
}

/**
 * Streams the rows of the workbook's first sheet (in tab order), a batch per inflated chunk. Shared strings and
 * cell styles are read first (dates are told from numbers by their style) — the shared strings unless they are
 * given (readSharedStrings); the sheet itself is inflated and scanned chunk by chunk, so memory stays bounded
 * by the shared string table.
 */
export async function* readFirstSheet(path: string, given?: { sharedStrings: Promise<StringTable> }): AsyncGenerator<XlsxRow[]> {
  const handle = await open(path, 'r');
  try {
    const parts = await workbookParts(path, handle);
    const dateStyles = dateStylesOf(await wholeText(path, handle, parts.stylesEntry));
    const strings = given ? await given.sharedStrings : await sharedStringsOf(path, handle, parts);
    const scanner = new SheetScanner();
    const toRow = (raw: { row: number; cells: RawCell[] }): XlsxRow => ({
      row: raw.row,
      cells: raw.cells.map((c) => ({ column: c.column, address: c.address, hasFormula: c.hasFormula, text: cellText(c, strings, dateStyles, parts.date1904) })),
    });
    for await (const chunk of textOf(await openEntry(path, handle, parts.sheetEntry))) yield scanner.push(chunk).map(toRow);
    yield scanner.end().map(toRow);
  } catch (error) {
    throw zipFault(error);
  } finally {
    await handle.close();
  }
}
