import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AesGcmCipher } from "../../electron/core/aes-gcm-cipher";
import {
  createAppServices,
  type AppServices,
} from "../../electron/core/app-services";
import type { LogFields, Logger } from "../../electron/core/logger";
import {
  createIpcRouter,
  type IpcRouter,
} from "../../electron/main/ipc-router";
import { APP_ENTRY_URL, isAppUrl } from "../../electron/main/security-policy";
import { CREDIT_CHECK_STATUS_QUERY } from "../../shared/operations";
import { useSandbox } from "../support/sandbox";
import { DEMO_REP } from "../../sandbox/seed";

const APP = { url: APP_ENTRY_URL };

describe("IPC router", () => {
  const sandbox = useSandbox();
  let dataDir: string;
  let services: AppServices;
  let router: IpcRouter;
  let warnings: Array<[string, LogFields | undefined]>;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "router-"));
    warnings = [];
    const logger: Logger = {
      info: () => undefined,
      warn: (message, fields) => warnings.push([message, fields]),
      error: () => undefined,
    };
    services = createAppServices({
      apiUrl: sandbox().url,
      dataDir,
      cipher: new AesGcmCipher(),
      logger,
      client: { backoff: { baseDelayMs: 1, maxDelayMs: 2 }, maxRetries: 0 },
    });
    router = createIpcRouter(services, { isTrustedSender: isAppUrl, logger });
  });
  afterEach(() => {
    services.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const signIn = () =>
    router.dispatch(
      "session:sign-in",
      { email: DEMO_REP.email, password: DEMO_REP.password },
      APP,
    );

  const creditCheck = (accountNumber: string) =>
    router.dispatch(
      "graphql:execute",
      {
        operationName: "creditCheckStatus",
        query: CREDIT_CHECK_STATUS_QUERY,
        variables: { accountNumber },
      },
      APP,
    );

  it("signs in and checks", async () => {
    const signedIn = await signIn();
    const result = await creditCheck("a-1000");

    expect(signedIn).toMatchObject({
      ok: true,
      value: { state: "signed-in", email: DEMO_REP.email },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        data: {
          creditCheckStatus: {
            status: "DEPOSIT_REQUIRED",
            __typename: expect.any(String),
          },
        },
      },
    });
  });

  it("session view carries no token", async () => {
    const signedIn = await signIn();
    const text = JSON.stringify(signedIn);

    expect(text).not.toMatch(/token/i);
    expect(text).not.toContain(DEMO_REP.password);
  });

  it("wrong password is a form error", async () => {
    const result = await router.dispatch(
      "session:sign-in",
      { email: DEMO_REP.email, password: "wrong" },
      APP,
    );

    expect(result).toMatchObject({
      ok: false,
      error: { kind: "sign-in-failed" },
    });
  });

  it("check errors come back as GraphQL errors", async () => {
    await signIn();

    const result = await creditCheck("A-9999");

    expect(result).toMatchObject({
      ok: true,
      value: {
        data: null,
        errors: [
          {
            extensions: { kind: "account-not-found", errorCode: "KT-CT-4177" },
          },
        ],
      },
    });
  });

  it("invalid account number sends nothing", async () => {
    await signIn();

    const result = await creditCheck("12345");

    expect(result).toMatchObject({
      ok: true,
      value: { errors: [{ extensions: { kind: "invalid-account-number" } }] },
    });
    expect(sandbox().control.stats().creditChecks).toBe(0);
  });

  it("offline check is queued", async () => {
    await signIn();
    sandbox().control.setOffline(true);

    const result = await creditCheck("A-2000");
    const queue = await router.dispatch("queue:get", undefined, APP);

    expect(result).toMatchObject({
      ok: true,
      value: { errors: [{ extensions: { kind: "network", queued: true } }] },
    });
    expect(queue).toMatchObject({
      ok: true,
      value: { pendingCount: 1, items: [{ accountNumber: "A-2000" }] },
    });
  });

  it("signed out check asks to sign in", async () => {
    const result = await creditCheck("A-1000");

    expect(result).toMatchObject({
      ok: true,
      value: { errors: [{ extensions: { kind: "session-expired" } }] },
    });
  });

  const longString = "x".repeat(100_000);
  const hostile: Array<
    [
      name: string,
      channel: string,
      payload: unknown,
      sender: { url: string } | null,
    ]
  > = [
    ["unknown channel", "shell:open", { url: "file:///etc/passwd" }, APP],
    ["prototype channel", "__proto__", {}, APP],
    ["constructor channel", "constructor", undefined, APP],
    [
      "remote sender",
      "session:get",
      undefined,
      { url: "https://evil.example/" },
    ],
    [
      "file sender",
      "session:get",
      undefined,
      { url: "file:///tmp/index.html" },
    ],
    [
      "lookalike sender",
      "session:get",
      undefined,
      { url: "app://renderer.evil/index.html" },
    ],
    ["missing sender", "session:get", undefined, null],
    ["payload on no-payload channel", "session:get", { leak: true }, APP],
    [
      "sign-in extra field",
      "session:sign-in",
      { email: "a@b.c", password: "p", admin: true },
      APP,
    ],
    [
      "sign-in wrong types",
      "session:sign-in",
      { email: 1, password: ["p"] },
      APP,
    ],
    [
      "sign-in oversized password",
      "session:sign-in",
      { email: "a@b.c", password: longString },
      APP,
    ],
    ["sign-in null", "session:sign-in", null, APP],
    [
      "arbitrary query",
      "graphql:execute",
      { operationName: "viewer", query: "{ viewer { id } }", variables: {} },
      APP,
    ],
    [
      "token mutation",
      "graphql:execute",
      {
        operationName: "obtainKrakenToken",
        query: "mutation { x }",
        variables: { input: {} },
      },
      APP,
    ],
    [
      "oversized query",
      "graphql:execute",
      { operationName: "creditCheckStatus", query: longString, variables: {} },
      APP,
    ],
    [
      "extra variables",
      "graphql:execute",
      {
        operationName: "creditCheckStatus",
        query: "",
        variables: { accountNumber: "A-1", first: 1000 },
      },
      APP,
    ],
    [
      "wrong variable type",
      "graphql:execute",
      {
        operationName: "creditCheckStatus",
        query: "",
        variables: { accountNumber: { $ne: null } },
      },
      APP,
    ],
    ["queue id traversal", "queue:discard", { id: "../../etc" }, APP],
    ["queue id unknown", "queue:retry", { id: "no-such-item" }, APP],
    ["queue id wrong type", "queue:retry", { id: 42 }, APP],
  ];

  it.each(hostile)("rejects %s", async (_name, channel, payload, sender) => {
    const result = await router.dispatch(channel, payload, sender);

    expect(result).toMatchObject({
      ok: false,
      error: { kind: "invalid-request" },
    });
    expect(sandbox().control.stats().requests).toBe(0);
    expect(warnings.length).toBe(1);
  });

  it("rate-limits repeated warnings", async () => {
    for (let i = 0; i < 50; i++) {
      await router.dispatch("evil:channel", undefined, APP);
    }

    expect(warnings).toHaveLength(1);
  });
});
