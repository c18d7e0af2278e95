import cliProgress from 'cli-progress';
import type { Progress } from '../db/backup.ts';

/** A progress bar on stderr when it is a terminal and output is not --json; silent otherwise. */
export function createProgress(isJson: boolean): Progress {
  if (isJson || !process.stderr.isTTY) return { start() {}, advance() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{label} [{bar}] {percentage}% {value}/{total} rows', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let isStarted = false;
  return {
    start(total, label) {
      bar.start(Math.max(total, 1), 0, { label });
      isStarted = true;
    },
    advance(by) {
      if (!isStarted) return;
      if (bar.getTotal() < bar.getProgress() * bar.getTotal() + by) bar.setTotal(bar.getTotal() + by);
      bar.increment(by);
    },
    stop() {
      if (isStarted) bar.stop();
      isStarted = false;
    },
  };
}
