import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../shared/errors.ts';

export interface DirLock {
  release(): void;
}

/**
 * An exclusive lock on a PGlite data folder. PGlite itself does not guard its folder, and two processes
 * writing one folder corrupt it. The lock file holds the owner's pid; a lock whose process has died is stale
 * and is taken over.
 */
export function acquireDirLock(dir: string): DirLock {
  const file = join(dir, 'cluster-brain.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
      const owner = readOwner(file);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        throw new DomainError(
          'DATA_DIR_LOCKED',
          { dataDir: dir, pid: owner },
          `the data folder ${dir} is in use by process ${owner}; stop it first or set DATA_DIR to another folder`,
        );
      }
      if (owner === process.pid) {
        throw new DomainError('DATA_DIR_LOCKED', { dataDir: dir, pid: owner }, `the data folder ${dir} is already open in this process`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new DomainError('DATA_DIR_LOCKED', { dataDir: dir }, `could not lock the data folder ${dir}`);
}

function readOwner(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM');
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
