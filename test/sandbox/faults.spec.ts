import { request as httpRequest } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT_NUMBERS, DEMO_REP } from "../../sandbox/seed";
import { HEALTH_PATH, startSandbox, type Sandbox } from "../../sandbox/server";
import {
  CREDIT_CHECK_STATUS,
  OBTAIN_KRAKEN_TOKEN,
  checkCredit,
  postGraphQL,
  signIn,
  singleError,
} from "./kraken-client";

let sandbox: Sandbox;
let authorization: string;

beforeEach(async () => {
  sandbox = await startSandbox();
  const issued = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);
  authorization = `JWT ${issued.token}`;
});

afterEach(async () => {
  await sandbox.close();
});

function checkDepositRequired(signal?: AbortSignal): Promise<Response> {
  return fetch(sandbox.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body: JSON.stringify({
      query: CREDIT_CHECK_STATUS,
      variables: { accountNumber: DEMO_ACCOUNT_NUMBERS.depositRequired },
      operationName: "creditCheckStatus",
    }),
    signal,
  });
}

/** Returns the error code of a rejected fetch, such as ECONNRESET. */
async function connectionErrorCode(
  attempt: Promise<Response>,
): Promise<string> {
  const error = await attempt.then(
    () => new Error("Expected the request to fail, but it got a response"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TypeError);
  const cause = (error as TypeError).cause;
  return String((cause as { code?: unknown } | undefined)?.code);
}

describe("failNext", () => {
  it("resets the connection", async () => {
    sandbox.control.failNext({ kind: "reset" });

    expect(await connectionErrorCode(checkDepositRequired())).toBe(
      "ECONNRESET",
    );
    expect((await checkDepositRequired()).status).toBe(200);
  });

  it("answers HTTP 500 with a plain-text body", async () => {
    sandbox.control.failNext({ kind: "http-500" });
    const response = await checkDepositRequired();

    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/Internal Server Error/);
  });

  it("answers HTTP 403 with an HTML page", async () => {
    sandbox.control.failNext({ kind: "html-403" });
    const response = await checkDepositRequired();

    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it("answers a KT-CT-1199 rate-limit error", async () => {
    sandbox.control.failNext({ kind: "rate-limit" });
    const { status, body } = await checkCredit(
      sandbox.url,
      DEMO_ACCOUNT_NUMBERS.depositRequired,
      authorization,
    );
    const error = singleError(body);

    expect(status).toBe(200);
    expect(body.data).toEqual({ creditCheckStatus: null });
    expect(error.path).toEqual(["creditCheckStatus"]);
    expect(error.extensions?.errorCode).toBe("KT-CT-1199");
    expect(error.extensions?.errorType).toBe("SERVICE_AVAILABILITY");
    expect(error.extensions?.validationErrors).toEqual([]);
  });

  it("leaves the request unanswered for timeout", async () => {
    sandbox.control.failNext({ kind: "timeout" });
    const started = Date.now();
    const attempt = checkDepositRequired(AbortSignal.timeout(300));

    await expect(attempt).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect((await checkDepositRequired()).status).toBe(200);
  });

  it("fails only the requested number of requests", async () => {
    sandbox.control.failNext({ kind: "http-500", count: 2 });

    expect((await checkDepositRequired()).status).toBe(500);
    expect((await checkDepositRequired()).status).toBe(500);
    expect((await checkDepositRequired()).status).toBe(200);
  });

  it("fails only the named operation", async () => {
    sandbox.control.failNext({
      kind: "http-500",
      operationName: "obtainKrakenToken",
    });

    expect((await checkDepositRequired()).status).toBe(200);
    const signInResponse = await fetch(sandbox.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: OBTAIN_KRAKEN_TOKEN,
        variables: {
          input: { email: DEMO_REP.email, password: DEMO_REP.password },
        },
        operationName: "obtainKrakenToken",
      }),
    });
    expect(signInResponse.status).toBe(500);
    expect((await checkDepositRequired()).status).toBe(200);
  });

  it("reads the operation name from the query", async () => {
    sandbox.control.failNext({
      kind: "http-500",
      operationName: "creditCheckStatus",
    });
    const response = await fetch(sandbox.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify({
        query: CREDIT_CHECK_STATUS,
        variables: { accountNumber: DEMO_ACCOUNT_NUMBERS.depositRequired },
      }),
    });

    expect(response.status).toBe(500);
  });

  it("queues failures in order", async () => {
    sandbox.control.failNext({ kind: "http-500" });
    sandbox.control.failNext({ kind: "html-403" });

    expect((await checkDepositRequired()).status).toBe(500);
    expect((await checkDepositRequired()).status).toBe(403);
    expect((await checkDepositRequired()).status).toBe(200);
  });

  it("rejects an invalid count", () => {
    expect(() => sandbox.control.failNext({ kind: "reset", count: 0 })).toThrow(
      /count/,
    );
  });
});

describe("offline mode", () => {
  it("resets connections until back online", async () => {
    sandbox.control.setOffline(true);

    expect(await connectionErrorCode(checkDepositRequired())).toBe(
      "ECONNRESET",
    );
    expect(
      await connectionErrorCode(fetch(`${sandbox.origin}${HEALTH_PATH}`)),
    ).toBe("ECONNRESET");

    sandbox.control.setOffline(false);
    const { body } = await postGraphQL(sandbox.url, {
      query: CREDIT_CHECK_STATUS,
      variables: { accountNumber: DEMO_ACCOUNT_NUMBERS.depositRequired },
      authorization,
    });
    const health = await fetch(`${sandbox.origin}${HEALTH_PATH}`);

    expect(body.errors).toBeUndefined();
    expect(health.status).toBe(200);
    expect(await health.text()).toBe("ok\n");
  });

  it("counts dropped requests", async () => {
    sandbox.control.reset();
    sandbox.control.setOffline(true);
    await connectionErrorCode(checkDepositRequired());

    expect(sandbox.control.stats()).toEqual({
      signIns: 0,
      refreshes: 0,
      creditChecks: 0,
      requests: 1,
    });
  });
});

describe("latency", () => {
  it("delays responses", async () => {
    sandbox.control.setLatency(200);
    const started = Date.now();
    const response = await checkDepositRequired();

    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("is cleared by reset", async () => {
    sandbox.control.setLatency(5000);
    sandbox.control.reset();
    const response = await checkDepositRequired(AbortSignal.timeout(2000));

    expect(response.status).toBe(200);
  });
});

describe("close", () => {
  it("returns promptly with kept-alive and hanging connections", async () => {
    const idle = await checkDepositRequired();
    await idle.text();
    sandbox.control.failNext({ kind: "timeout" });
    const hanging = new Promise<string>((resolve) => {
      const request = httpRequest(sandbox.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
      });
      request.on("error", (error: NodeJS.ErrnoException) =>
        resolve(error.code ?? "error"),
      );
      request.end(JSON.stringify({ query: "{ __typename }" }));
    });
    // Gives the sandbox time to receive the hanging request before closing.
    await new Promise((resolve) => setTimeout(resolve, 50));

    const started = Date.now();
    await sandbox.close();

    expect(Date.now() - started).toBeLessThan(1000);
    expect(await hanging).toBe("ECONNRESET");
  });
});
