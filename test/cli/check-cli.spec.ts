import { describe, expect, it } from "vitest";
import { useSandbox } from "../support/sandbox";
import { DEMO_REP, DEMO_VIEWER } from "../../sandbox/seed";
import { jsonLines, runCli } from "./run-cli";

describe("check CLI", () => {
  const sandbox = useSandbox();
  const rep = {
    KRAKEN_EMAIL: DEMO_REP.email,
    KRAKEN_PASSWORD: DEMO_REP.password,
  };

  it("prints guidance per account in order", async () => {
    const run = await runCli(
      [
        "--api",
        sandbox().url,
        "--json",
        "A-1000",
        "a-2000",
        " A-3000 ",
        "A-5000",
        "A-1A2B3C4D",
      ],
      rep,
    );

    expect(jsonLines(run.stdout)).toEqual([
      {
        accountNumber: "A-1000",
        status: "DEPOSIT_REQUIRED",
        guidance: "deposit-required",
      },
      {
        accountNumber: "A-2000",
        status: "DEPOSIT_NOT_REQUIRED",
        guidance: "no-deposit",
      },
      { accountNumber: "A-3000", status: null, guidance: "no-decision" },
      {
        accountNumber: "A-5000",
        status: "DEPOSIT_UNDER_REVIEW",
        guidance: "no-decision",
      },
      {
        accountNumber: "A-1A2B3C4D",
        status: "DEPOSIT_REQUIRED",
        guidance: "deposit-required",
      },
    ]);
    expect(run.code).toBe(0);
  });

  it("reports failed accounts with exit 1", async () => {
    const run = await runCli(
      ["--api", sandbox().url, "--json", "A-9999", "A-4000", "xyz", "A-2000"],
      rep,
    );
    const lines = jsonLines(run.stdout) as Array<{
      accountNumber: string;
      error?: { kind: string };
    }>;

    expect(lines.map((line) => [line.accountNumber, line.error?.kind])).toEqual(
      [
        ["A-9999", "account-not-found"],
        ["A-4000", "not-authorized"],
        ["xyz", "invalid-account-number"],
        ["A-2000", undefined],
      ],
    );
    expect(run.code).toBe(1);
  });

  it("sends no request for invalid input", async () => {
    const run = await runCli(["--api", sandbox().url, "--json", "12345"], rep);

    expect(run.code).toBe(1);
    expect(sandbox().control.stats().creditChecks).toBe(0);
  });

  it("viewer without rights is not authorized", async () => {
    const run = await runCli(["--api", sandbox().url, "--json", "A-1000"], {
      KRAKEN_EMAIL: DEMO_VIEWER.email,
      KRAKEN_PASSWORD: DEMO_VIEWER.password,
    });

    expect(jsonLines(run.stdout)).toEqual([
      {
        accountNumber: "A-1000",
        error: expect.objectContaining({ kind: "not-authorized" }),
      },
    ]);
    expect(run.code).toBe(1);
  });

  it("wrong password exits 2", async () => {
    const run = await runCli(["--api", sandbox().url, "--json", "A-1000"], {
      ...rep,
      KRAKEN_PASSWORD: "wrong",
    });

    expect(jsonLines(run.stdout)).toEqual([
      {
        accountNumber: "A-1000",
        error: expect.objectContaining({ kind: "sign-in-failed" }),
      },
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Sign-in failed");
  });

  it("rate limiting is its own kind", async () => {
    sandbox().control.failNext({
      kind: "rate-limit",
      count: 1,
      operationName: "creditCheckStatus",
    });

    const run = await runCli(["--api", sandbox().url, "--json", "A-1000"], rep);

    expect(jsonLines(run.stdout)).toEqual([
      {
        accountNumber: "A-1000",
        error: expect.objectContaining({ kind: "rate-limited" }),
      },
    ]);
    expect(run.code).toBe(1);
  });

  it("unreachable Kraken fails sign-in", async () => {
    sandbox().control.setOffline(true);

    const run = await runCli(["--api", sandbox().url, "--json", "A-1000"], rep);

    expect(jsonLines(run.stdout)).toEqual([
      {
        accountNumber: "A-1000",
        error: expect.objectContaining({ kind: "network" }),
      },
    ]);
    expect(run.code).toBe(2);
  });

  it("prints a table without --json", async () => {
    const run = await runCli(["--api", sandbox().url, "A-1000", "A-3000"], rep);

    expect(run.stdout).toContain("A-1000   Deposit required");
    expect(run.stdout).toContain("A-3000   No decision");
    expect(run.code).toBe(0);
  });

  it("starts its own sandbox", async () => {
    const run = await runCli(["--sandbox", "--json", "A-2000"]);

    expect(jsonLines(run.stdout)).toEqual([
      {
        accountNumber: "A-2000",
        status: "DEPOSIT_NOT_REQUIRED",
        guidance: "no-deposit",
      },
    ]);
    expect(run.code).toBe(0);
  });

  it.each([
    [["--json"], "at least one account number"],
    [["--bogus", "A-1000"], "Unknown option"],
    [
      ["--api", "http://kraken.invalid/graphql", "A-1000"],
      "Invalid Kraken API URL",
    ],
    [["--api", "x", "--sandbox", "A-1000"], "either --api or --sandbox"],
    [["queue", "add", "A-1000"], "--data-dir"],
  ])("usage error %j exits 2", async (args, message) => {
    const run = await runCli(args);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("missing credentials without a terminal exits 2", async () => {
    const run = await runCli(["--api", sandbox().url, "A-1000"]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Set KRAKEN_EMAIL and KRAKEN_PASSWORD");
  });
});
