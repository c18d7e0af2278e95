import { randomUUID } from 'node:crypto';
import type { ChunkWrite, CopyIn } from '../../db/bulkRows.ts';
import type { Progress } from '../../db/backup.ts';
import type { Database, Db } from '../../db/client.ts';
import { applyEnterprises, applyMemberships, applyMetrics, type Applied, type ApplyContext } from './imports.apply.ts';
import { applyFlows, applyTaxCodes } from './imports.applyFlows.ts';
import { type CheckedEvent, type CheckedRow, checkRows, ID_HEADER, rawCellsOf, USCC_HEADER } from './checkRows.ts';
import { ChunkWriter, nextTurn } from './imports.chunkWriter.ts';
import { checkRowsInWorker } from './checkRows.inWorker.ts';
import { FileRejected, inspectFile } from './imports.file.ts';
import { type FirmMatcher, importMatcher } from './imports.match.ts';
import {
  COLUMNS,
  type ImportKind,
  type ImportMode,
  type RowValue,
  type ValidationContext,
} from './imports.model.ts';
import { ImportsRepo, type KeptRow, keptRows } from './imports.repo.ts';

/** Rows per chunk (one read, one write) */
export const CHUNK = 5000;
/** The first chunk is smaller: the database starts on it while the worker reads on. */
export const FIRST_CHUNK = 1000;
/** Files from this size on are read and checked in a worker thread, beside the database writes. */
const WORKER_MIN_BYTES = 1024 * 1024;

export interface RunImport {
  regionCode: string;
  kind: ImportKind;
  mode: ImportMode;
  path: string;
  fileName: string;
  byUser: string;
  progress?: Progress;
  matcher?: FirmMatcher;
}

export interface ImportSummary {
  importId: string;
  kind: ImportKind;
  fileName: string;
  status: 'dry_run' | 'applied' | 'partial' | 'rejected' | 'unchanged';
  fileError: string | null;
  rowsTotal: number;
  rowsValid: number;
  rowsInvalid: number;
  outcomes: Record<string, number>;
}

/**
 * An import in two passes. Pass 1 streams the file, validates each row and keeps every raw row with its
 * errors (bounded memory: rows go to the database in chunks). Pass 2 applies the valid rows in one
 * transaction — only when no row is bad, or with `partial`. The same bytes applied before change nothing.
 */
