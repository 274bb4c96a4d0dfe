/**
 * Queued checks belong to the rep who asked for them: another rep signing in on the same
 * laptop can neither list nor send them. Also covers a sync after a blip too short to announce.
 */

import { afterEach, describe, expect, it } from "vitest";
import { DEMO_REP, DEMO_VIEWER } from "../../sandbox/seed";
import { useSandbox } from "../support/sandbox";
import { TempFolders, TestServices } from "./support";

const folders = new TempFolders();
const services = new TestServices(folders);

afterEach(() => {
  services.closeAll();
  folders.cleanup();
});

describe("queue owners", () => {
  const sandbox = useSandbox();

  const newServices = (debounceMs: number) =>
    services.open(sandbox().url, {
      queue: { requestsPerSecond: 100 },
      connection: {
        debounceMs,
        backoff: { baseDelayMs: 100, maxDelayMs: 200 },
      },
    });

  it("another rep does not see or send them", async () => {
    const app = newServices(20);
    await app.signIn(DEMO_REP.email, DEMO_REP.password);
    sandbox().control.setOffline(true);
    await app.checkCreditStatus("A-1000");
    app.session.signOut();

    sandbox().control.setOffline(false);
    await app.signIn(DEMO_VIEWER.email, DEMO_VIEWER.password);
    await app.syncQueue();
    const viewerView = app.queueView();

    expect(viewerView.items).toEqual([]);
    expect(sandbox().control.stats().creditChecks).toBe(0);
    expect(() => app.discardCheck(app.queue.view().items[0]?.id ?? "")).toThrow(
      "No queued check",
    );
  });

  it("the owner gets them back", async () => {
    const app = newServices(20);
    await app.signIn(DEMO_REP.email, DEMO_REP.password);
    sandbox().control.setOffline(true);
    await app.checkCreditStatus("A-2000");
    app.session.signOut();
    sandbox().control.setOffline(false);

    await app.signIn(DEMO_REP.email, DEMO_REP.password);
    await expect
      .poll(() => app.queueView().items[0]?.state, { timeout: 5_000 })
      .toBe("done");

    expect(app.queueView().items[0]?.result?.status).toBe(
      "DEPOSIT_NOT_REQUIRED",
    );
  });

  it("syncs after a blip shorter than the debounce", async () => {
    const app = newServices(60_000);
    await app.signIn(DEMO_REP.email, DEMO_REP.password);
    sandbox().control.failNext({
      kind: "reset",
      count: 2,
      operationName: "creditCheckStatus",
    });

    const response = await app.checkCreditStatus("A-1000");
    await expect
      .poll(() => app.queueView().items[0]?.state, { timeout: 5_000 })
      .toBe("done");

    expect(response.errors?.[0]?.extensions.queued).toBe(true);
    expect(app.connection.announcedView().state).not.toBe("offline");
  });
});
