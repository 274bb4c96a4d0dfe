import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_REP } from "../../sandbox/seed";
import { useSandbox } from "../support/sandbox";
import { jsonLines, runCli } from "./run-cli";

describe("check CLI errors", () => {
  const sandbox = useSandbox();
  const rep = {
    KRAKEN_EMAIL: DEMO_REP.email,
    KRAKEN_PASSWORD: DEMO_REP.password,
  };
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "cli-errors-"));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("all invalid input needs no sign-in", async () => {
    const run = await runCli(["--api", sandbox().url, "--json", "A-G", "12"]);

    expect(run.code).toBe(1);
    expect(jsonLines(run.stdout)).toHaveLength(2);
    expect(sandbox().control.stats().requests).toBe(0);
  });

  it("wrong API path is a server error", async () => {
    const wrongPath = sandbox().url.replace("/v1/graphql/", "/graphql/");

    const run = await runCli(["--api", wrongPath, "--json", "A-1000"], rep);

    expect(run.code).toBe(2);
    expect(jsonLines(run.stdout)).toEqual([
      {
        accountNumber: "A-1000",
        error: expect.objectContaining({ kind: "server" }),
      },
    ]);
  });

  it("data dir without queue is a usage error", async () => {
    const run = await runCli(["--data-dir", dataDir, "A-1000"]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--data-dir applies only to queue commands");
  });

  it("data dir that is a file is explained", async () => {
    const file = join(dataDir, "not-a-folder");
    writeFileSync(file, "x");

    const run = await runCli(["--data-dir", file, "queue", "list"]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("File error in data folder");
    expect(run.stderr).not.toContain("    at ");
  });

  it("invalid key file is explained", async () => {
    writeFileSync(join(dataDir, "cli-queue.key"), "not a key");

    const run = await runCli(["--data-dir", dataDir, "queue", "list"]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Invalid key file");
  });

  it("damaged queue file is reported", async () => {
    await runCli(["--data-dir", dataDir, "queue", "add", "A-1000", "A-2000"]);
    const file = join(dataDir, "check-queue.jsonl");
    const lines = readFileSync(file, "utf8").split("\n");
    lines[1] = "{garbage";
    writeFileSync(file, lines.join("\n"));

    const run = await runCli([
      "--data-dir",
      dataDir,
      "queue",
      "list",
      "--json",
    ]);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain("was damaged");
    expect(jsonLines(run.stdout)).toHaveLength(1);
  });

  it("queue sync with only failures exits 0", async () => {
    await runCli(["--data-dir", dataDir, "queue", "add", "A-9999"]);

    const run = await runCli(
      ["--data-dir", dataDir, "--api", sandbox().url, "queue", "sync"],
      rep,
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toContain("1 check failed");
  });

  it("queue sync while offline explains exit 3", async () => {
    await runCli(["--data-dir", dataDir, "queue", "add", "A-1000"]);
    sandbox().control.failNext({
      kind: "reset",
      count: 1,
      operationName: "creditCheckStatus",
    });

    const run = await runCli(
      ["--data-dir", dataDir, "--api", sandbox().url, "queue", "sync"],
      rep,
    );

    expect(run.code).toBe(3);
    expect(run.stderr).toContain("1 check stays queued");
  });

  it("rate-limited sign-in leaves the queue for later", async () => {
    await runCli(["--data-dir", dataDir, "queue", "add", "A-1000"]);
    sandbox().control.failNext({
      kind: "rate-limit",
      count: 1,
      operationName: "obtainKrakenToken",
    });

    const run = await runCli(
      ["--data-dir", dataDir, "--api", sandbox().url, "queue", "sync"],
      rep,
    );

    expect(run.code).toBe(3);
    expect(run.stderr).toContain("Too many requests");
  });

  it("empty data dir is a usage error", async () => {
    const run = await runCli(["--data-dir", "", "queue", "list"]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--data-dir");
  });
});