export async function runImport(database: Database, options: RunImport): Promise<ImportSummary> {
  const repo = new ImportsRepo(database.db);
  const { regionCode, kind, mode } = options;
  const progress = options.progress ?? { start() {}, advance() {}, stop() {} };
  const importId = randomUUID();
  const base = { importId, kind, fileName: options.fileName, fileError: null, rowsTotal: 0, rowsValid: 0, rowsInvalid: 0, outcomes: {} };
  let inspected: Awaited<ReturnType<typeof inspectFile>>;
  try {
    inspected = await inspectFile(options.path);
  } catch (error) {
    if (!(error instanceof FileRejected)) throw error;
    await repo.create({ regionCode, id: importId, kind, fileName: options.fileName, sha256: '', status: 'rejected', fileError: error.message, byUser: options.byUser });
    return { ...base, status: 'rejected', fileError: error.message };
  }
  const earlier = await repo.findApplied(regionCode, kind, inspected.sha256);
  if (earlier) {
    return { ...base, importId: earlier.id, status: 'unchanged', rowsTotal: earlier.rowsTotal, rowsValid: earlier.rowsValid, rowsInvalid: earlier.rowsInvalid, outcomes: { unchanged: earlier.rowsValid } };
  }
  await repo.create({ regionCode, id: importId, kind, fileName: options.fileName, sha256: inspected.sha256, status: 'rejected', byUser: options.byUser });

  const ctx: ValidationContext = { towns: await repo.townsOf(regionCode), nodeIds: await repo.nodeIdsOf(regionCode), currentYear: new Date().getFullYear(), taxCodes: kind === 'flows' ? await repo.taxCodesOf(regionCode) : undefined };
  const matcher = options.matcher ?? importMatcher();
  const estimate = Math.max(inspected.lineBreaks - 2, 0);

  if (mode !== 'dry_run') {
    const status = mode === 'partial' ? 'partial' : 'applied';
    try {
      const counts = await database.bulkTransaction(async (tx, copy) => {
        const counts = await streamRows(tx, { isApplying: true, isAllOrNothing: mode === 'apply' }, copy);
        const finalStatus: 'applied' | 'partial' = counts.invalid > 0 ? status : 'applied';
        await repo.finish(regionCode, importId, { status: finalStatus, rowsTotal: counts.total, rowsValid: counts.valid, rowsInvalid: counts.invalid }, tx);
        return { ...counts, status: finalStatus };
      });
      return { ...base, status: counts.status, rowsTotal: counts.total, rowsValid: counts.valid, rowsInvalid: counts.invalid, outcomes: await repo.outcomeCounts(regionCode, importId) };
    } catch (error) {
      // A bad row or a bad file rolled back everything applied so far; the rows are read again, only to keep them.
      if (!(error instanceof FileRejected) && !(error instanceof RowsRejected)) throw error;
    }
  }
  let fileError: string | null = null;
  let counts = { total: 0, valid: 0, invalid: 0 };
  try {
    counts = await streamRows(database.db, { isApplying: false, isAllOrNothing: false });
  } catch (error) {
    if (!(error instanceof FileRejected)) throw error;
    fileError = error.message;
    counts = error.counts ?? counts;
  }
  const rowsPatch = { rowsTotal: counts.total, rowsValid: counts.valid, rowsInvalid: counts.invalid };
  const status: 'dry_run' | 'rejected' = mode === 'dry_run' && fileError === null ? 'dry_run' : 'rejected';
  await repo.finish(regionCode, importId, { status, fileError, ...rowsPatch });
  return { ...base, status, fileError, ...rowsPatch, outcomes: await repo.outcomeCounts(regionCode, importId) };

  /**
   * Streams the file in chunks: validate, resolve firm keys, (apply,) store the raw rows with outcomes.
   * All-or-nothing applying stops at the first chunk with a bad row (RowsRejected rolls the transaction back).
   */
  async function streamRows(db: Db, how: { isApplying: boolean; isAllOrNothing: boolean }, copy?: CopyIn): Promise<Counts> {
    const counts: Counts = { total: 0, valid: 0, invalid: 0 };
    let closingWrites: ChunkWrite[] = [];
    // A chunk's writes wait until the next chunk has read what it needs (readsDone), then run while that chunk is
    // matched and built. The next chunk's reads cannot depend on them: a row repeating an earlier row's firm is a
    // duplicate-row error, and a firm written by this import is known to the matcher and to `touched` in memory.
    const writer = new ChunkWriter(db, copy);
    // The next chunk is asked for before this one is applied. When it has arrived by the time this chunk has read
    // what it needs, its own reads are sent right behind the write just started, so that they are done when it
    // comes to them (the database reads while JavaScript builds this chunk).
    let upcoming: LookAhead | undefined;
    const prefetchNext = () => {
      const arrived = upcoming?.arrived;
      upcoming = undefined;
      if (!how.isApplying || kind !== 'enterprises' || !matcher.prefetch || !arrived || arrived.done || arrived.value.type !== 'rows') return;
      const firms = arrived.value.rows.flatMap((r) => (r.value?.kind === 'enterprises' ? [{ sourceKey: '', name: r.value.name, uscc: r.value.uscc, address: r.value.address }] : []));
      matcher.prefetch(db, regionCode, firms, (read) => writer.after(read));
    };
    const readsDone = () => {
      writer.start();
      prefetchNext();
    };
    const applyCtx: ApplyContext = { tx: db, regionCode, importId, touched: new Map(), defer: (statement) => closingWrites.push(statement), readsDone, writesIdle: () => writer.idle() };
    let hasHeader = false;
    const seen = new Map<string, number>();
    const keepRows = (rows: KeptRow[]) => {
      writer.queue([...closingWrites, ...(rows.length > 0 ? [keptRows(regionCode, importId, rows)] : [])]);
      closingWrites = [];
    };
    const flushPending = async (rows: CheckedRow[]) => {
      await writer.idle();
      try {
        await flush(db, rows, seen, counts, how.isApplying ? applyCtx : undefined, keepRows);
      } catch (error) {
        const failedWrite = await writer.abandon(); // a failed write is the cause: throw it instead
        throw failedWrite ? failedWrite.error : error;
      }
      if (how.isAllOrNothing && counts.invalid > 0) throw new RowsRejected();
    };
    progress.start(estimate, how.isApplying ? '导入 importing' : '校验 checking');
    const checking = { path: options.path, format: inspected.format, kind, ctx, chunkSize: CHUNK, firstChunkSize: FIRST_CHUNK };
    const events = inspected.bytes >= WORKER_MIN_BYTES ? checkRowsInWorker(checking) : checkRows(checking);
    try {
      for (let next = lookAhead(events), current = await next.result; !current.done; current = await next.result) {
        const event = current.value;
        if (event.type === 'bad-header') {
          const rawJson = JSON.stringify(Object.fromEntries(event.cells.map((c, i) => [String(i + 1), c])));
          if (!how.isApplying) await repo.addRows(regionCode, importId, [{ rowNumber: event.row, rawJson, outcome: 'invalid', errors: event.errors, enterpriseId: null, fields: null }]);
          throw new FileRejected(`the header row does not match the ${kind} template: ${event.errors.map((e) => `${e.column} (${e.reason})`).join('; ')}`, counts);
        }
        hasHeader = true;
        next = lookAhead(events);
        upcoming = next;
        await flushPending(event.rows);
      }
      if (!hasHeader) throw new FileRejected('the file is empty: no header row', counts);
      await writer.finish();
      if (counts.total === 0) throw new FileRejected('the file has no data rows under the header', counts);
      return counts;
    } catch (error) {
      if (error instanceof FileRejected && !error.counts) throw new FileRejected(error.message, counts);
      throw error;
    } finally {
      // Never leave a write running into a rolled-back transaction; stop reading the file (ends the worker).
      await writer.abandon();
      await events.return(undefined);
      progress.stop();
    }
  }

  /** Resolves firm keys against the registry, flags rows repeated in the file, applies (optionally) and stores the chunk. */
  async function flush(db: Db, chunk: CheckedRow[], seen: Map<string, number>, counts: Counts, applyCtx: ApplyContext | undefined, keepRows: (rows: KeptRow[]) => void): Promise<void> {
    if (chunk.length === 0) return;
    const isFirmKeyed = kind === 'metrics' || kind === 'memberships';
    const keys = chunk.map((p) => (isFirmKeyed ? (p.firmKey ?? null) : null));
    const flowCodes = kind === 'flows' ? chunk.flatMap((p) => (p.value?.kind === 'flows' ? [p.value.sellerUscc, p.value.buyerUscc] : [])) : [];
    const firms = isFirmKeyed || kind === 'flows' ? await new ImportsRepo(db).firmIds(regionCode, [...keys.flatMap((k) => (k?.uscc ? [k.uscc] : [])), ...flowCodes], keys.flatMap((k) => (k?.id ? [k.id] : []))) : undefined;
    // the firm (and a flow's seller) each row names, by position in the chunk: no per-row copies of the rows
    const enterpriseIds: (string | null)[] = new Array(chunk.length);
    const sellerIds: (string | null)[] = new Array(chunk.length);
    const valid: number[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const p = chunk[i] as CheckedRow;
      let enterpriseId: string | null = null;
      const value = p.value;
      const key = keys[i];
      if (key && firms) {
        enterpriseId = key.uscc ? (firms.byUscc.get(key.uscc) ?? null) : firms.byId.has(key.id) ? key.id : null;
        if (!enterpriseId) p.errors.push({ row: p.row, column: key.uscc ? USCC_HEADER : ID_HEADER, value: key.uscc || key.id, reason: 'no such firm in this region; import it under 企业名录 first' });
      }
      let sellerId: string | null = null;
      if (value?.kind === 'flows' && firms) {
        enterpriseId = firms.byUscc.get(value.buyerUscc) ?? null;
        sellerId = firms.byUscc.get(value.sellerUscc) ?? null;
        if (!enterpriseId) p.errors.push({ row: p.row, column: BUYER_HEADER, value: value.buyerUscc, reason: 'the buyer is not a firm of this region; import it under 企业名录 first' });
      }
      const dupKey = value === null ? null : duplicateKey(value, enterpriseId);
      if (dupKey && p.errors.length === 0) {
        const first = seen.get(dupKey);
        const column = COLUMNS[kind][value?.kind === 'enterprises' && !value.uscc ? 1 : 0];
        if (first !== undefined && column) p.errors.push({ row: p.row, column: column.header, value: rawCellsOf(p)[column.header] ?? '', reason: `the same record appears in row ${first}` });
        else seen.set(dupKey, p.row);
      }
      counts.total++;
      if (p.errors.length === 0) {
        counts.valid++;
        valid.push(i);
      } else counts.invalid++;
      enterpriseIds[i] = enterpriseId;
      sellerIds[i] = sellerId;
    }
    const outcomes = new Map<number, Applied>();
    if (applyCtx) {
      for (const a of await applyChunk(applyCtx, valid.map((i) => ({ row: chunk[i] as CheckedRow, enterpriseId: enterpriseIds[i] ?? null, sellerId: sellerIds[i] ?? null })))) outcomes.set(a.rowNumber, a);
    }
    await nextTurn(); // the previous chunk's next write goes out (imports.chunkWriter.ts)
    const kept: KeptRow[] = new Array(chunk.length);
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as CheckedRow;
      const applied = outcomes.get(c.row);
      const isInvalid = c.errors.length > 0;
      kept[i] = { rowNumber: c.row, rawJson: c.rawJson, outcome: isInvalid ? 'invalid' : (applied?.outcome ?? 'valid'), errors: isInvalid ? c.errors : null, enterpriseId: applied?.enterpriseId ?? enterpriseIds[i] ?? null, fields: applied?.fields ?? null };
    }
    await nextTurn(); // the previous chunk's next write goes out (imports.chunkWriter.ts)
    keepRows(kept);
    progress.advance(chunk.length);
  }

  async function applyChunk(applyCtx: ApplyContext, rows: { row: CheckedRow; enterpriseId: string | null; sellerId: string | null }[]): Promise<Applied[]> {
    // one kind per import: the rows' values are all of it (a valid row always has its value)
    const of = <K extends RowValue['kind']>(k: K) => {
      const out: { rowNumber: number; enterpriseId: string; sellerId: string | null; value: Extract<RowValue, { kind: K }>; nameKeys: CheckedRow['nameKeys']; insertFieldsJson: string | undefined }[] = [];
      for (const { row, enterpriseId, sellerId } of rows) {
        const value = row.value;
        if (value?.kind === k) out.push({ rowNumber: row.row, enterpriseId: enterpriseId ?? '', sellerId, value: value as Extract<RowValue, { kind: K }>, nameKeys: row.nameKeys, insertFieldsJson: row.insertFieldsJson });
      }
      return out;
    };
    if (kind === 'flows') return applyFlows(applyCtx, of('flows'));
    if (kind === 'taxcodes') return applyTaxCodes(applyCtx, of('taxcodes'));
    if (kind === 'enterprises') return applyEnterprises(applyCtx, of('enterprises'), matcher);
    if (kind === 'metrics') return applyMetrics(applyCtx, of('metrics'));
    return applyMemberships(applyCtx, of('memberships'));
  }
}

