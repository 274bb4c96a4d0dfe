/**
 * Automatic syncs back off as a whole: while Kraken keeps refusing, the app must not send
 * queued checks faster than an exponential backoff allows, whatever wakes the queue.
 */

import { afterEach, describe, expect, it } from "vitest";
import { DEMO_REP } from "../../sandbox/seed";
import { useSandbox } from "../support/sandbox";
import { TempFolders, TestServices } from "./support";

const folders = new TempFolders();
const services = new TestServices(folders);

afterEach(() => {
  services.closeAll();
  folders.cleanup();
});

describe("automatic sync backoff", () => {
  const sandbox = useSandbox();

  it("rate limiting does not loop", async () => {
    const app = services.open(sandbox().url, {
      queue: {
        requestsPerSecond: 100,
        backoff: { baseDelayMs: 1, maxDelayMs: 1 },
      },
      connection: { debounceMs: 10 },
      syncBackoff: { baseDelayMs: 1_000, maxDelayMs: 1_000 },
    });
    await app.signIn(DEMO_REP.email, DEMO_REP.password);
    await app.connection.probe();
    for (const account of ["A-1000", "A-2000", "A-3000", "A-5000"]) {
      app.queue.enqueue(account, DEMO_REP.email);
    }
    sandbox().control.failNext({
      kind: "rate-limit",
      count: 1_000,
      operationName: "creditCheckStatus",
    });
    const before = sandbox().control.stats().requests;

    await app.syncQueue();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const sent = sandbox().control.stats().requests - before;

    // Each sync sends one refused check and one reachability probe: the first sync, then at
    // most one more per second of hold-off. A sync loop would send thousands.
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(sent).toBeLessThanOrEqual(8);
    expect(app.queueView().pendingCount).toBe(4);
  });
});
