import { afterAll, beforeAll, describe, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server";
import {
  cliEnvironment,
  countByAccount,
  parseQueueLines,
  runCli,
  TempFolders,
} from "./support";

const folders = new TempFolders();
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox.close();
  folders.cleanup();
});

// Concurrent, because each case waits for node and tsx to start.
describe.concurrent("queue CLI", () => {
  it("add in any case keeps one item", async ({ expect }) => {
    const dataDir = folders.create();

    const first = await runCli([
      "--data-dir",
      dataDir,
      "queue",
      "add",
      "A-1000",
      "a-1000",
    ]);
    const second = await runCli([
      "--data-dir",
      dataDir,
      "queue",
      "add",
      " a-1000 ",
    ]);
    const listed = await runCli([
      "--data-dir",
      dataDir,
      "queue",
      "list",
      "--json",
    ]);
    const lines = parseQueueLines(listed.stdout);

    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(listed.code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(countByAccount(lines).get("A-1000")).toBe(1);
    expect(lines[0]?.state).toBe("pending");
  });

  it("sync with resets exits 3", async ({ expect }) => {
    const dataDir = folders.create();
    const added = await runCli([
      "--data-dir",
      dataDir,
      "queue",
      "add",
      "A-2000",
    ]);
    // No other case here sends a credit check, so the reset hits this case's request.
    sandbox.control.failNext({
      kind: "reset",
      count: 1,
      operationName: "creditCheckStatus",
    });

    const synced = await runCli([
      "--data-dir",
      dataDir,
      "--api",
      sandbox.url,
      "queue",
      "sync",
      "--json",
    ]);
    const lines = parseQueueLines(synced.stdout);

    expect(added.code).toBe(0);
    expect(synced.code).toBe(3);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.state).toBe("pending");
    expect(lines[0]?.attempts).toBe(1);
    expect(lines[0]?.error?.kind).toBe("network");
    expect(lines[0]?.nextAttemptAt).not.toBeNull();
  });

  it.for(["abc", "0"])(
    "queue rate %j is rejected",
    async (rate, { expect }) => {
      const dataDir = folders.create();

      const result = await runCli(
        ["--data-dir", dataDir, "queue", "list"],
        cliEnvironment({ FIELD_CREDIT_CHECK_QUEUE_RATE: rate }),
      );

      expect(result.code).toBe(2);
      expect(result.stderr).toContain("FIELD_CREDIT_CHECK_QUEUE_RATE");
      expect(result.stderr).toContain(`"${rate}"`);
    },
  );
});
