import { performance } from "node:perf_hooks";
import { afterEach, describe, expect, it } from "vitest";
import { useSandbox } from "../support/sandbox";
import type { SendCheck } from "../../electron/core/queue/check-queue";
import { openQueue, signedInSender, TempFolders } from "./support";

const folders = new TempFolders();
const sandbox = useSandbox();

afterEach(() => {
  sandbox().control.reset();
  folders.cleanup();
});

/** Returns A-1000, which has a status, then well-formed numbers that fail with KT-CT-4177. */
function accountNumbers(count: number): string[] {
  const unknown = Array.from(
    { length: count - 1 },
    (_, index) => `A-${(0xa000 + index).toString(16).toUpperCase()}`,
  );
  return ["A-1000", ...unknown];
}

/** Returns the largest number of timestamps that fall inside one window of `windowMs`. */
function maxInWindow(timestamps: number[], windowMs: number): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let max = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] ?? 0) - (sorted[first] ?? 0) >= windowMs) {
      first++;
    }
    max = Math.max(max, last - first + 1);
  }
  return max;
}

/** Blocks the event loop, as a long garbage collection or a slow disk write would. */
function blockEventLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Busy wait on purpose: timers must not run meanwhile.
  }
}

describe("CheckQueue sync", () => {
  it("never exceeds concurrency", async () => {
    sandbox().control.setLatency(300);
    const send = await signedInSender(sandbox().url);
    const queue = openQueue(folders.create(), {
      concurrency: 3,
      requestsPerSecond: 1_000,
    });
    const accounts = accountNumbers(9);
    for (const account of accounts) {
      queue.enqueue(account);
    }

    let inFlight = 0;
    let maxInFlight = 0;
    const counting: SendCheck = async (accountNumber) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await send(accountNumber);
      } finally {
        inFlight--;
      }
    };
    const summary = await queue.sync(counting);
    queue.close();

    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
    expect(summary.done + summary.failed).toBe(accounts.length);
    expect(summary.stillPending).toBe(0);
  });

  it("start rate holds after a stall", async () => {
    const send = await signedInSender(sandbox().url);
    const requestsPerSecond = 20;
    const queue = openQueue(folders.create(), {
      concurrency: 10,
      requestsPerSecond,
    });
    const accounts = accountNumbers(30);
    for (const account of accounts) {
      queue.enqueue(account);
    }

    const starts: number[] = [];
    const timed: SendCheck = (accountNumber) => {
      starts.push(performance.now());
      if (starts.length === 3) {
        // Workers waiting for their turn must not all start at once after the stall.
        blockEventLoop(400);
      }
      return send(accountNumber);
    };
    const summary = await queue.sync(timed);
    queue.close();

    expect(starts).toHaveLength(accounts.length);
    expect(summary.done + summary.failed).toBe(accounts.length);
    // Slightly under a second, because the queue's clock has millisecond resolution and a write
    // of the in-flight record can delay one start by a few milliseconds.
    expect(maxInWindow(starts, 950)).toBeLessThanOrEqual(requestsPerSecond);
  });

  it("failed item does not block others", async () => {
    const send = await signedInSender(sandbox().url);
    const queue = openQueue(folders.create(), {
      concurrency: 1,
      requestsPerSecond: 1_000,
      random: () => 0.5,
    });
    for (const account of ["A-1000", "A-9999", "A-2000", "A-3000"]) {
      queue.enqueue(account);
    }
    sandbox().control.failNext({
      kind: "http-500",
      operationName: "creditCheckStatus",
    });

    const summary = await queue.sync(send);
    const states = new Map(
      queue.view().items.map((item) => [item.accountNumber, item.state]),
    );
    queue.close();

    expect(states.get("A-1000")).toBe("pending");
    expect(states.get("A-9999")).toBe("failed");
    expect(states.get("A-2000")).toBe("done");
    expect(states.get("A-3000")).toBe("done");
    expect(summary.done).toBe(2);
    expect(summary.failed).toBe(1);
    expect(summary.stillPending).toBe(1);
  });

  it("concurrent sync calls share one run", async () => {
    sandbox().control.setLatency(100);
    const send = await signedInSender(sandbox().url);
    const queue = openQueue(folders.create(), {
      concurrency: 2,
      requestsPerSecond: 1_000,
    });
    const accounts = ["A-1000", "A-2000", "A-3000", "A-5000"];
    for (const account of accounts) {
      queue.enqueue(account);
    }
    let sendCalls = 0;
    const counting: SendCheck = (accountNumber) => {
      sendCalls++;
      return send(accountNumber);
    };
    const checksBefore = sandbox().control.stats().creditChecks;

    const first = queue.sync(counting);
    const second = queue.sync(counting);
    const syncingDuringRun = queue.isSyncing();
    const [firstSummary, secondSummary] = await Promise.all([first, second]);
    const checksAfterRun = sandbox().control.stats().creditChecks;
    await queue.sync(counting);
    const checksAfterRepeat = sandbox().control.stats().creditChecks;
    queue.close();

    expect(second).toBe(first);
    expect(syncingDuringRun).toBe(true);
    expect(secondSummary).toBe(firstSummary);
    expect(firstSummary.done).toBe(accounts.length);
    expect(sendCalls).toBe(accounts.length);
    expect(checksAfterRun - checksBefore).toBe(accounts.length);
    expect(checksAfterRepeat).toBe(checksAfterRun);
  });

  it.for([
    ["requestsPerSecond", Number.NaN],
    ["requestsPerSecond", 0],
    ["concurrency", Number.NaN],
    ["concurrency", 0],
  ] as const)("open rejects %s %s", ([option, value]) => {
    const dataDir = folders.create();

    expect(() => openQueue(dataDir, { [option]: value })).toThrow(RangeError);
  });
});
