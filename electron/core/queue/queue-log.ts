/**
 * Durable storage for the offline queue: an append-only log of JSON lines, one fsync per
 * change, so enqueue cost does not grow with the queue. The log is compacted into a fresh file
 * (temp, fsync, rename) once dead records outnumber live items.
 *
 * Account numbers are stored in clear (mode 0600), so a keychain change never strands a queued
 * check. Results are sealed with the cipher because they are credit information.
 */

import {
  closeSync,
  copyFileSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
} from "node:fs";
import type { Cipher } from "../cipher";
import { writeAll, writeFileAtomic } from "../key-value-store";
import type { QueueItem } from "./queue-item";
import {
  decodeLog,
  encodeHeader,
  encodeRecord,
  type LogRecord,
} from "./queue-log-format";

export interface LoadedQueue {
  items: Map<string, QueueItem>;
  /** Set when part of the file could not be read; the original was copied aside. */
  corruptCopyPath: string | null;
}

/** Compact once the log has this many more records than live items. */
const COMPACTION_SLACK = 1_000;

export class QueueLog {
  private fd: number | null = null;
  private recordCount = 0;

  constructor(
    private readonly path: string,
    private readonly cipher: Cipher,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads the log, migrating older formats and salvaging what it can from a damaged file. */
  load(): LoadedQueue {
    let text = "";
    if (existsSync(this.path)) {
      text = readFileSync(this.path, "utf8");
    }
    const decoded = decodeLog(text, this.cipher);

    let corruptCopyPath: string | null = null;
    if (decoded.damaged) {
      corruptCopyPath = `${this.path}.corrupt-${this.now()}`;
      copyFileSync(this.path, corruptCopyPath);
    }

    // Rewrite on every start: it drops a torn last line, applies migrations and compacts.
    this.rewrite(decoded.items);
    return { items: decoded.items, corruptCopyPath };
  }

  /**
   * Appends one change and waits until it is on disk. A failed write (a full disk) is cut off
   * again, so the next append does not land behind half a line. The error reaches the caller.
   */
  append(record: LogRecord): void {
    if (this.fd === null) {
      throw new Error("The queue log is not open.");
    }
    const bytes = Buffer.from(encodeRecord(record, this.cipher), "utf8");
    const start = fstatSync(this.fd).size;
    try {
      writeAll(this.fd, bytes);
      fsyncSync(this.fd);
    } catch (error) {
      ftruncateSync(this.fd, start);
      throw error;
    }
    this.recordCount++;
  }

  /** Rewrites the log once dead records outnumber live items. */
  compactIfNeeded(liveItems: Map<string, QueueItem>): void {
    if (this.recordCount > liveItems.size * 2 + COMPACTION_SLACK) {
      this.rewrite(liveItems);
    }
  }

  close(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
  }

  private rewrite(items: Map<string, QueueItem>): void {
    this.close();
    const lines = [encodeHeader()];
    for (const item of items.values()) {
      lines.push(encodeRecord({ put: item }, this.cipher));
    }
    writeFileAtomic(this.path, lines.join(""));
    this.recordCount = items.size;

    this.fd = openSync(this.path, "a", 0o600);
  }
}
