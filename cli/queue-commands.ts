/**
 * `queue add|list|sync`: the app's offline queue from the terminal, on the same files the app
 * uses. Results are sealed with a key kept in the data folder, because the CLI has no keychain.
 */

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAccountNumber } from "../shared/account-number";
import { AesGcmCipher } from "../electron/core/aes-gcm-cipher";
import { runCreditCheck } from "../electron/core/credit-check";
import { writeFileAtomic } from "../electron/core/key-value-store";
import { KrakenClient } from "../electron/core/kraken-client";
import { toCheckError } from "../electron/core/kraken-errors";
import {
  createStreamLogger,
  silentLogger,
  type Logger,
} from "../electron/core/logger";
import { CheckQueue } from "../electron/core/queue/check-queue";
import type { QueueItemView } from "../shared/views";
import { UsageError, type CliOptions, type Command } from "./arguments";
import type { Credentials } from "./credentials";
import { signInForRun } from "./sign-in";

export const EXIT_QUEUE_PENDING = 3;
const EXIT_USAGE = 2;

type QueueCommand = Extract<
  Command,
  { kind: "queue-add" | "queue-list" | "queue-sync" }
>;

const KEY_FILE = "cli-queue.key";
const RATE_VARIABLE = "FIELD_CREDIT_CHECK_QUEUE_RATE";
const DEFAULT_REQUESTS_PER_SECOND = 4;

export async function runQueueCommand(
  command: QueueCommand,
  options: CliOptions & { dataDir: string | null },
  fallback: Credentials | null,
): Promise<number> {
  const dataDir = options.dataDir ?? "";
  if (dataDir.trim() === "") {
    throw new UsageError("--data-dir needs a folder path.");
  }
  const logger = process.env.FIELD_CREDIT_CHECK_DEBUG
    ? createStreamLogger((line) => process.stderr.write(line))
    : silentLogger;
  const queue = CheckQueue.open({
    dataDir,
    cipher: new AesGcmCipher(loadOrCreateKey(dataDir)),
    requestsPerSecond: readRequestsPerSecond(process.env[RATE_VARIABLE]),
    logger,
    toCheckError,
  });
  if (queue.view().recoveredFromCorruptFile) {
    process.stderr.write(
      `Warning: the queue file in ${dataDir} was damaged. A copy was set aside beside it, and ` +
        "the checks that could be read are kept.\n",
    );
  }

  try {
    switch (command.kind) {
      case "queue-add":
        return addToQueue(queue, command.accounts, options.json);
      case "queue-list":
        printItems(queue.view().items, options.json);
        return 0;
      case "queue-sync":
        return await syncQueue(queue, options, fallback, logger);
    }
  } finally {
    queue.close();
  }
}

function addToQueue(
  queue: CheckQueue,
  inputs: string[],
  json: boolean,
): number {
  let invalid = 0;
  for (const input of inputs) {
    const parsed = parseAccountNumber(input);
    if (!parsed.ok) {
      invalid++;
      process.stderr.write(`${parsed.message}\n`);
      continue;
    }
    const item = queue.enqueue(parsed.accountNumber);
    process.stdout.write(
      json
        ? `${JSON.stringify(toLine(item))}\n`
        : `Queued ${item.accountNumber} (${item.state})\n`,
    );
  }
  return invalid > 0 ? 1 : 0;
}

async function syncQueue(
  queue: CheckQueue,
  options: CliOptions,
  fallback: Credentials | null,
  logger: Logger,
): Promise<number> {
  const client = new KrakenClient({
    apiUrl: options.apiUrl,
    maxRetries: 0,
    logger,
  });
  const signIn = await signInForRun(client, fallback);
  if (!signIn.ok) {
    process.stderr.write(`${signIn.error.message}\n`);
    // Only rejected credentials are the user's to fix; an outage or a rate limit passes.
    const transient = ["network", "rate-limited", "server"].includes(
      signIn.error.kind,
    );
    return transient ? EXIT_QUEUE_PENDING : EXIT_USAGE;
  }

  const summary = await queue.sync(async (accountNumber) => {
    const result = await runCreditCheck(client, signIn.session, accountNumber, {
      maxRetries: 0,
    });
    return { status: result.status };
  });
  printItems(queue.view().items, options.json);
  if (summary.pausedForSignIn) {
    process.stderr.write(
      `Your session expired during the sync; ${countChecks(summary.stillPending)} queued. ` +
        "Run queue sync again to sign in.\n",
    );
    return EXIT_USAGE;
  }
  if (summary.stillPending > 0) {
    process.stderr.write(
      `${countChecks(summary.stillPending)} queued because Kraken could not be reached or ` +
        "asked to slow down. Run queue sync again later.\n",
    );
    return EXIT_QUEUE_PENDING;
  }
  if (summary.failed > 0) {
    const failed =
      summary.failed === 1
        ? "1 check failed"
        : `${summary.failed} checks failed`;
    process.stderr.write(`${failed}; see the errors above.\n`);
  }
  return 0;
}

function printItems(items: QueueItemView[], json: boolean): void {
  for (const item of items) {
    const line = toLine(item);
    if (json) {
      process.stdout.write(`${JSON.stringify(line)}\n`);
    } else {
      const outcome = item.result?.guidance ?? item.error?.message ?? "";
      process.stdout.write(
        `${item.accountNumber}\t${item.state}\t${item.attempts} attempts\t${outcome}\n`,
      );
    }
  }
}

function toLine(item: QueueItemView) {
  return {
    accountNumber: item.accountNumber,
    state: item.state,
    attempts: item.attempts,
    queuedAt: new Date(item.queuedAt).toISOString(),
    nextAttemptAt:
      item.nextAttemptAt === null
        ? null
        : new Date(item.nextAttemptAt).toISOString(),
    ...(item.result
      ? { status: item.result.status, guidance: item.result.guidance }
      : {}),
    ...(item.error
      ? { error: { kind: item.error.kind, message: item.error.message } }
      : {}),
  };
}

/**
 * Parses the queue rate from the environment and rejects anything but a positive number,
 * because NaN would turn the rate limit off and 0 would space requests 17 minutes apart.
 */
function readRequestsPerSecond(value: string | undefined): number {
  if (value === undefined) {
    return DEFAULT_REQUESTS_PER_SECOND;
  }
  const rate = Number(value);
  if (value.trim() === "" || !Number.isFinite(rate) || rate <= 0) {
    throw new UsageError(
      `${RATE_VARIABLE} must be a positive number of requests per second, got "${value}".`,
    );
  }
  return rate;
}

function countChecks(count: number): string {
  return count === 1 ? "1 check stays" : `${count} checks stay`;
}

/** The CLI's key file is missing its 32-byte key. */
export class QueueKeyError extends Error {
  override readonly name = "QueueKeyError";
}

function loadOrCreateKey(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, "utf8").trim(), "base64");
    if (key.length !== 32) {
      throw new QueueKeyError(
        `Invalid key file ${path}: expected 32 bytes in base64. Restore it from a backup, or ` +
          "delete it: queued checks stay, and checks already done are run again.",
      );
    }
    return key;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileAtomic(path, key.toString("base64"));
  return key;
}
