/**
 * A lock file that makes one process the queue's only writer. A lock left by a process that
 * no longer runs (after a crash or `kill -9`) is taken over. The file holds the owner's pid
 * and the machine's boot time, so a pid reused after a reboot does not keep the lock.
 */

import {
  closeSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";

import { uptime } from "node:os";

const FRESH_LOCK_MS = 5_000;
/** Boot times computed at different moments differ by clock drift; this absorbs it. */
const BOOT_TIME_TOLERANCE_S = 120;

export class QueueLockedError extends Error {
  override readonly name = "QueueLockedError";
}

export class QueueLock {
  private constructor(private readonly path: string) {}

  static acquire(path: string): QueueLock {
    for (let tries = 0; tries < 2; tries++) {
      try {
        const fd = openSync(path, "wx", 0o600);
        writeSync(fd, `${process.pid} ${bootTimeSeconds()}`);
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
      // NOTE: two processes that find the same stale lock at once can both take it over. The
      // app's single-instance lock prevents this between app windows, but not app and CLI.
      const [pidText = "", bootText] = ownerText.split(" ");
      const owner = Number.parseInt(pidText, 10);
      const bootedBefore =
        bootText !== undefined &&
        Math.abs(Number(bootText) - bootTimeSeconds()) > BOOT_TIME_TOLERANCE_S;
      if (
        Number.isInteger(owner) &&
        owner !== process.pid &&
        !bootedBefore &&
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
    if (readOwner(this.path).split(" ")[0] === String(process.pid)) {
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

/** Returns when this machine booted, in Unix seconds. */
export function bootTimeSeconds(): number {
  return Math.round(Date.now() / 1000 - uptime());
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
