/**
 * A lock file that makes one process the queue's only writer. A lock left by a process that
 * no longer runs (after a crash or `kill -9`) is taken over.
 */

import {
  closeSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";

const FRESH_LOCK_MS = 5_000;

export class QueueLockedError extends Error {
  override readonly name = "QueueLockedError";
}

export class QueueLock {
  private constructor(private readonly path: string) {}

  static acquire(path: string): QueueLock {
    for (let tries = 0; tries < 2; tries++) {
      try {
        const fd = openSync(path, "wx", 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new QueueLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
          throw error;
        }
      }

      const ownerText = readOwner(path);
      if (ownerText === "" && isFresh(path)) {
        // Another process has created the lock and is about to write its pid.
        throw new QueueLockedError(
          "The offline queue is being opened by another process.",
        );
      }
      // NOTE: two processes that find the same stale lock at once can both take it over; the
      // app's single-instance lock keeps that from happening between app windows.
      const owner = Number.parseInt(ownerText, 10);
      if (
        Number.isInteger(owner) &&
        owner !== process.pid &&
        isRunning(owner)
      ) {
        throw new QueueLockedError(
          `The offline queue is open in another process (pid ${owner}); close it and try again.`,
        );
      }
      rmSync(path, { force: true });
    }
    throw new QueueLockedError(`Could not take the queue lock ${path}.`);
  }

  release(): void {
    if (readOwner(this.path) === String(process.pid)) {
      rmSync(this.path, { force: true });
    }
  }
}

function readOwner(path: string): string {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return "";
  }
}

/** True for a lock file written in the last few seconds. */
function isFresh(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < FRESH_LOCK_MS;
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
