import type { Database } from './client.ts';

export interface Maintenance {
  stop(): void;
}

/**
 * Runs `database.maintain()` every `everyMs` while the server runs (it matters on PGlite, which has no
 * background workers; see Database.maintain). One run at a time; a failed run is logged and the next one
 * tries again. The timer does not keep the process alive.
 */
export function scheduleMaintenance(database: Database, options: { everyMs: number; log: (line: string) => void }): Maintenance {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const started = Date.now();
    database
      .maintain()
      .then(() => options.log(`database maintenance (vacuum, analyze, checkpoint) in ${Date.now() - started} ms`))
      .catch((error: unknown) => options.log(`database maintenance failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  }, options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
