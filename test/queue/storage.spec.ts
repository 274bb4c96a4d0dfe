import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AesGcmCipher } from "../../electron/core/aes-gcm-cipher";
import { QUEUE_FILE } from "../../electron/core/queue/check-queue";
import { openQueue, queueFilePath, TempFolders } from "./support";

const folders = new TempFolders();

afterEach(() => {
  folders.cleanup();
});

// Recent enough that finished checks are inside the retention period.
const QUEUED_AT = Date.now() - 60_000;

function header(version: number): string {
  return JSON.stringify({ format: "field-credit-check-queue", version });
}

/** One `put` line as version 1 wrote it, with the result in clear. */
function v1Put(
  id: string,
  accountNumber: string,
  state: string,
  status: string | null | undefined,
): string {
  return JSON.stringify({
    put: {
      id,
      accountNumber,
      state,
      attempts: state === "done" ? 1 : 0,
      queuedAt: QUEUED_AT,
      updatedAt: QUEUED_AT,
      nextAttemptAt: null,
      result: status === undefined ? null : { status },
      error: null,
    },
  });
}

/** One `put` line as version 2 writes it for an item without a result. */
function v2Put(id: string, accountNumber: string, state: string): string {
  return JSON.stringify({
    put: {
      id,
      accountNumber,
      state,
      attempts: 0,
      queuedAt: QUEUED_AT,
      updatedAt: QUEUED_AT,
      nextAttemptAt: null,
      error: null,
      sealedResult: null,
    },
  });
}

function writeQueueFile(dataDir: string, lines: string[], tail = "\n"): string {
  const text = lines.join("\n") + tail;
  writeFileSync(queueFilePath(dataDir), text, { mode: 0o600 });
  return text;
}

function corruptCopies(dataDir: string): string[] {
  return readdirSync(dataDir)
    .filter((name) => name.startsWith(`${QUEUE_FILE}.corrupt-`))
    .map((name) => join(dataDir, name));
}

describe("queue file versions", () => {
  it("v1 file loads with its results", () => {
    const dataDir = folders.create();
    writeQueueFile(dataDir, [
      header(1),
      v1Put("id-1", "A-1000", "done", "DEPOSIT_REQUIRED"),
      v1Put("id-2", "A-3000", "done", null),
      v1Put("id-3", "A-2000", "pending", undefined),
    ]);

    const queue = openQueue(dataDir);
    const view = queue.view();
    queue.close();
    const byAccount = new Map(
      view.items.map((item) => [item.accountNumber, item]),
    );

    expect(view.items).toHaveLength(3);
    expect(byAccount.get("A-1000")?.result).toEqual({
      status: "DEPOSIT_REQUIRED",
      guidance: "deposit-required",
    });
    expect(byAccount.get("A-3000")?.result).toEqual({
      status: null,
      guidance: "no-decision",
    });
    expect(byAccount.get("A-2000")?.state).toBe("pending");
    expect(view.recoveredFromCorruptFile).toBe(false);
  });

  it("v1 file is rewritten as v2", () => {
    const dataDir = folders.create();
    const cipher = new AesGcmCipher();
    writeQueueFile(dataDir, [
      header(1),
      v1Put("id-1", "A-1000", "done", "DEPOSIT_REQUIRED"),
    ]);

    openQueue(dataDir, { cipher }).close();
    const text = readFileSync(queueFilePath(dataDir), "utf8");
    const reopened = openQueue(dataDir, { cipher });
    const item = reopened.view().items[0];
    reopened.close();

    expect(text.split("\n")[0]).toBe(header(2));
    expect(text).toContain('"sealedResult":"');
    expect(text).not.toContain('"result"');
    expect(text).not.toContain("DEPOSIT_REQUIRED");
    expect(item?.result?.status).toBe("DEPOSIT_REQUIRED");
    expect(corruptCopies(dataDir)).toEqual([]);
  });

  it("in-flight item loads as pending", () => {
    const dataDir = folders.create();
    writeQueueFile(dataDir, [header(2), v2Put("id-1", "A-1000", "in-flight")]);

    const queue = openQueue(dataDir);
    const item = queue.view().items[0];
    queue.close();

    expect(item?.state).toBe("pending");
    expect(item?.attempts).toBe(0);
  });

  it("future version is set aside", () => {
    const dataDir = folders.create();
    const original = writeQueueFile(dataDir, [
      header(99),
      v2Put("id-1", "A-1000", "pending"),
    ]);

    const queue = openQueue(dataDir);
    const view = queue.view();
    queue.close();
    const copies = corruptCopies(dataDir);

    expect(copies).toHaveLength(1);
    expect(readFileSync(copies[0] ?? "", "utf8")).toBe(original);
    expect(view.recoveredFromCorruptFile).toBe(true);
  });
});

describe("damaged queue file", () => {
  it("garbage line keeps the other items", () => {
    const dataDir = folders.create();
    const original = writeQueueFile(dataDir, [
      header(2),
      v2Put("id-1", "A-1000", "pending"),
      '{"put":{"id":"id-2","accountNum',
      v2Put("id-3", "A-2000", "pending"),
    ]);

    const queue = openQueue(dataDir);
    const view = queue.view();
    queue.close();
    const copies = corruptCopies(dataDir);

    expect(view.items.map((item) => item.accountNumber)).toEqual([
      "A-1000",
      "A-2000",
    ]);
    expect(view.recoveredFromCorruptFile).toBe(true);
    expect(copies).toHaveLength(1);
    expect(readFileSync(copies[0] ?? "", "utf8")).toBe(original);
  });

  it("garbage header starts empty", () => {
    const dataDir = folders.create();
    const original = writeQueueFile(dataDir, [
      "\u0000\u0000not a header",
      v2Put("id-1", "A-1000", "pending"),
    ]);

    const queue = openQueue(dataDir);
    const view = queue.view();
    queue.close();
    const copies = corruptCopies(dataDir);

    expect(view.items).toEqual([]);
    expect(view.recoveredFromCorruptFile).toBe(true);
    expect(copies).toHaveLength(1);
    expect(readFileSync(copies[0] ?? "", "utf8")).toBe(original);
  });

  it("torn last line is dropped quietly", () => {
    const dataDir = folders.create();
    writeQueueFile(
      dataDir,
      [header(2), v2Put("id-1", "A-1000", "pending"), '{"put":{"id":"id-2"'],
      "",
    );

    const queue = openQueue(dataDir);
    const view = queue.view();
    queue.close();
    const text = readFileSync(queueFilePath(dataDir), "utf8");

    expect(view.items.map((item) => item.accountNumber)).toEqual(["A-1000"]);
    expect(view.recoveredFromCorruptFile).toBe(false);
    expect(corruptCopies(dataDir)).toEqual([]);
    expect(text).not.toContain("id-2");
  });

  it("delete record removes the item", () => {
    const dataDir = folders.create();
    writeQueueFile(dataDir, [
      header(2),
      v2Put("id-1", "A-1000", "pending"),
      v2Put("id-2", "A-2000", "pending"),
      JSON.stringify({ delete: "id-1" }),
    ]);

    const queue = openQueue(dataDir);
    const view = queue.view();
    queue.close();

    expect(view.items.map((item) => item.accountNumber)).toEqual(["A-2000"]);
    expect(view.recoveredFromCorruptFile).toBe(false);
  });
});
