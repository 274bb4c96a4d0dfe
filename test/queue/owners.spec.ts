/**
 * Queued checks belong to the rep who asked for them: another rep signing in on the same
 * laptop can neither list nor send them. Also covers a sync after a blip too short to announce.
 */

import { afterEach, describe, expect, it } from "vitest";
import { AesGcmCipher } from "../../electron/core/aes-gcm-cipher";
import {
  createAppServices,
  type AppServices,
} from "../../electron/core/app-services";
import { DEMO_REP, DEMO_VIEWER } from "../../sandbox/seed";
import { useSandbox } from "../support/sandbox";
import { TempFolders } from "./support";

const folders = new TempFolders();
const opened: AppServices[] = [];

afterEach(() => {
  for (const services of opened.splice(0)) {
    services.close();
  }
  folders.cleanup();
});

describe("queue owners", () => {
  const sandbox = useSandbox();

  const newServices = (debounceMs: number) => {
    const services = createAppServices({
      apiUrl: sandbox().url,
      dataDir: folders.create(),
      cipher: new AesGcmCipher(),
      client: { maxRetries: 0 },
      queue: { requestsPerSecond: 100 },
      connection: {
        debounceMs,
        backoff: { baseDelayMs: 100, maxDelayMs: 200 },
      },
    });
    opened.push(services);
    return services;
  };

  it("another rep does not see or send them", async () => {
    const services = newServices(20);
    await services.signIn(DEMO_REP.email, DEMO_REP.password);
    sandbox().control.setOffline(true);
    await services.checkCreditStatus("A-1000");
    services.session.signOut();

    sandbox().control.setOffline(false);
    await services.signIn(DEMO_VIEWER.email, DEMO_VIEWER.password);
    await services.syncQueue();
    const viewerView = services.queueView();

    expect(viewerView.items).toEqual([]);
    expect(sandbox().control.stats().creditChecks).toBe(0);
    expect(() =>
      services.discardCheck(services.queue.view().items[0]?.id ?? ""),
    ).toThrow("No queued check");
  });

  it("the owner gets them back", async () => {
    const services = newServices(20);
    await services.signIn(DEMO_REP.email, DEMO_REP.password);
    sandbox().control.setOffline(true);
    await services.checkCreditStatus("A-2000");
    services.session.signOut();
    sandbox().control.setOffline(false);

    await services.signIn(DEMO_REP.email, DEMO_REP.password);
    await expect
      .poll(() => services.queueView().items[0]?.state, { timeout: 5_000 })
      .toBe("done");

    expect(services.queueView().items[0]?.result?.status).toBe(
      "DEPOSIT_NOT_REQUIRED",
    );
  });

  it("syncs after a blip shorter than the debounce", async () => {
    const services = newServices(60_000);
    await services.signIn(DEMO_REP.email, DEMO_REP.password);
    sandbox().control.failNext({
      kind: "reset",
      count: 2,
      operationName: "creditCheckStatus",
    });

    const response = await services.checkCreditStatus("A-1000");
    await expect
      .poll(() => services.queueView().items[0]?.state, { timeout: 5_000 })
      .toBe("done");

    expect(response.errors?.[0]?.extensions.queued).toBe(true);
    expect(services.connection.announcedView().state).not.toBe("offline");
  });
});
