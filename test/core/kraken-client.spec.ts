import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../electron/core/backoff";
import { KrakenClient } from "../../electron/core/kraken-client";
import {
  KrakenApiError,
  KrakenTransportError,
  SessionExpiredError,
  toCheckError,
} from "../../electron/core/kraken-errors";
import { useSandbox } from "../support/sandbox";
import { DEMO_REP } from "../../sandbox/seed";

const SIGN_IN = {
  operationName: "obtainKrakenToken",
  query: `mutation obtainKrakenToken($input: ObtainJSONWebTokenInput!) {
    obtainKrakenToken(input: $input) { token refreshToken refreshExpiresIn }
  }`,
  variables: { input: { email: DEMO_REP.email, password: DEMO_REP.password } },
};

const FAST_BACKOFF = { baseDelayMs: 1, maxDelayMs: 5 };

describe("KrakenClient", () => {
  const sandbox = useSandbox();

  const client = (overrides = {}) =>
    new KrakenClient({
      apiUrl: sandbox().url,
      backoff: FAST_BACKOFF,
      ...overrides,
    });

  it("returns data on success", async () => {
    const data = await client().request<{
      obtainKrakenToken: { token: string };
    }>(SIGN_IN);

    expect(data.obtainKrakenToken.token.split(".")).toHaveLength(3);
  });

  it("parses Kraken errors by code", async () => {
    const wrongPassword = {
      ...SIGN_IN,
      variables: { input: { email: DEMO_REP.email, password: "x" } },
    };

    const error = await client()
      .request(wrongPassword)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(KrakenApiError);
    expect((error as KrakenApiError).errorCode).toBe("KT-CT-1138");
    expect(toCheckError(error).kind).toBe("sign-in-failed");
  });

  it.each(["reset", "http-500", "html-403"] as const)(
    "retries %s then succeeds",
    async (kind) => {
      sandbox().control.failNext({ kind, count: 2 });

      await client().request(SIGN_IN);

      expect(sandbox().control.stats().signIns).toBeGreaterThanOrEqual(1);
      expect(sandbox().control.stats().requests).toBe(3);
    },
  );

  it("gives up after three retries", async () => {
    sandbox().control.failNext({ kind: "http-500", count: 10 });

    const error = await client()
      .request(SIGN_IN)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(KrakenTransportError);
    expect((error as KrakenTransportError).failure).toBe("http-status");
    expect(sandbox().control.stats().requests).toBe(4);
    expect(toCheckError(error).kind).toBe("server");
  });

  it("treats a proxy's HTML page as transient", async () => {
    sandbox().control.failNext({ kind: "html-403", count: 10 });

    const error = await client({ maxRetries: 1 })
      .request(SIGN_IN)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(KrakenTransportError);
    expect((error as KrakenTransportError).failure).toBe("not-json");
    expect(sandbox().control.stats().requests).toBe(2);
  });

  it("times out a request that hangs", async () => {
    sandbox().control.failNext({ kind: "timeout", count: 1 });

    await client({ timeoutMs: 300 }).request(SIGN_IN);

    expect(sandbox().control.stats().requests).toBe(2);
  });

  it("reports a timeout as network", async () => {
    sandbox().control.failNext({ kind: "timeout", count: 5 });

    const error = await client({ timeoutMs: 200, maxRetries: 0 })
      .request(SIGN_IN)
      .catch((caught: unknown) => caught);

    expect((error as KrakenTransportError).failure).toBe("timeout");
    expect(toCheckError(error).kind).toBe("network");
  });

  it("does not retry rate limiting", async () => {
    sandbox().control.failNext({ kind: "rate-limit", count: 1 });

    const error = await client()
      .request(SIGN_IN)
      .catch((caught: unknown) => caught);

    expect((error as KrakenApiError).errorCode).toBe("KT-CT-1199");
    expect(toCheckError(error).kind).toBe("rate-limited");
    expect(sandbox().control.stats().requests).toBe(1);
  });

  it("reports an offline server as network", async () => {
    sandbox().control.setOffline(true);

    const error = await client({ maxRetries: 0 })
      .request(SIGN_IN)
      .catch((caught: unknown) => caught);

    expect((error as KrakenTransportError).failure).toBe("network");
    expect(toCheckError(error).kind).toBe("network");
  });

  it("stops retrying when the caller aborts", async () => {
    sandbox().control.failNext({ kind: "http-500", count: 10 });
    const controller = new AbortController();
    const slow = client({
      backoff: { baseDelayMs: 5_000, maxDelayMs: 5_000 },
      random: () => 0.99,
    });

    const pending = slow
      .request(SIGN_IN, { signal: controller.signal })
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort(new Error("cancelled")), 100);

    expect(((await pending) as Error).message).toBe("cancelled");
    expect(sandbox().control.stats().requests).toBe(1);
  });
});

describe("KrakenClient edge responses", () => {
  it("maps an HTTP 429 page to a rate limit", async () => {
    // Kraken's edge can refuse before GraphQL runs; the sandbox has no such layer.
    const server = createServer((_request, response) => {
      response.writeHead(429, { "content-type": "text/html" });
      response.end("<html><body>Too Many Requests</body></html>");
    });
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", resolve),
    );
    const { port } = server.address() as AddressInfo;

    try {
      const error = await new KrakenClient({
        apiUrl: `http://127.0.0.1:${port}/v1/graphql/`,
      })
        .request(SIGN_IN)
        .catch((caught: unknown) => caught);

      expect(toCheckError(error).kind).toBe("rate-limited");
    } finally {
      server.close();
    }
  });
});

describe("backoffDelay", () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

  it("doubles the ceiling per attempt", () => {
    const almostOne = () => 0.999_999;

    expect(backoffDelay(0, policy, almostOne)).toBe(99);
    expect(backoffDelay(1, policy, almostOne)).toBe(199);
    expect(backoffDelay(3, policy, almostOne)).toBe(799);
  });

  it("caps at the maximum", () => {
    expect(backoffDelay(20, policy, () => 0.999_999)).toBe(999);
  });

  it("jitters down to zero", () => {
    expect(backoffDelay(5, policy, () => 0)).toBe(0);
  });
});

describe("toCheckError", () => {
  const byCode: Array<[code: string, kind: string]> = [
    ["KT-CT-1111", "not-authorized"],
    ["KT-CT-4177", "account-not-found"],
    ["KT-CT-1138", "sign-in-failed"],
    ["KT-CT-1124", "session-expired"],
    ["KT-CT-1134", "session-expired"],
    ["KT-CT-1135", "session-expired"],
    ["KT-CT-1143", "session-expired"],
    ["KT-CT-1199", "rate-limited"],
    ["KT-CT-9999", "server"],
  ];

  it.each(byCode)("maps %s to %s", (code, kind) => {
    const error = toCheckError(
      new KrakenApiError("Some message.", code, "APPLICATION"),
    );

    expect(error.kind).toBe(kind);
    expect(error.errorCode).toBe(code);
  });

  it("maps a bare Unauthorized to not found", () => {
    expect(
      toCheckError(new KrakenApiError("Unauthorized.", undefined, undefined))
        .kind,
    ).toBe("account-not-found");
  });

  it("maps session expiry", () => {
    expect(toCheckError(new SessionExpiredError("gone")).kind).toBe(
      "session-expired",
    );
  });
});
