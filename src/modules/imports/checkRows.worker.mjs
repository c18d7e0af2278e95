// Entry of the row-checking worker thread (see checkRows.inWorker.ts). A worker does not always inherit its
// parent's TypeScript loader (test runners start theirs differently), so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./checkRows.worker.ts');
