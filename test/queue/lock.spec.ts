import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useSandbox } from "../support/sandbox";
import {
  bootTimeSeconds,
  QueueLockedError,
} from "../../electron/core/queue/queue-lock";
import {
  lockFilePath,
  openQueue,
  runCli,
  startCli,
  TempFolders,
  type CliProcess,
} from "./support";

const folders = new TempFolders();
const children: CliProcess[] = [];
const sandbox = useSandbox();

afterEach(async () => {
  for (const { child, finished } of children.splice(0)) {
    child.kill("SIGKILL");
    await finished;
  }
  folders.cleanup();
});

/** Returns the pid of a process that has already exited. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ["-e", ""]);
  if (result.pid === undefined) {
    throw new Error("could not start a short-lived node process");
  }
  return result.pid;
}

describe("queue lock", () => {
  it("second process gets QueueLockedError", async () => {
    const dataDir = folders.create();
    const added = await runCli([
      "--data-dir",
      dataDir,
      "queue",
      "add",
      "A-1000",
    ]);
    expect(added.code).toBe(0);

    // The latency delays the sign-in response, so the child keeps the queue open until killed.
    sandbox().control.setLatency(60_000);
    const before = sandbox().control.stats().requests;
    const holder = startCli([
      "--data-dir",
      dataDir,
      "--api",
      sandbox().url,
      "queue",
      "sync",
    ]);
    children.push(holder);
    await vi.waitFor(
      () => {
        expect(sandbox().control.stats().requests).toBeGreaterThan(before);
      },
      { timeout: 15_000, interval: 20 },
    );

    expect(() => openQueue(dataDir)).toThrow(QueueLockedError);
    expect(readFileSync(lockFilePath(dataDir), "utf8").split(" ")[0]).toBe(
      String(holder.child.pid),
    );

    holder.child.kill("SIGKILL");
    const result = await holder.finished;
    sandbox().control.setLatency(0);
    const queue = openQueue(dataDir);
    const owner = readFileSync(lockFilePath(dataDir), "utf8");
    const items = queue.view().items;
    queue.close();

    expect(result.signal).toBe("SIGKILL");
    expect(owner.split(" ")[0]).toBe(String(process.pid));
    expect(items.map((item) => item.accountNumber)).toEqual(["A-1000"]);
    expect(existsSync(lockFilePath(dataDir))).toBe(false);
  });

  it("stale lock with dead pid is taken over", () => {
    const dataDir = folders.create();
    openQueue(dataDir).close();
    writeFileSync(lockFilePath(dataDir), String(deadPid()));

    const queue = openQueue(dataDir);
    const owner = readFileSync(lockFilePath(dataDir), "utf8");
    queue.close();

    expect(owner.split(" ")[0]).toBe(String(process.pid));
  });

  it("lock from before a reboot is taken over", () => {
    const dataDir = folders.create();
    openQueue(dataDir).close();
    // A live pid, as after a reboot when another program received the old pid.
    const livePid = process.ppid;
    writeFileSync(
      lockFilePath(dataDir),
      `${livePid} ${bootTimeSeconds() - 86_400}`,
    );

    const queue = openQueue(dataDir);
    const owner = readFileSync(lockFilePath(dataDir), "utf8");
    queue.close();

    expect(owner.split(" ")[0]).toBe(String(process.pid));
  });

  it("live lock from this boot is respected", () => {
    const dataDir = folders.create();
    openQueue(dataDir).close();
    writeFileSync(
      lockFilePath(dataDir),
      `${process.ppid} ${bootTimeSeconds()}`,
    );

    expect(() => openQueue(dataDir)).toThrow(QueueLockedError);
  });

  it("close releases the lock", () => {
    const dataDir = folders.create();
    const queue = openQueue(dataDir);
    const lockedWhileOpen = existsSync(lockFilePath(dataDir));
    queue.close();

    expect(lockedWhileOpen).toBe(true);
    expect(existsSync(lockFilePath(dataDir))).toBe(false);
  });
});
