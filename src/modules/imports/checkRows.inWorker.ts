import { Worker } from 'node:worker_threads';
import { type CheckedEvent, type CheckFault, type CheckRowsOptions, errorOf, faultOf } from './checkRows.ts';
import { readSharedStrings } from './xlsxReader.ts';

/** Events the worker may post before the reader has taken them. */
export const IN_FLIGHT = 2;

export type WorkerMessage = { type: 'event'; event: CheckedEvent } | { type: 'done' } | { type: 'fault'; fault: CheckFault };
/** To the worker: a credit for one more event, or (xlsx) the shared strings read here. */
export type ToWorker = 'next' | { type: 'shared-strings'; strings?: { text: string; ends: Int32Array }; fault?: CheckFault };

/**
 * checkRows in a worker thread: the file is read and checked on a second core while this thread writes to the
 * database. Same events, same errors, same order as calling checkRows directly. Stopping early (a `return` or
 * a throw in the consumer) ends the worker.
 */
export async function* checkRowsInWorker(options: CheckRowsOptions): AsyncGenerator<CheckedEvent> {
  // No inherited Node flags: the entry registers its own TypeScript loader, and a parent's --import of some
  // other hook (a profiler, a test runner) must not decide whether an import can run.
  const worker = new Worker(new URL('./checkRows.worker.mjs', import.meta.url), { workerData: options, execArgv: [] });
  // The worker needs a few hundred milliseconds to start: this thread reads the shared strings meanwhile.
  if (options.format === 'xlsx') {
    const send = (message: ToWorker) => worker.postMessage(message);
    readSharedStrings(options.path).then(
      (strings) => send({ type: 'shared-strings', strings: { text: strings.text, ends: strings.ends } }),
      (error: unknown) => send({ type: 'shared-strings', fault: faultOf(error) }),
    );
  }
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
  }
}
