/**
 * `kill -9` of a CLI `queue sync` at three points, then recovery by new processes. The sandbox
 * runs in this process, so the test reads its counters and kills the child synchronously.
 */

import { existsSync, readFileSync } from "node:fs";
import { afterAll, describe, it, type ExpectStatic } from "vitest";
import {
  startSandbox,
  type Sandbox,
  type SandboxStats,
} from "../../sandbox/server";
import {
  countByAccount,
  lastLoggedStates,
  lockFilePath,
  parseQueueLines,
  runCli,
  startCli,
  TempFolders,
  type CliProcess,
} from "./support";

const ACCOUNTS = ["A-1000", "A-2000", "A-3000", "A-5000", "A-1A2B3C4D"];
const LATENCY_MS = 600;
const POLL_MS = 10;

const folders = new TempFolders();
const sandboxes: Sandbox[] = [];

afterAll(async () => {
  await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  folders.cleanup();
});

type KillPoint = "before send" | "mid-request" | "after response";

interface Scenario {
  sandbox: Sandbox;
  /** Listener the sandbox's log calls after it has handed a response to the socket. */
  onResponse: ((line: string) => void) | null;
}

async function startScenario(): Promise<Scenario> {
  let scenario: Scenario | null = null;
  const sandbox = await startSandbox({
    port: 0,
    latencyMs: LATENCY_MS,
    // The sandbox logs a GraphQL request only after response.end(), so this runs once the
    // response is in the socket and before the child can have recorded it.
    log: (line) => scenario?.onResponse?.(line),
  });
  sandboxes.push(sandbox);
  scenario = { sandbox, onResponse: null };
  return scenario;
}

/** Kills the child with SIGKILL once the sync reaches `point`, and returns the stats then. */
function killWhen(
  scenario: Scenario,
  sync: CliProcess,
  point: KillPoint,
): Promise<SandboxStats> {
  const { control } = scenario.sandbox;
  return new Promise((resolve, reject) => {
    const kill = () => {
      const stats = control.stats();
      sync.child.kill("SIGKILL");
      clearInterval(timer);
      scenario.onResponse = null;
      resolve(stats);
    };
    const timer = setInterval(() => {
      const stats = control.stats();
      // The sign-in is the first request, and every later one is a credit check.
      const checksArrived = stats.requests - 1;
      if (point === "before send" && stats.requests >= 1) {
        kill();
      } else if (
        point === "mid-request" &&
        checksArrived >= 2 &&
        stats.creditChecks === 0
      ) {
        kill();
      }
    }, POLL_MS);
    if (point === "after response") {
      scenario.onResponse = (line) => {
        if (line.startsWith("creditCheckStatus: HTTP 200")) {
          kill();
        }
      };
    }
    sync.finished.then(
      (result) => {
        clearInterval(timer);
        reject(
          new Error(
            `queue sync exited before the kill: ${JSON.stringify(result)}`,
          ),
        );
      },
      (error: unknown) => reject(error),
    );
  });
}

async function checkCrashAt(
  point: KillPoint,
  expect: ExpectStatic,
): Promise<void> {
  const scenario = await startScenario();
  const { sandbox } = scenario;
  const dataDir = folders.create();
  const apiArgs = ["--data-dir", dataDir, "--api", sandbox.url];

  const added = await runCli([
    "--data-dir",
    dataDir,
    "queue",
    "add",
    ...ACCOUNTS,
  ]);
  expect(added.code).toBe(0);

  const sync = startCli([...apiArgs, "queue", "sync", "--json"]);
  const statsAtKill = await killWhen(scenario, sync, point);
  const killed = await sync.finished;
  const loggedStates = lastLoggedStates(dataDir);
  const inFlightAccounts = [...loggedStates]
    .filter(([, state]) => state === "in-flight")
    .map(([account]) => account);

  expect(killed.signal).toBe("SIGKILL");
  // The dead child leaves its lock behind for the next process to take over.
  expect(readFileSync(lockFilePath(dataDir), "utf8").split(" ")[0]).toBe(
    String(sync.child.pid),
  );
  if (point === "before send") {
    expect(statsAtKill.creditChecks).toBe(0);
    expect(inFlightAccounts).toEqual([]);
  } else if (point === "mid-request") {
    expect(statsAtKill.creditChecks).toBe(0);
    expect(inFlightAccounts.length).toBeGreaterThan(0);
  } else {
    expect(statsAtKill.creditChecks).toBe(1);
    expect(inFlightAccounts.length).toBeGreaterThan(0);
  }

  const listed = await runCli([
    "--data-dir",
    dataDir,
    "queue",
    "list",
    "--json",
  ]);
  const afterCrash = parseQueueLines(listed.stdout);
  const afterCrashByAccount = new Map(
    afterCrash.map((line) => [line.accountNumber, line]),
  );
  const doneBeforeFinalSync = afterCrash.filter(
    (line) => line.state === "done",
  ).length;

  expect(listed.code).toBe(0);
  expect(existsSync(lockFilePath(dataDir))).toBe(false);
  expect(afterCrash).toHaveLength(ACCOUNTS.length);
  for (const account of ACCOUNTS) {
    expect(countByAccount(afterCrash).get(account)).toBe(1);
  }
  expect(afterCrash.filter((line) => line.state === "in-flight")).toEqual([]);
  for (const account of inFlightAccounts) {
    expect(afterCrashByAccount.get(account)?.state).toBe("pending");
  }

  sandbox.control.setLatency(0);
  const checksBefore = sandbox.control.stats().creditChecks;
  const finalSync = await runCli([...apiArgs, "queue", "sync", "--json"]);
  const final = parseQueueLines(finalSync.stdout);
  const checksSent = sandbox.control.stats().creditChecks - checksBefore;

  expect(finalSync.code).toBe(0);
  expect(final).toHaveLength(ACCOUNTS.length);
  for (const account of ACCOUNTS) {
    expect(countByAccount(final).get(account)).toBe(1);
  }
  for (const line of final) {
    expect(line.state).toBe("done");
    expect(line.guidance).toBeDefined();
  }
  // A check that was already done is not sent again.
  expect(checksSent).toBe(ACCOUNTS.length - doneBeforeFinalSync);
}

describe("queue sync killed with SIGKILL", () => {
  it.concurrent("before send", async ({ expect }) => {
    await checkCrashAt("before send", expect);
  });

  it.concurrent("mid-request", async ({ expect }) => {
    await checkCrashAt("mid-request", expect);
  });

  it.concurrent("after response before write", async ({ expect }) => {
    await checkCrashAt("after response", expect);
  });
});
