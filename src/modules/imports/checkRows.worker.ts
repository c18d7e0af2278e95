import { parentPort, workerData } from 'node:worker_threads';
import { type CheckRowsOptions, checkRows, faultOf } from './checkRows.ts';
import { IN_FLIGHT, type WorkerMessage } from './checkRows.inWorker.ts';

// Runs checkRows and posts its events; at most IN_FLIGHT events wait unread, so memory stays bounded when the
// database is slower than the parser.
const port = parentPort;
if (!port) throw new Error('checkRows.worker runs only as a worker thread');
let credits = IN_FLIGHT;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits++;
  wake?.();
});
const post = (message: WorkerMessage) => port.postMessage(message);
try {
  for await (const event of checkRows(workerData as CheckRowsOptions)) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    post({ type: 'event', event });
  }
  post({ type: 'done' });
} catch (error) {
  post({ type: 'fault', fault: faultOf(error) });
}
port.close();
