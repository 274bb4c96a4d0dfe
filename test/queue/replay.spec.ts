/**
 * Queued checks replayed by the app's services after the rep's access token or refresh token
 * expired while the laptop was offline. The sandbox's clock moves forward instead of waiting.
 */

import { afterEach, describe, expect, it, vi } from "vitest";
import { AesGcmCipher } from "../../electron/core/aes-gcm-cipher";
import {
  createAppServices,
  type AppServices,
} from "../../electron/core/app-services";
import { DEMO_REP } from "../../sandbox/seed";
import { useSandbox } from "../support/sandbox";
import { TempFolders } from "./support";

const ACCESS_TOKEN_SECONDS = 3_600;
const REFRESH_TOKEN_SECONDS = 7 * 24 * 3_600;
const ACCOUNTS = ["A-1000", "A-2000", "A-3000"];

const folders = new TempFolders();
const services: AppServices[] = [];
const sandbox = useSandbox();

afterEach(() => {
  for (const service of services.splice(0)) {
    service.close();
  }
  sandbox().control.reset();
  folders.cleanup();
});

async function signedInServices(): Promise<AppServices> {
  const app = createAppServices({
    apiUrl: sandbox().url,
    dataDir: folders.create(),
    cipher: new AesGcmCipher(),
    // No client retries, so a check asked for while offline is queued at once.
    client: { maxRetries: 0, timeoutMs: 2_000 },
    queue: { requestsPerSecond: 100 },
    connection: {
      debounceMs: 50,
      backoff: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
      random: () => 0.5,
    },
  });
  services.push(app);
  await app.signIn(DEMO_REP.email, DEMO_REP.password);
  return app;
}

/** Asks for each check while the sandbox is offline, so every one is queued. */
async function queueWhileOffline(app: AppServices): Promise<void> {
  sandbox().control.setOffline(true);
  for (const account of ACCOUNTS) {
    const response = await app.checkCreditStatus(account);
    expect(response.errors?.[0]?.extensions?.queued).toBe(true);
  }
}

async function waitForAllDone(app: AppServices): Promise<void> {
  await vi.waitFor(
    () => {
      const states = app.queue.view().items.map((item) => item.state);
      expect(states).toEqual(ACCOUNTS.map(() => "done"));
    },
    { timeout: 10_000, interval: 20 },
  );
}

describe("queued checks after token expiry", () => {
  it("expired access token is refreshed", async () => {
    const app = await signedInServices();
    await queueWhileOffline(app);
    const queuedCount = app.queue.view().pendingCount;
    const refreshesBefore = sandbox().control.stats().refreshes;

    sandbox().control.advanceClock(ACCESS_TOKEN_SECONDS + 1);
    sandbox().control.setOffline(false);
    // The app probes on every network change event; the test calls probe() in its place.
    await app.connection.probe();
    await waitForAllDone(app);

    expect(queuedCount).toBe(ACCOUNTS.length);
    expect(
      sandbox().control.stats().refreshes - refreshesBefore,
    ).toBeGreaterThanOrEqual(1);
    expect(app.session.isSignedIn()).toBe(true);
    expect(app.queue.view().pausedForSignIn).toBe(false);
  });

  it("expired refresh token pauses the queue", async () => {
    const app = await signedInServices();
    await queueWhileOffline(app);

    sandbox().control.advanceClock(REFRESH_TOKEN_SECONDS + 1);
    sandbox().control.setOffline(false);
    await app.connection.probe();
    await vi.waitFor(
      () => {
        expect(app.queue.view().pausedForSignIn).toBe(true);
      },
      { timeout: 10_000, interval: 20 },
    );
    await vi.waitFor(() => {
      expect(app.queue.isSyncing()).toBe(false);
    });
    const paused = app.queue.view();
    const sessionView = app.session.view();

    expect(paused.items).toHaveLength(ACCOUNTS.length);
    expect(
      paused.items.filter((item) => item.state === "pending"),
    ).toHaveLength(ACCOUNTS.length);
    expect(paused.items.filter((item) => item.error !== null)).toEqual([]);
    expect(sessionView.state).toBe("signed-out");
    expect(sessionView.state === "signed-out" ? sessionView.reason : null).toBe(
      "expired",
    );

    await app.signIn(DEMO_REP.email, DEMO_REP.password);
    await waitForAllDone(app);

    expect(app.queue.view().pausedForSignIn).toBe(false);
    expect(app.queue.view().items).toHaveLength(ACCOUNTS.length);
  });
});
