import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CsvSplitter } from './csv.model.ts';
import { readFirstSheet } from './xlsxReader.ts';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Zip-bomb guards: the declared uncompressed total and the compression ratio of any large entry. */
export const MAX_UNCOMPRESSED_BYTES = 600 * 1024 * 1024;
const MAX_RATIO = 200;
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 64;

/** A file-level fault: the file is not read at all, or stops being read; nothing is applied. */
export class FileRejected extends Error {
  constructor(
    message: string,
    /** rows read before the fault */
    readonly counts?: { total: number; valid: number; invalid: number },
  ) {
    super(message);
  }
}

export type FileFormat = 'xlsx' | 'csv-utf8' | 'csv-gb18030';

export interface InspectedFile {
  format: FileFormat;
  sha256: string;
  bytes: number;
  /** line breaks in a CSV (an estimate of its rows for the progress bar); 0 for xlsx */
  lineBreaks: number;
}

/** Size, magic bytes, hash and text encoding, in one streaming pass and before any row is read. */
export async function inspectFile(path: string): Promise<InspectedFile> {
  const { size } = await stat(path);
  if (size === 0) throw new FileRejected('the file is empty');
  if (size > MAX_FILE_BYTES) throw new FileRejected(`the file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB`);
  const head = await readHead(path, 8);
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) throw new FileRejected('this is an old .xls workbook; save it as .xlsx or .csv');
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let isUtf8 = true;
  let hasNul = false;
  let lineBreaks = 0;
  for await (const chunk of createReadStream(path)) {
    if (!(chunk instanceof Buffer)) continue;
    hash.update(chunk);
    if (isZip) continue;
    if (chunk.includes(0)) hasNul = true;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lineBreaks++;
    if (isUtf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        isUtf8 = false;
      }
    }
  }
  if (isZip) {
    await checkZipDirectory(path, size);
    return { format: 'xlsx', sha256: hash.digest('hex'), bytes: size, lineBreaks: 0 };
  }
  if (hasNul) throw new FileRejected('not a spreadsheet: the file is binary, neither .xlsx nor CSV text');
  if (isUtf8) {
    try {
      utf8.decode();
    } catch {
      isUtf8 = false;
    }
  }
  return { format: isUtf8 ? 'csv-utf8' : 'csv-gb18030', sha256: hash.digest('hex'), bytes: size, lineBreaks };
}

async function readHead(path: string, n: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(n);
    await handle.read(buffer, 0, n, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

/** Reads the zip's central directory: the workbook must be there, and no entry may inflate absurdly. */
async function checkZipDirectory(path: string, size: number): Promise<void> {
  const tailSize = Math.min(size, 65_557);
  const handle = await open(path, 'r');
  try {
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new FileRejected('not a spreadsheet: a damaged zip file');
    const entries = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset + dirSize > size) throw new FileRejected('not a spreadsheet: a damaged zip file');
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    let total = 0;
    let hasWorkbook = false;
    for (let p = 0, i = 0; i < entries && p + 46 <= dir.length; i++) {
      if (dir.readUInt32LE(p) !== 0x02014b50) throw new FileRejected('not a spreadsheet: a damaged zip file');
      const compressed = dir.readUInt32LE(p + 20);
      const uncompressed = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      if (name === 'xl/workbook.xml') hasWorkbook = true;
      total += uncompressed;
      if (uncompressed > 1024 * 1024 && uncompressed > compressed * MAX_RATIO) {
        throw new FileRejected(`rejected as a zip bomb: ${name} inflates ${Math.round(uncompressed / Math.max(compressed, 1))}× to ${Math.round(uncompressed / 1024 / 1024)} MB`);
      }
      p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    if (total > MAX_UNCOMPRESSED_BYTES) throw new FileRejected(`rejected as a zip bomb: it inflates to ${Math.round(total / 1024 / 1024)} MB`);
    if (!hasWorkbook) throw new FileRejected('not a spreadsheet: a zip file without an Excel workbook inside');
  } finally {
    await handle.close();
  }
}

/** A row of the file: its number (from 1, like Excel) and its cells as strings (trimmed later). */
export interface FileRow {
  row: number;
  cells: string[];
}

/**
 * Rows of the first sheet (xlsx) or of the CSV, in batches as the file is read (one per chunk of text: a
 * 100k-row file is a few hundred batches, not 100k steps through three async generators).
 */
export async function* readRowBatches(path: string, format: FileFormat): AsyncGenerator<FileRow[]> {
  let count = 0;
  const source = format === 'xlsx' ? readXlsxRows(path) : readCsvRows(path, format === 'csv-utf8' ? 'utf-8' : 'gb18030');
  for await (const batch of source) {
    for (const item of batch) {
      if (++count > MAX_ROWS) throw new FileRejected(`more than ${MAX_ROWS} rows`);
      if (item.cells.length > MAX_COLUMNS) throw new FileRejected(`row ${item.row} has ${item.cells.length} columns; at most ${MAX_COLUMNS} are read`);
    }
    if (batch.length > 0) yield batch;
  }
}

async function* readCsvRows(path: string, encoding: string): AsyncGenerator<FileRow[]> {
  const decoder = new TextDecoder(encoding);
  const splitter = new CsvSplitter();
  let row = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    if (!(chunk instanceof Buffer)) continue;
    yield splitter.push(decoder.decode(chunk, { stream: true })).map((cells) => ({ row: ++row, cells }));
  }
  yield [...splitter.push(decoder.decode()), ...splitter.end()].map((cells) => ({ row: ++row, cells }));
}

async function* readXlsxRows(path: string): AsyncGenerator<FileRow[]> {
  try {
    for await (const sheetRows of readFirstSheet(path)) {
      const batch: FileRow[] = [];
      for (const row of sheetRows) {
        const cells: string[] = [];
        for (const cell of row.cells) {
          if (cell.column > MAX_COLUMNS) throw new FileRejected(`row ${row.row} has more than ${MAX_COLUMNS} columns`);
          if (cell.hasFormula) throw new FileRejected(`cell ${cell.address} holds a formula; paste values only (选择性粘贴 → 数值)`);
          cells[cell.column - 1] = cell.text;
        }
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        batch.push({ row: row.row, cells });
      }
      yield batch;
    }
  } catch (error) {
    if (error instanceof FileRejected) throw error;
    throw new FileRejected(`not a readable .xlsx workbook: ${error instanceof Error ? error.message : String(error)}`);
  }
}
