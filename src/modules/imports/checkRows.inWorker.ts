import { Worker } from 'node:worker_threads';
import { type CheckedEvent, type CheckFault, type CheckRowsOptions, errorOf } from './checkRows.ts';

/** Events the worker may post before the reader has taken them. */
export const IN_FLIGHT = 2;

export type WorkerMessage = { type: 'event'; event: CheckedEvent } | { type: 'done' } | { type: 'fault'; fault: CheckFault };
/** To the worker: the file to check (first), then a credit for each event taken. */
export type ToWorker = { type: 'check'; options: CheckRowsOptions } | 'next';

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
  const worker = spare ?? startWorker();
  spare = undefined;
  worker.ref();
  worker.postMessage({ type: 'check', options } satisfies ToWorker);
  const inbox: (WorkerMessage | { type: 'exit'; code: number })[] = [];
  let wake: (() => void) | undefined;
  const deliver = (message: (typeof inbox)[number]) => {
    inbox.push(message);
    wake?.();
  };
  worker.on('message', (message: WorkerMessage) => deliver(message));
  worker.on('error', (error) => deliver({ type: 'fault', fault: { message: error.message, isFileRejected: false } }));
  worker.on('exit', (code) => deliver({ type: 'exit', code }));
  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (!message || message.type === 'done') return;
      if (message.type === 'fault') throw errorOf(message.fault);
      if (message.type === 'exit') throw new Error(`the row-checking worker stopped (exit code ${message.code}) before the end of the file`);
      yield message.event;
      worker.postMessage('next' satisfies ToWorker);
    }
  } finally {
    await worker.terminate();
    if (keepsSpare) spare ??= startWorker();
  }
}
