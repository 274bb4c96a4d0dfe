import { readFileSync, statSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { AesGcmCipher } from "../../electron/core/aes-gcm-cipher";
import { openQueue, queueFilePath, readLogLines, TempFolders } from "./support";

const folders = new TempFolders();

afterEach(() => {
  folders.cleanup();
});

describe("CheckQueue persistence", () => {
  it("enqueue writes the line before returning", () => {
    const dataDir = folders.create();
    const queue = openQueue(dataDir);

    const item = queue.enqueue("A-1000");
    // Read while the queue is still open: nothing may wait for close() to reach the file.
    const lines = readLogLines(dataDir);
    queue.close();

    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`"id":"${item.id}"`);
    expect(lines[0]).toContain('"accountNumber":"A-1000"');
    expect(lines[0]).toContain('"state":"pending"');
  });

  it("reopened queue sees the item", () => {
    const dataDir = folders.create();
    const cipher = new AesGcmCipher();
    const first = openQueue(dataDir, { cipher });
    const item = first.enqueue("A-1000");
    first.close();

    const second = openQueue(dataDir, { cipher });
    const items = second.view().items;
    second.close();

    expect(items).toHaveLength(1);
    expect(items[0]?.id).toBe(item.id);
    expect(items[0]?.accountNumber).toBe("A-1000");
    expect(items[0]?.state).toBe("pending");
    expect(items[0]?.queuedAt).toBe(item.queuedAt);
  });

  it("same account twice keeps one item", () => {
    const dataDir = folders.create();
    const queue = openQueue(dataDir);

    const first = queue.enqueue("A-1000");
    const second = queue.enqueue("A-1000");
    const view = queue.view();
    queue.close();

    expect(second.id).toBe(first.id);
    expect(view.items).toHaveLength(1);
    expect(view.pendingCount).toBe(1);
  });

  it("same account after reopen keeps one item", () => {
    const dataDir = folders.create();
    const cipher = new AesGcmCipher();
    const first = openQueue(dataDir, { cipher });
    const item = first.enqueue("A-2000");
    first.close();

    const second = openQueue(dataDir, { cipher });
    const again = second.enqueue("A-2000");
    const view = second.view();
    second.close();

    expect(again.id).toBe(item.id);
    expect(view.items).toHaveLength(1);
  });

  it("compaction bounds the file", () => {
    const dataDir = folders.create();
    const cipher = new AesGcmCipher();
    const queue = openQueue(dataDir, { cipher });
    queue.enqueue("A-1000");

    // 3,000 cycles write 6,000 records for at most two live items.
    let largestBytes = 0;
    for (let cycle = 0; cycle < 3_000; cycle++) {
      const item = queue.enqueue("A-2000");
      queue.discard(item.id);
      largestBytes = Math.max(
        largestBytes,
        statSync(queueFilePath(dataDir)).size,
      );
    }
    const lineCount = readLogLines(dataDir).length;
    const view = queue.view();
    queue.close();
    const reopened = openQueue(dataDir, { cipher });
    const reopenedItems = reopened.view().items;
    reopened.close();

    // The log compacts once it contains 1,000 more records than twice the live items.
    expect(lineCount).toBeLessThanOrEqual(1_000 + 2 * 2);
    expect(largestBytes).toBeLessThan(400 * 1_100);
    expect(view.items.map((item) => item.accountNumber)).toEqual(["A-1000"]);
    expect(reopenedItems.map((item) => item.accountNumber)).toEqual(["A-1000"]);
  });

  it("results are sealed on disk", async () => {
    const dataDir = folders.create();
    const cipher = new AesGcmCipher();
    const queue = openQueue(dataDir, { cipher, requestsPerSecond: 1_000 });
    queue.enqueue("A-1000");

    await queue.sync(() => Promise.resolve({ status: "DEPOSIT_REQUIRED" }));
    const text = readFileSync(queueFilePath(dataDir), "utf8");
    queue.close();
    const reopened = openQueue(dataDir, { cipher });
    const item = reopened.view().items[0];
    reopened.close();

    expect(text).not.toContain("DEPOSIT_REQUIRED");
    expect(text).toContain('"sealedResult":"');
    expect(item?.state).toBe("done");
    expect(item?.result?.status).toBe("DEPOSIT_REQUIRED");
  });

  it("result under another key is checked again", async () => {
    const dataDir = folders.create();
    const queue = openQueue(dataDir, { requestsPerSecond: 1_000 });
    queue.enqueue("A-1000");
    await queue.sync(() => Promise.resolve({ status: "DEPOSIT_REQUIRED" }));
    queue.close();

    // A new key simulates a keychain that was reset.
    const reopened = openQueue(dataDir, { cipher: new AesGcmCipher() });
    const item = reopened.view().items[0];
    reopened.close();

    expect(item?.state).toBe("pending");
    expect(item?.result).toBeNull();
  });

  it("weak keychain keeps results in memory", async () => {
    const dataDir = folders.create();
    const cipher = new AesGcmCipher(undefined, "basic_text");
    const queue = openQueue(dataDir, { cipher, requestsPerSecond: 1_000 });
    queue.enqueue("A-1000");

    await queue.sync(() => Promise.resolve({ status: "DEPOSIT_REQUIRED" }));
    const inMemory = queue.view().items[0];
    const text = readFileSync(queueFilePath(dataDir), "utf8");
    queue.close();
    const reopened = openQueue(dataDir, { cipher });
    const item = reopened.view().items[0];
    reopened.close();

    expect(inMemory?.result?.status).toBe("DEPOSIT_REQUIRED");
    expect(text).toContain('"sealedResult":null');
    expect(item?.state).toBe("pending");
  });

  it("unavailable encryption still records results", async () => {
    const dataDir = folders.create();
    const cipher = new AesGcmCipher(undefined, null, false);
    const queue = openQueue(dataDir, { cipher, requestsPerSecond: 1_000 });
    queue.enqueue("A-1000");

    await queue.sync(() => Promise.resolve({ status: "DEPOSIT_NOT_REQUIRED" }));
    const item = queue.view().items[0];
    queue.close();

    expect(item?.state).toBe("done");
    expect(item?.result?.status).toBe("DEPOSIT_NOT_REQUIRED");
  });
});
