import { Worker } from 'node:worker_threads';
import { type CheckedEvent, type CheckedRow, type CheckFault, type CheckRowsOptions, errorOf } from './checkRows.ts';

/** Chunks of rows the worker may have checked before the reader has taken them. */
export const IN_FLIGHT = 2;
/**
 * Rows the worker checks and posts at a time: the reader's chunks are put together here from parts this size. A
 * part leaves the thread before its young-generation collector has had to copy it; a 5,000-row chunk made there
 * lived through a few collections (the thread's scavenges of the 100k-row bench file: 530–610 ms with whole
 * chunks, 210–220 ms with 400-row parts).
 */
const PART_ROWS = 400;

export type WorkerMessage = { type: 'event'; event: CheckedEvent } | { type: 'done' } | { type: 'fault'; fault: CheckFault };
/** To the worker: the file to check and how many events it may post ahead (first), then a credit for each event taken. */
export type ToWorker = { type: 'check'; options: CheckRowsOptions; credits: number } | 'next';

/**
 * A row-checking thread needs ~300 ms to start (its TypeScript loader, the pinyin dictionary) before it reads a
 * row. A process that imports (the server, the import command) starts one ahead (`prestartRowChecker`), and a
 * new one after each import that took it, so that an import's first rows come within a few tens of
 * milliseconds. The waiting thread does not keep the process alive.
 */
let spare: Worker | undefined;
let keepsSpare = false;

/** Starts a row-checking thread now, for the next import to take; from now on one is kept ready. */
export function prestartRowChecker(): void {
  keepsSpare = true;
  spare ??= startWorker();
}

function startWorker(): Worker {
  // No inherited Node flags: the entry registers its own TypeScript loader, and a parent's --import of some
  // other hook (a profiler, a test runner) must not decide whether an import can run.
  const worker = new Worker(new URL('./checkRows.worker.mjs', import.meta.url), { execArgv: [] });
  worker.unref();
  const drop = () => {
    if (spare === worker) spare = undefined;
  };
  // a thread that fails before an import takes it is dropped; one that fails after is that import's fault
  worker.once('error', drop);
  worker.once('exit', drop);
  return worker;
}

/**
 * checkRows in a worker thread: the file is read and checked on a second core while this thread writes to the
 * database. Same events, same errors, same order as calling checkRows directly. Stopping early (a `return` or
 * a throw in the consumer) ends the worker.
 */
export async function* checkRowsInWorker(options: CheckRowsOptions): AsyncGenerator<CheckedEvent> {
  const part = Math.min(PART_ROWS, options.chunkSize, options.firstChunkSize ?? options.chunkSize);
  const worker = spare ?? startWorker();
  spare = undefined;
  worker.ref();
  const inParts: CheckRowsOptions = { ...options, chunkSize: part, firstChunkSize: part };
  worker.postMessage({ type: 'check', options: inParts, credits: IN_FLIGHT * Math.ceil(options.chunkSize / part) } satisfies ToWorker);
  const inbox: (WorkerMessage | { type: 'exit'; code: number })[] = [];
  let wake: (() => void) | undefined;
  const deliver = (message: (typeof inbox)[number]) => {
    inbox.push(message);
    wake?.();
  };
  worker.on('message', (message: WorkerMessage) => deliver(message));
  worker.on('error', (error) => deliver({ type: 'fault', fault: { message: error.message, isFileRejected: false } }));
  worker.on('exit', (code) => deliver({ type: 'exit', code }));
  // the chunks checkRows would give, put together from the parts: the same sizes, and a last (maybe empty) chunk
  // whenever there was a header
  let chunk: CheckedRow[] = [];
  let size = options.firstChunkSize ?? options.chunkSize;
  let hasHeader = false;
  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (!message || message.type === 'done') {
        if (hasHeader) yield { type: 'rows', rows: chunk };
        return;
      }
      if (message.type === 'fault') throw errorOf(message.fault);
      if (message.type === 'exit') throw new Error(`the row-checking worker stopped (exit code ${message.code}) before the end of the file`);
      worker.postMessage('next' satisfies ToWorker);
      const event = message.event;
      if (event.type !== 'rows') {
        yield event;
        continue;
      }
      hasHeader = true;
      for (const row of event.rows) {
        chunk.push(row);
        if (chunk.length < size) continue;
        yield { type: 'rows', rows: chunk };
        chunk = [];
        size = options.chunkSize;
      }
    }
  } finally {
    await worker.terminate();
    if (keepsSpare) spare ??= startWorker();
  }
}