/** The next event of the row checker, asked for ahead of need; `arrived` once it has. */
interface LookAhead {
  result: Promise<IteratorResult<CheckedEvent>>;
  arrived?: IteratorResult<CheckedEvent>;
}

function lookAhead(events: AsyncGenerator<CheckedEvent>): LookAhead {
  const ahead: LookAhead = { result: events.next() };
  ahead.result.then(
    (arrived) => {
      ahead.arrived = arrived;
    },
    () => undefined, // a fault is thrown where the result is awaited
  );
  return ahead;
}

interface Counts {
  total: number;
  valid: number;
  invalid: number;
}

/** Thrown inside the apply transaction when an all-or-nothing import meets a bad row: rolls back. */
class RowsRejected extends Error {}

const BUYER_HEADER = '购方统一社会信用代码';

/**
 * Two rows of one file with this key are the same record: the second is an error. A file holds one kind of row,
 * so the keys of different kinds never meet (a firm's key is its USCC or name as it is: no string made per row).
 */
function duplicateKey(value: RowValue, enterpriseId: string | null): string | null {
  switch (value.kind) {
    case 'enterprises':
      return value.uscc ?? value.name;
    case 'metrics':
      return enterpriseId ? `${enterpriseId}|${value.year}` : null;
    case 'memberships':
      return enterpriseId ? `${enterpriseId}|${value.nodeId}` : null;
    case 'flows':
      return enterpriseId ? `${value.period}|${value.sellerUscc}|${enterpriseId}|${value.nodeId}` : null;
    case 'taxcodes':
      return value.taxCode;
  }
}
