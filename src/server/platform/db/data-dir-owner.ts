/**
 * Who owns a DATA_DIR's embedded PostgreSQL: one Wasl process at a time, named by pid (and start time)
 * in `embedded-postgres.owner`. Kept apart from the start-up of PostgreSQL itself, which it guards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Logger {
  warn(obj: object, msg?: string): void;
}

/**
 * Refused on purpose, with what to do about it: an operator's message, not a bug, so it carries no
 * stack trace (a logger prints its message alone, and the process exits non-zero).
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use: its embedded PostgreSQL belongs to the Wasl process with pid ${ownerPid}, ` +
        'which is still running. Stop that process first, or give this one another DATA_DIR. To run several ' +
        'Wasl processes (servers, workers) on one database, start them all with the same DATABASE_URL.',
    );
    this.name = 'DataDirInUseError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** Is the process running? A zombie (exited, not yet reaped by its parent) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return os.platform() !== 'linux'; // no /proc: trust kill(0)
  }
}

/** When the process started (clock ticks since boot), to tell it from a later one given the same pid. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

export function readPid(file: string): number | null {
  try {
    const first = fs.readFileSync(file, 'utf8').split('\n')[0]?.trim();
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

interface Owner {
  pid: number;
  startTime: string | null;
}

function readOwner(file: string): Owner | null {
  const pid = readPid(file);
  if (pid === null) return null;
  const startTime = fs.readFileSync(file, 'utf8').split('\n')[1]?.trim() || null;
  return { pid, startTime };
}

/** Alive, and the same process: after a reboot its pid may belong to something else. */
function ownerAlive(owner: Owner): boolean {
  if (!isAlive(owner.pid)) return false;
  const now = startTimeOf(owner.pid);
  return owner.startTime === null || now === null || now === owner.startTime;
}

/**
 * Makes this process the owner of DATA_DIR's embedded PostgreSQL, or refuses when a live Wasl process
 * already is. The lock is written whole under a temporary name and hard-linked into place: link() fails
 * when the lock exists, so of two processes starting together exactly one wins, and no process ever
 * reads a half-written lock. A lock whose process is gone (kill -9) is taken over.
 */
export function takeOwnership(dataDir: string, log: Logger): string {
  const lockFile = path.join(dataDir, 'embedded-postgres.owner');
  const temp = `${lockFile}.${process.pid}`;
  fs.writeFileSync(temp, `${process.pid}\n${startTimeOf(process.pid) ?? ''}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.linkSync(temp, lockFile);
        return lockFile;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const owner = readOwner(lockFile);
      if (owner && owner.pid !== process.pid && ownerAlive(owner)) {
        throw new DataDirInUseError(dataDir, owner.pid);
      }
      log.warn(
        { pid: owner?.pid ?? null },
        'the Wasl process that owned the embedded PostgreSQL is gone; taking over',
      );
      fs.rmSync(lockFile, { force: true });
    }
    throw new Error(`could not take ${lockFile}: other processes keep replacing it`);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
