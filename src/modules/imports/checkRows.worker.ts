import { parentPort, workerData } from 'node:worker_threads';
import { type CheckRowsOptions, checkRows, errorOf, faultOf, type GivenParts } from './checkRows.ts';
import { IN_FLIGHT, type ToWorker, type WorkerMessage } from './checkRows.inWorker.ts';
import { PackedStrings } from './sheetXml.model.ts';
import { XlsxError } from './xlsxReader.ts';

// Runs checkRows and posts its events; at most IN_FLIGHT events wait unread, so memory stays bounded when the
// database is slower than the parser. An xlsx file's shared strings come from the parent, which reads them
// while this thread starts.
const port = parentPort;
if (!port) throw new Error('checkRows.worker runs only as a worker thread');
const options = workerData as CheckRowsOptions;
let credits = IN_FLIGHT;
let wake: (() => void) | undefined;
let given: GivenParts | undefined;
let deliverStrings: ((message: Extract<ToWorker, { type: 'shared-strings' }>) => void) | undefined;
if (options.format === 'xlsx') {
  given = {
    sharedStrings: new Promise((resolve, reject) => {
      deliverStrings = (message) => (message.fault ? reject(message.fault.isFileRejected ? errorOf(message.fault) : new XlsxError(message.fault.message)) : resolve(message.strings ? new PackedStrings(message.strings.text, message.strings.ends) : []));
    }),
  };
  given.sharedStrings.catch(() => undefined); // a fault is thrown where the strings are awaited, if they are
}
port.on('message', (message: ToWorker) => {
  if (message === 'next') {
    credits++;
    wake?.();
  } else deliverStrings?.(message);
});
const post = (message: WorkerMessage) => port.postMessage(message);
try {
  for await (const event of checkRows(options, given)) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    post({ type: 'event', event });
  }
  post({ type: 'done' });
} catch (error) {
  post({ type: 'fault', fault: faultOf(error) });
}
port.close();
