import { afterEach, describe, expect, it } from "vitest";
import { useSandbox } from "../support/sandbox";
import { AesGcmCipher } from "../../electron/core/aes-gcm-cipher";
import type { SendCheck } from "../../electron/core/queue/check-queue";
import type { FailureKind } from "../../sandbox/server";
import { openQueue, signedInSender, TempFolders } from "./support";

const folders = new TempFolders();
const sandbox = useSandbox();

afterEach(() => {
  sandbox().control.reset();
  folders.cleanup();
});

/** With `random` fixed at 0.5, the first retry waits half of the queue's 5 s base delay. */
const FIRST_RETRY_DELAY_MS = 2_500;

describe("queued check errors", () => {
  it.for<[FailureKind, string]>([
    ["reset", "network"],
    ["timeout", "network"],
    ["http-500", "server"],
    ["html-403", "network"],
    ["rate-limit", "rate-limited"],
  ])("%s keeps the item pending", async ([failure, kind]) => {
    const dataDir = folders.create();
    const cipher = new AesGcmCipher();
    // A short client timeout, because the sandbox never responds to a "timeout" failure.
    const send = await signedInSender(sandbox().url, { timeoutMs: 500 });
    const queue = openQueue(dataDir, { cipher, random: () => 0.5 });
    queue.enqueue("A-1000");
    sandbox().control.failNext({
      kind: failure,
      operationName: "creditCheckStatus",
    });

    const syncStartedAt = Date.now();
    const summary = await queue.sync(send);
    const syncEndedAt = Date.now();
    queue.close();
    const reopened = openQueue(dataDir, { cipher });
    const view = reopened.view();
    reopened.close();
    const item = view.items[0];

    expect(summary.stillPending).toBe(1);
    expect(view.items).toHaveLength(1);
    expect(item?.state).toBe("pending");
    expect(item?.attempts).toBe(1);
    expect(item?.error?.kind).toBe(kind);
    expect(item?.nextAttemptAt).toBeGreaterThanOrEqual(
      syncStartedAt + FIRST_RETRY_DELAY_MS,
    );
    expect(item?.nextAttemptAt).toBeLessThanOrEqual(
      syncEndedAt + FIRST_RETRY_DELAY_MS,
    );
  });

  it.for<[string, string, string]>([
    ["A-9999", "account-not-found", "KT-CT-4177"],
    ["A-4000", "not-authorized", "KT-CT-1111"],
  ])("%s fails with %s", async ([account, kind, errorCode]) => {
    const dataDir = folders.create();
    const cipher = new AesGcmCipher();
    const send = await signedInSender(sandbox().url);
    const queue = openQueue(dataDir, { cipher });
    queue.enqueue(account);

    const summary = await queue.sync(send);
    const item = queue.view().items[0];
    queue.close();
    const reopened = openQueue(dataDir, { cipher });
    const reopenedItem = reopened.view().items[0];
    reopened.close();

    expect(summary.failed).toBe(1);
    expect(summary.stillPending).toBe(0);
    expect(item?.state).toBe("failed");
    expect(item?.error?.kind).toBe(kind);
    expect(item?.error?.errorCode).toBe(errorCode);
    expect(item?.nextAttemptAt).toBeNull();
    expect(reopenedItem?.state).toBe("failed");
    expect(reopenedItem?.error?.kind).toBe(kind);
  });

  it("failed item can be retried", async () => {
    const send = await signedInSender(sandbox().url);
    const queue = openQueue(folders.create());
    const item = queue.enqueue("A-4000");
    await queue.sync(send);

    const view = queue.retry(item.id);
    queue.close();

    expect(view.items[0]?.state).toBe("pending");
    expect(view.items[0]?.error).toBeNull();
    expect(view.items[0]?.attempts).toBe(0);
  });

  it("rate-limit storm loses nothing", async () => {
    const send = await signedInSender(sandbox().url);
    let clockOffsetMs = 0;
    const now = () => Date.now() + clockOffsetMs;
    const queue = openQueue(folders.create(), {
      concurrency: 2,
      requestsPerSecond: 1_000,
      random: () => 0.5,
      now,
    });
    const accounts = ["A-1000", "A-2000", "A-3000", "A-5000", "A-1A2B3C4D"];
    for (const account of accounts) {
      queue.enqueue(account);
    }
    const sent: string[] = [];
    const recording: SendCheck = (accountNumber) => {
      sent.push(accountNumber);
      return send(accountNumber);
    };
    sandbox().control.failNext({
      kind: "rate-limit",
      count: 20,
      operationName: "creditCheckStatus",
    });

    await queue.sync(recording);
    const sentInFirstSync = sent.length;
    const backedOff = queue
      .view()
      .items.filter(
        (item) => item.nextAttemptAt !== null && item.nextAttemptAt > now(),
      )
      .map((item) => item.accountNumber);
    sent.length = 0;
    await queue.sync(recording);
    const backedOffSentAgain = sent.filter((account) =>
      backedOff.includes(account),
    );

    // Move the queue's clock past the longest backoff until the storm is over.
    let syncs = 2;
    while (queue.view().pendingCount > 0 && syncs < 40) {
      clockOffsetMs += 16 * 60_000;
      await queue.sync(recording);
      syncs++;
    }
    const view = queue.view();
    queue.close();

    // Kraken limits the rep, not the account, so the sync stops at the first KT-CT-1199.
    expect(sentInFirstSync).toBeLessThanOrEqual(2);
    expect(backedOff.length).toBeGreaterThan(0);
    expect(backedOffSentAgain).toEqual([]);
    expect(view.items).toHaveLength(accounts.length);
    expect(view.items.filter((item) => item.state === "done")).toHaveLength(
      accounts.length,
    );
    expect(sandbox().control.stats().creditChecks).toBe(accounts.length);
  });
});
