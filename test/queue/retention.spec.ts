/**
 * How long finished checks stay on the laptop, and the sync that runs by itself once a
 * backed-off check is due.
 */

import { afterEach, describe, expect, it } from "vitest";
import { AesGcmCipher } from "../../electron/core/aes-gcm-cipher";
import {
  InvalidAccountNumberError,
  toCheckError,
} from "../../electron/core/kraken-errors";
import {
  CheckQueue,
  DEFAULT_FINISHED_RETENTION_MS,
} from "../../electron/core/queue/check-queue";
import { DEMO_REP } from "../../sandbox/seed";
import { useSandbox } from "../support/sandbox";
import { TempFolders, TestServices } from "./support";

const folders = new TempFolders();
const opened: CheckQueue[] = [];
const services = new TestServices(folders);

afterEach(() => {
  for (const queue of opened.splice(0)) {
    queue.close();
  }
  services.closeAll();
  folders.cleanup();
});

describe("finished check retention", () => {
  const openQueue = (
    dataDir: string,
    cipher: AesGcmCipher,
    now: () => number,
  ) => {
    const queue = CheckQueue.open({
      dataDir,
      cipher,
      now,
      toCheckError,
      requestsPerSecond: 100,
    });
    opened.push(queue);
    return queue;
  };

  it("prunes old finished checks on open", async () => {
    const dataDir = folders.create();
    const cipher = new AesGcmCipher();
    let offsetMs = 0;
    const queue = openQueue(dataDir, cipher, () => Date.now() + offsetMs);
    queue.enqueue("A-1000");
    queue.enqueue("A-2000");
    await queue.sync(async (accountNumber) => {
      if (accountNumber === "A-2000") {
        throw new InvalidAccountNumberError("rejected for the test");
      }
      return { status: "DEPOSIT_REQUIRED" };
    });
    queue.enqueue("A-3000");
    queue.close();
    opened.pop();

    offsetMs = DEFAULT_FINISHED_RETENTION_MS + 1;
    const reopened = openQueue(dataDir, cipher, () => Date.now() + offsetMs);

    expect(reopened.view().items.map((item) => item.accountNumber)).toEqual([
      "A-3000",
    ]);
  });

  it("keeps recent finished checks", async () => {
    const dataDir = folders.create();
    const cipher = new AesGcmCipher();
    let offsetMs = 0;
    const queue = openQueue(dataDir, cipher, () => Date.now() + offsetMs);
    queue.enqueue("A-1000");
    await queue.sync(async () => ({ status: null }));

    offsetMs = DEFAULT_FINISHED_RETENTION_MS - 60_000;

    expect(queue.pruneFinished()).toBe(0);
    expect(queue.view().items).toHaveLength(1);
  });

  it("never prunes pending checks", () => {
    const dataDir = folders.create();
    let offsetMs = 0;
    const queue = openQueue(
      dataDir,
      new AesGcmCipher(),
      () => Date.now() + offsetMs,
    );
    queue.enqueue("A-1000");

    offsetMs = 30 * DEFAULT_FINISHED_RETENTION_MS;

    expect(queue.pruneFinished()).toBe(0);
    expect(queue.view().pendingCount).toBe(1);
  });
});

describe("due-time sync", () => {
  const sandbox = useSandbox();

  it("retries a backed-off check by itself", async () => {
    const app = services.open(sandbox().url, {
      queue: {
        requestsPerSecond: 100,
        backoff: { baseDelayMs: 200, maxDelayMs: 200 },
      },
      connection: { debounceMs: 10 },
      syncBackoff: { baseDelayMs: 200, maxDelayMs: 200 },
    });
    await app.signIn(DEMO_REP.email, DEMO_REP.password);
    await app.connection.probe();
    app.queue.enqueue("A-2000");
    sandbox().control.failNext({
      kind: "http-500",
      count: 1,
      operationName: "creditCheckStatus",
    });

    const first = await app.syncQueue();
    await expect
      .poll(() => app.queue.view().items[0]?.state, { timeout: 5_000 })
      .toBe("done");

    expect(first.stillPending).toBe(1);
    expect(app.queue.view().items[0]?.attempts).toBe(2);
  });
});
