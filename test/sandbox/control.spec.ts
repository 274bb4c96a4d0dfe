import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT_NUMBERS, DEMO_REP } from "../../sandbox/seed";
import { startSandbox, type Sandbox } from "../../sandbox/server";
import {
  CREDIT_CHECK_STATUS,
  checkCredit,
  obtainToken,
  signIn,
  singleError,
} from "./kraken-client";

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startSandbox();
});

afterEach(async () => {
  await sandbox.close();
});

function postControl(body: unknown): Promise<Response> {
  return fetch(`${sandbox.origin}/__sandbox/control`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function fetchStats(): Promise<unknown> {
  const response = await fetch(`${sandbox.origin}/__sandbox/stats`);
  expect(response.status).toBe(200);
  return response.json();
}

describe("control over HTTP", () => {
  it("applies failNext", async () => {
    const response = await postControl({
      action: "failNext",
      failure: { kind: "html-403", count: 1 },
    });
    const graphql = await fetch(sandbox.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: CREDIT_CHECK_STATUS,
        variables: { accountNumber: "A-1000" },
      }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(graphql.status).toBe(403);
  });

  it("works while offline", async () => {
    expect(
      (await postControl({ action: "setOffline", offline: true })).status,
    ).toBe(200);
    await expect(
      fetch(sandbox.url, { method: "POST", body: "{}" }),
    ).rejects.toThrow(TypeError);

    expect(await fetchStats()).toMatchObject({ requests: 1 });
    expect(
      (await postControl({ action: "setOffline", offline: false })).status,
    ).toBe(200);
    const { body } = await obtainToken(sandbox.url, {
      email: DEMO_REP.email,
      password: DEMO_REP.password,
    });
    expect(body.errors).toBeUndefined();
  });

  it("applies advanceClock", async () => {
    const issued = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);
    const response = await postControl({
      action: "advanceClock",
      seconds: 3601,
    });
    const { body } = await checkCredit(
      sandbox.url,
      DEMO_ACCOUNT_NUMBERS.depositRequired,
      `JWT ${issued.token}`,
    );

    expect(response.status).toBe(200);
    expect(singleError(body).extensions?.errorCode).toBe("KT-CT-1124");
  });

  it("applies setLatency", async () => {
    await postControl({ action: "setLatency", ms: 150 });
    const started = Date.now();
    await obtainToken(sandbox.url, {
      email: DEMO_REP.email,
      password: DEMO_REP.password,
    });

    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("applies setTokenLifetime", async () => {
    await postControl({ action: "setTokenLifetime", seconds: 120 });
    const issued = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);

    expect(issued.payload.exp - issued.payload.iat).toBe(120);
  });

  it("applies setRefreshLifetime", async () => {
    await postControl({ action: "setRefreshLifetime", seconds: 60 });
    const issued = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);

    expect(issued.refreshExpiresIn - issued.payload.origIat).toBe(60);
  });

  it("reports and resets stats", async () => {
    const issued = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);
    await obtainToken(sandbox.url, { refreshToken: issued.refreshToken });
    await checkCredit(
      sandbox.url,
      DEMO_ACCOUNT_NUMBERS.depositRequired,
      issued.token,
    );

    expect(await fetchStats()).toEqual({
      signIns: 1,
      refreshes: 1,
      creditChecks: 1,
      requests: 3,
    });

    expect((await postControl({ action: "reset" })).status).toBe(200);
    expect(await fetchStats()).toEqual({
      signIns: 0,
      refreshes: 0,
      creditChecks: 0,
      requests: 0,
    });
  });

  it("keeps issued tokens valid after reset", async () => {
    const issued = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);
    await postControl({ action: "reset" });
    const { body } = await obtainToken(sandbox.url, {
      refreshToken: issued.refreshToken,
    });

    expect(body.errors).toBeUndefined();
  });
});

describe("control body validation", () => {
  it.each([
    ["invalid JSON", "{not json", /not valid JSON/],
    ["an unknown action", { action: "explode" }, /action/],
    ["a missing field", { action: "setOffline" }, /offline/],
    [
      "an unknown failure kind",
      { action: "failNext", failure: { kind: "fire" } },
      /kind/,
    ],
    [
      "a zero count",
      { action: "failNext", failure: { kind: "reset", count: 0 } },
      /count/,
    ],
    ["a negative latency", { action: "setLatency", ms: -1 }, /ms/],
    ["a backwards clock", { action: "advanceClock", seconds: -10 }, /seconds/],
    ["an extra field", { action: "reset", force: true }, /force/],
  ])("rejects %s with HTTP 400", async (_case, body, message) => {
    const response = await postControl(body);
    const json: unknown = await response.json();

    expect(response.status).toBe(400);
    expect(json).toEqual({ error: expect.stringMatching(message) });
  });

  it("rejects GET on the control endpoint", async () => {
    const response = await fetch(`${sandbox.origin}/__sandbox/control`);

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});

describe("HTTP routes", () => {
  it("rejects GET on the GraphQL endpoint", async () => {
    const response = await fetch(`${sandbox.url}?query=%7B__typename%7D`);

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("answers 404 for unknown paths", async () => {
    const response = await fetch(`${sandbox.origin}/graphql`, {
      method: "POST",
      body: "{}",
    });

    expect(response.status).toBe(404);
  });

  it("reports the listening port in the URL", () => {
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}/v1/graphql/`);
    expect(sandbox.origin).toBe(`http://127.0.0.1:${sandbox.port}`);
  });
});
