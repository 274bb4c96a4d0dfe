/**
 * Measures the cost of `CheckQueue.enqueue` (append plus fsync) with a small and a large queue,
 * to show that it does not grow with the number of pending items.
 *
 *   npx tsx scripts/bench-queue.ts [--samples N]
 *
 * The large queue is written straight to a version 2 log with the queue's own record encoder,
 * because 10,000 enqueues with one fsync each would take longer than the measurement itself.
 * `CheckQueue.open` then loads that file like any other.
 */

import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { AesGcmCipher } from "../electron/core/aes-gcm-cipher";
import { toCheckError } from "../electron/core/kraken-errors";
import { CheckQueue, QUEUE_FILE } from "../electron/core/queue/check-queue";
import type { QueueItem } from "../electron/core/queue/queue-item";
import {
  encodeHeader,
  encodeRecord,
} from "../electron/core/queue/queue-log-format";

const QUEUE_SIZES = [10, 10_000];
const WARM_UP_ENQUEUES = 20;
const COLUMNS = [
  "pending",
  "samples",
  "mean ms",
  "p95 ms",
  "max ms",
  "open ms",
  "file before",
  "file after",
];

interface Measurement {
  pendingBefore: number;
  samples: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
  openMs: number;
  fileBytesBefore: number;
  fileBytesAfter: number;
}

function readSampleCount(): number {
  const { values } = parseArgs({
    options: { samples: { type: "string", default: "1000" } },
  });
  const samples = Number(values.samples);
  if (!Number.isInteger(samples) || samples < 1) {
    throw new Error(
      `--samples must be a whole number of at least 1, got "${values.samples}".`,
    );
  }
  return samples;
}

/** Account numbers that differ from each other and from those of other rounds. */
function accountNumber(round: number, index: number): string {
  return `A-${(round * 0x1000000 + index).toString(16).toUpperCase()}`;
}

/** Writes a version 2 queue log with `count` pending items. */
function writePendingLog(
  dataDir: string,
  count: number,
  cipher: AesGcmCipher,
): void {
  const queuedAt = Date.now();
  const lines = [encodeHeader()];
  for (let index = 0; index < count; index++) {
    const item: QueueItem = {
      id: `bench-${index}`,
      accountNumber: accountNumber(1, index),
      owner: null,
      state: "pending",
      attempts: 0,
      queuedAt: queuedAt + index,
      updatedAt: queuedAt + index,
      nextAttemptAt: null,
      result: null,
      error: null,
    };
    lines.push(encodeRecord({ put: item }, cipher));
  }
  writeFileSync(join(dataDir, QUEUE_FILE), lines.join(""), { mode: 0o600 });
}

function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(
    sorted.length - 1,
    Math.ceil(fraction * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function measure(pending: number, samples: number): Measurement {
  const dataDir = mkdtempSync(join(tmpdir(), "bench-queue-"));
  try {
    const cipher = new AesGcmCipher();
    writePendingLog(dataDir, pending, cipher);
    const logPath = join(dataDir, QUEUE_FILE);

    const openStart = performance.now();
    const queue = CheckQueue.open({ dataDir, cipher, toCheckError });
    const openMs = performance.now() - openStart;
    const fileBytesBefore = statSync(logPath).size;

    for (let index = 0; index < WARM_UP_ENQUEUES; index++) {
      queue.enqueue(accountNumber(2, index));
    }
    const durations: number[] = [];
    for (let index = 0; index < samples; index++) {
      const account = accountNumber(3, index);
      const start = performance.now();
      queue.enqueue(account);
      durations.push(performance.now() - start);
    }
    queue.close();

    const sorted = [...durations].sort((a, b) => a - b);
    const total = durations.reduce((sum, value) => sum + value, 0);
    return {
      pendingBefore: pending,
      samples,
      meanMs: total / samples,
      p95Ms: percentile(sorted, 0.95),
      maxMs: sorted.at(-1) ?? Number.NaN,
      openMs,
      fileBytesBefore,
      fileBytesAfter: statSync(logPath).size,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function formatRow(cells: string[]): string {
  const widths = [9, 9, 10, 10, 10, 10, 12, 12];
  return cells
    .map((cell, index) => cell.padStart(widths[index] ?? 10))
    .join(" ");
}

function main(): void {
  const samples = readSampleCount();
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  process.stdout.write(
    `enqueue cost with fsync, ${samples} enqueues per size, temp folder ${tmpdir()}\n` +
      `node ${process.version}, ${cpus().length} x ${cpu}\n\n`,
  );
  process.stdout.write(`${formatRow(COLUMNS)}\n`);
  for (const pending of QUEUE_SIZES) {
    const result = measure(pending, samples);
    process.stdout.write(
      `${formatRow([
        String(result.pendingBefore),
        String(result.samples),
        result.meanMs.toFixed(3),
        result.p95Ms.toFixed(3),
        result.maxMs.toFixed(3),
        result.openMs.toFixed(1),
        `${(result.fileBytesBefore / 1024).toFixed(1)} KiB`,
        `${(result.fileBytesAfter / 1024).toFixed(1)} KiB`,
      ])}\n`,
    );
  }
}

main();
