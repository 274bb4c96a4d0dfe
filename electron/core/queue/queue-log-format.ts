/**
 * The queue log's line format and its versions. Version 1 stored results in clear; version 2
 * seals them with the cipher. Older files are migrated on load, never discarded.
 */

import { z } from "zod";
import { CHECK_ERROR_KINDS } from "../../../shared/check-errors";
import { guidanceKindFor } from "../../../shared/guidance";
import { memoryOnlyReason, type Cipher } from "../cipher";
import type { QueueItem } from "./queue-item";

export const QUEUE_FORMAT = "field-credit-check-queue";
export const QUEUE_FORMAT_VERSION = 2;

export type LogRecord = { put: QueueItem } | { delete: string };

const header = z.object({
  format: z.literal(QUEUE_FORMAT),
  version: z.number().int().min(1),
});

const result = z.object({ status: z.string().nullable() });

const storedItem = z.object({
  id: z.string().min(1),
  accountNumber: z.string().min(1),
  /** Added after version 2 was released; absent means no owner. */
  owner: z.string().nullable().optional(),
  state: z.enum(["pending", "in-flight", "done", "failed"]),
  attempts: z.number().int().min(0),
  queuedAt: z.number(),
  updatedAt: z.number(),
  nextAttemptAt: z.number().nullable(),
  /** Version 2: base64 of the cipher's output for the JSON result. */
  sealedResult: z.string().nullable().optional(),
  /** Version 1 only: the result in clear. */
  result: result.nullable().optional(),
  error: z
    .object({
      kind: z.enum(CHECK_ERROR_KINDS),
      message: z.string(),
      errorCode: z.string().optional(),
    })
    .nullable(),
});

const record = z.union([
  z.object({ put: storedItem }),
  z.object({ delete: z.string().min(1) }),
]);

export interface DecodedLog {
  items: Map<string, QueueItem>;
  /** True when some line other than a torn last line could not be read. */
  damaged: boolean;
}

export function encodeHeader(): string {
  return `${JSON.stringify({ format: QUEUE_FORMAT, version: QUEUE_FORMAT_VERSION })}\n`;
}

export function encodeRecord(entry: LogRecord, cipher: Cipher): string {
  if ("delete" in entry) {
    return `${JSON.stringify(entry)}\n`;
  }
  const { result: plainResult, ...rest } = entry.put;
  // Where the keychain cannot protect secrets, results stay in memory like the session does;
  // after a restart those checks run again.
  const sealedResult =
    plainResult === null || memoryOnlyReason(cipher) !== null
      ? null
      : cipher
          .encryptString(JSON.stringify({ status: plainResult.status }))
          .toString("base64");
  return `${JSON.stringify({ put: { ...rest, sealedResult } })}\n`;
}

export function decodeLog(text: string, cipher: Cipher): DecodedLog {
  const items = new Map<string, QueueItem>();
  if (text === "") {
    return { items, damaged: false };
  }

  const lines = text.split("\n");
  // A crash in the middle of an append leaves a last line without its newline.
  const tornTail = lines.at(-1) !== "";
  const complete = lines.slice(0, -1);
  let damaged = false;

  const version = readVersion(complete[0]);
  if (version === null || version > QUEUE_FORMAT_VERSION) {
    return { items, damaged: true };
  }

  for (const line of complete.slice(1)) {
    const entry = parseLine(line);
    if (entry === null) {
      damaged = true;
      continue;
    }
    if ("delete" in entry) {
      items.delete(entry.delete);
      continue;
    }
    items.set(entry.put.id, toQueueItem(entry.put, cipher));
  }

  if (tornTail && complete.length === 0) {
    damaged = true;
  }
  return { items, damaged };
}

function readVersion(line: string | undefined): number | null {
  if (line === undefined) {
    return null;
  }
  try {
    const parsed = header.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data.version : null;
  } catch {
    return null;
  }
}

function parseLine(line: string): z.infer<typeof record> | null {
  try {
    const parsed = record.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toQueueItem(
  stored: z.infer<typeof storedItem>,
  cipher: Cipher,
): QueueItem {
  const { sealedResult, result: plainResult, ...rest } = stored;
  const item: QueueItem = {
    ...rest,
    owner: rest.owner ?? null,
    error: rest.error ?? null,
    result: null,
  };

  let status: string | null | undefined;
  if (plainResult) {
    status = plainResult.status;
  } else if (sealedResult) {
    status = unseal(sealedResult, cipher);
  }

  if (status !== undefined) {
    item.result = { status, guidance: guidanceKindFor(status) };
  } else if (item.state === "done") {
    // The result no longer decrypts (the keychain changed): check the account again.
    item.state = "pending";
    item.nextAttemptAt = null;
  }
  if (item.state === "in-flight") {
    // The app stopped while sending; the send may or may not have reached Kraken.
    item.state = "pending";
  }
  return item;
}

function unseal(sealed: string, cipher: Cipher): string | null | undefined {
  try {
    const parsed = result.safeParse(
      JSON.parse(cipher.decryptString(Buffer.from(sealed, "base64"))),
    );
    return parsed.success ? parsed.data.status : undefined;
  } catch {
    return undefined;
  }
}
