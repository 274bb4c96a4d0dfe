import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AesGcmCipher } from "../../electron/core/aes-gcm-cipher";
import { runCreditCheck } from "../../electron/core/credit-check";
import { MemoryStore } from "../../electron/core/key-value-store";
import { KrakenClient } from "../../electron/core/kraken-client";
import { SessionExpiredError } from "../../electron/core/kraken-errors";
import { KrakenSession } from "../../electron/core/kraken-session";
import { TokenVault } from "../../electron/core/token-vault";
import type { SessionView } from "../../shared/views";
import { startSandbox, type Sandbox } from "../../sandbox/server";
import { DEMO_REP } from "../../sandbox/seed";

const HOUR_MS = 3_600_000;
const WEEK_SECONDS = 7 * 24 * 3600;

describe("KrakenSession", () => {
  let sandbox: Sandbox;
  let client: KrakenClient;
  let store: MemoryStore;
  let cipher: AesGcmCipher;
  let clockOffsetMs: number;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    client = new KrakenClient({
      apiUrl: sandbox.url,
      backoff: { baseDelayMs: 1, maxDelayMs: 5 },
    });
  });
  afterAll(async () => {
    await sandbox.close();
  });
  beforeEach(() => {
    sandbox.control.reset();
    store = new MemoryStore();
    cipher = new AesGcmCipher();
    clockOffsetMs = 0;
  });

  /** A session whose clock runs `clockOffsetMs` ahead of real time. */
  const newSession = (refreshMarginMs = 5 * 60_000) =>
    new KrakenSession(client, new TokenVault(store, cipher), {
      refreshMarginMs,
      now: () => Date.now() + clockOffsetMs,
    });

  const signedIn = async (refreshMarginMs?: number) => {
    const session = newSession(refreshMarginMs);
    await session.signIn(DEMO_REP.email, DEMO_REP.password);
    sandbox.control.reset();
    return session;
  };

  const check = (session: KrakenSession, accountNumber = "A-1000") =>
    runCreditCheck(client, session, accountNumber);

  it("signs in and checks", async () => {
    const session = await signedIn();

    const result = await check(session);

    expect(session.view().state).toBe("signed-in");
    expect(result.status).toBe("DEPOSIT_REQUIRED");
    expect(sandbox.control.stats().refreshes).toBe(0);
  });

  it("refreshes before expiry", async () => {
    const session = await signedIn();
    // Four minutes before exp is inside the five-minute margin.
    clockOffsetMs = HOUR_MS - 4 * 60_000;
    sandbox.control.advanceClock(3600 - 4 * 60);

    await check(session);

    expect(sandbox.control.stats().refreshes).toBe(1);
    expect(sandbox.control.stats().creditChecks).toBe(1);
  });

  it("refreshes once on KT-CT-1124", async () => {
    const session = await signedIn(0);
    // Only Kraken's clock moves, so the app still trusts its token and learns from the error.
    sandbox.control.advanceClock(3601);

    const result = await check(session);

    expect(result.status).toBe("DEPOSIT_REQUIRED");
    expect(sandbox.control.stats().refreshes).toBe(1);
    expect(sandbox.control.stats().creditChecks).toBe(2);
  });

  it("shares one refresh among 10 requests", async () => {
    const session = await signedIn(0);
    sandbox.control.advanceClock(3601);

    const results = await Promise.all(
      Array.from({ length: 10 }, () => check(session)),
    );

    expect(
      results.every((result) => result.status === "DEPOSIT_REQUIRED"),
    ).toBe(true);
    expect(sandbox.control.stats().refreshes).toBe(1);
  });

  it("shares one proactive refresh", async () => {
    const session = await signedIn();
    clockOffsetMs = HOUR_MS;
    sandbox.control.advanceClock(3600);

    await Promise.all(Array.from({ length: 10 }, () => check(session)));

    expect(sandbox.control.stats().refreshes).toBe(1);
    expect(sandbox.control.stats().creditChecks).toBe(10);
  });

  it("keeps the refresh token", async () => {
    const session = await signedIn(0);
    const before = session.view();
    sandbox.control.advanceClock(3601);

    await check(session);
    const after = session.view();

    expect(after.state).toBe("signed-in");
    expect(before.state).toBe("signed-in");
    if (after.state !== "signed-in" || before.state !== "signed-in") return;
    expect(after.refreshExpiresAt).toBe(before.refreshExpiresAt);
  });

  it("ends on refresh-token expiry", async () => {
    const session = await signedIn();
    const views: SessionView[] = [];
    session.onChange((view) => views.push(view));
    clockOffsetMs = WEEK_SECONDS * 1000 + 1000;

    const error = await check(session).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(session.view()).toMatchObject({
      state: "signed-out",
      reason: "expired",
    });
    expect(views.at(-1)).toMatchObject({
      state: "signed-out",
      reason: "expired",
    });
    expect(sandbox.control.stats().refreshes).toBe(0);
    expect(store.get("session")).toBeUndefined();
  });

  it("ends on KT-CT-1134", async () => {
    const session = await signedIn(0);
    sandbox.control.advanceClock(WEEK_SECONDS + 1);

    const error = await check(session).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(session.view()).toMatchObject({
      state: "signed-out",
      reason: "expired",
    });
    expect(sandbox.control.stats().refreshes).toBe(1);
  });

  it("restores a saved session", async () => {
    await signedIn();

    const restored = newSession();
    restored.restore();

    expect(restored.view()).toMatchObject({
      state: "signed-in",
      email: DEMO_REP.email,
    });
    expect((await check(restored)).status).toBe("DEPOSIT_REQUIRED");
  });

  it("drops an expired saved session", async () => {
    await signedIn();
    clockOffsetMs = WEEK_SECONDS * 1000 + 1000;

    const restored = newSession();
    restored.restore();

    expect(restored.view()).toMatchObject({
      state: "signed-out",
      reason: "expired",
    });
  });

  it("sign-out forgets the session", async () => {
    const session = await signedIn();

    session.signOut();

    expect(session.view()).toMatchObject({
      state: "signed-out",
      reason: "signed-out",
    });
    expect(store.get("session")).toBeUndefined();
    await expect(check(session)).rejects.toThrow("Not signed in");
  });

  it("wrong password stays signed out", async () => {
    const session = newSession();

    await expect(session.signIn(DEMO_REP.email, "wrong")).rejects.toMatchObject(
      {
        errorCode: "KT-CT-1138",
      },
    );
    expect(session.view().state).toBe("signed-out");
  });
});
