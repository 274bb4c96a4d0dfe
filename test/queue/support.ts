/**
 * Shared set-up for the offline queue tests: temp folders, a queue with a real AES-GCM cipher,
 * a signed-in sender against the Kraken sandbox, and the CLI run as a child process.
 */

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { AesGcmCipher } from "../../electron/core/aes-gcm-cipher";
import {
  createAppServices,
  type AppServices,
  type AppServicesOptions,
} from "../../electron/core/app-services";
import { runCreditCheck } from "../../electron/core/credit-check";
import { MemoryStore } from "../../electron/core/key-value-store";
import {
  KrakenClient,
  type KrakenClientOptions,
} from "../../electron/core/kraken-client";
import { toCheckError } from "../../electron/core/kraken-errors";
import { KrakenSession } from "../../electron/core/kraken-session";
import {
  CheckQueue,
  QUEUE_FILE,
  type CheckQueueOptions,
  type SendCheck,
} from "../../electron/core/queue/check-queue";
import { TokenVault } from "../../electron/core/token-vault";
import { DEMO_REP } from "../../sandbox/seed";
import { spawnCli, type CliProcess, type CliResult } from "../support/cli";

export type { CliProcess, CliResult };

export { REPOSITORY_ROOT } from "../support/cli";

/** Creates temp folders and removes them all in `cleanup`. */
export class TempFolders {
  private readonly paths: string[] = [];

  create(prefix = "queue-test-"): string {
    const path = mkdtempSync(join(tmpdir(), prefix));
    this.paths.push(path);
    return path;
  }

  cleanup(): void {
    for (const path of this.paths.splice(0)) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

export type QueueTestOptions = Partial<
  Omit<CheckQueueOptions, "dataDir" | "toCheckError">
>;

/** Opens a queue with the production error mapping and a real cipher unless one is given. */
export function openQueue(
  dataDir: string,
  options: QueueTestOptions = {},
): CheckQueue {
  return CheckQueue.open({
    cipher: new AesGcmCipher(),
    ...options,
    dataDir,
    toCheckError,
  });
}

export function queueFilePath(dataDir: string): string {
  return join(dataDir, QUEUE_FILE);
}

export function lockFilePath(dataDir: string): string {
  return `${queueFilePath(dataDir)}.lock`;
}

/** Reads the queue log's lines, without the header and without a trailing empty line. */
export function readLogLines(dataDir: string): string[] {
  const lines = readFileSync(queueFilePath(dataDir), "utf8").split("\n");
  return lines.slice(1).filter((line) => line !== "");
}

const loggedPut = z.object({
  put: z.object({
    id: z.string(),
    accountNumber: z.string(),
    state: z.string(),
  }),
});

/** Returns the last state the raw log records for each account number. */
export function lastLoggedStates(dataDir: string): Map<string, string> {
  const states = new Map<string, string>();
  for (const line of readLogLines(dataDir)) {
    const parsed = loggedPut.safeParse(JSON.parse(line));
    if (parsed.success) {
      states.set(parsed.data.put.accountNumber, parsed.data.put.state);
    }
  }
  return states;
}

/** Signs the demo rep in and returns a `SendCheck` that runs the real credit check. */
export async function signedInSender(
  apiUrl: string,
  client: Partial<KrakenClientOptions> = {},
): Promise<SendCheck> {
  const krakenClient = new KrakenClient({ maxRetries: 0, ...client, apiUrl });
  const vault = new TokenVault(new MemoryStore(), new AesGcmCipher());
  const session = new KrakenSession(krakenClient, vault);
  await session.signIn(DEMO_REP.email, DEMO_REP.password);

  return async (accountNumber) => {
    const result = await runCreditCheck(krakenClient, session, accountNumber, {
      maxRetries: 0,
    });
    return { status: result.status };
  };
}

/** Environment for a CLI child: the demo rep's credentials and a fast queue rate. */
export function cliEnvironment(
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KRAKEN_EMAIL: DEMO_REP.email,
    KRAKEN_PASSWORD: DEMO_REP.password,
    FIELD_CREDIT_CHECK_QUEUE_RATE: "50",
    ...extra,
  };
}

/** Starts the CLI with the demo rep's credentials unless `env` says otherwise. */
export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv = cliEnvironment(),
): CliProcess {
  return spawnCli(args, env);
}

/** Runs the CLI with the demo rep's credentials unless `env` says otherwise. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = cliEnvironment(),
): Promise<CliResult> {
  return startCli(args, env).finished;
}

export const queueLine = z.object({
  accountNumber: z.string(),
  state: z.enum(["pending", "in-flight", "done", "failed"]),
  attempts: z.number(),
  queuedAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  status: z.string().nullable().optional(),
  guidance: z.string().optional(),
  error: z.object({ kind: z.string(), message: z.string() }).optional(),
});

export type QueueLine = z.infer<typeof queueLine>;

/** Parses the JSON lines of `queue list --json` or `queue sync --json`. */
export function parseQueueLines(stdout: string): QueueLine[] {
  return stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => queueLine.parse(JSON.parse(line)));
}

/** Counts how often each account number appears in the lines. */
export function countByAccount(lines: QueueLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    counts.set(line.accountNumber, (counts.get(line.accountNumber) ?? 0) + 1);
  }
  return counts;
}

/**
 * Opens the app's services on temp folders with a real AES-GCM cipher and no client retries,
 * and closes every one of them in `closeAll`.
 */
export class TestServices {
  private readonly opened: AppServices[] = [];

  constructor(private readonly folders: TempFolders) {}

  open(apiUrl: string, options: Partial<AppServicesOptions> = {}): AppServices {
    const services = createAppServices({
      apiUrl,
      dataDir: this.folders.create(),
      cipher: new AesGcmCipher(),
      client: { maxRetries: 0 },
      ...options,
    });
    this.opened.push(services);
    return services;
  }

  closeAll(): void {
    for (const services of this.opened.splice(0)) {
      services.close();
    }
  }
}
