import { parentPort } from 'node:worker_threads';
import { type CheckRowsOptions, checkRows, faultOf } from './checkRows.ts';
import type { ToWorker, WorkerMessage } from './checkRows.inWorker.ts';

// Runs checkRows for one file and posts its events; at most `credits` events wait unread, so memory stays bounded
// when the database is slower than the parser. The thread starts before it has a file (checkRows.inWorker.ts
// keeps one ready): the options come as the first message.
const port = parentPort;
if (!port) throw new Error('checkRows.worker runs only as a worker thread');
let credits = 0;
let wake: (() => void) | undefined;
const options = await new Promise<CheckRowsOptions>((resolve) => {
  port.on('message', (message: ToWorker) => {
    if (message === 'next') {
      credits++;
      wake?.();
    } else {
      credits += message.credits;
      resolve(message.options);
    }
  });
});
const post = (message: WorkerMessage) => port.postMessage(message);
try {
  for await (const event of checkRows(options)) {
    // posted as soon as it is made, then wait for a credit before making the next: nothing waits here as objects
    post({ type: 'event', event });
    credits--;
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  }
  post({ type: 'done' });
} catch (error) {
  post({ type: 'fault', fault: faultOf(error) });
}
port.close();
