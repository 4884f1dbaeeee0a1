// Two processes opening one PGlite data dir get no error from PGlite and silently corrupt it, so the embedded
// store takes an exclusive lock file first. A lock left by a process that died is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirInUseError extends Error {
  readonly code = 'data_dir_in_use';
  constructor(dataDir: string, pid: number) {
    super(
      `The data directory ${dataDir} is in use by another m365hub process (pid ${pid}). ` +
        'Stop that process, or give this one its own M365HUB_DATA_DIR; to run several processes on one database use PostgreSQL (DATABASE_URL).',
    );
    this.name = 'DataDirInUseError';
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Locks this process holds: a lock file naming our own pid is ours only if we took it (else the pid was reused).
const heldHere = new Set<string>();

/** Takes the lock; returns a function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'db.lock');
  if (heldHere.has(lockFile)) throw new DataDirInUseError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(lockFile);
      return () => {
        heldHere.delete(lockFile);
        try {
          if (readFileSync(lockFile, 'utf8') === String(process.pid)) unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && processIsAlive(owner)) {
        throw new DataDirInUseError(dataDir, owner);
      }
      unlinkSync(lockFile); // stale: its process is gone
    }
  }
  throw new Error(`could not take the lock ${lockFile}`);
}
