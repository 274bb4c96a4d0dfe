/** Runs `cli/check.ts` as a child process, as `npm run check` would, and collects its output. */

import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

export const REPOSITORY_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  /** Resolves when the process has exited and been reaped, with everything it printed. */
  finished: Promise<CliResult>;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `cli/check.ts` in plain node with the tsx loader. Unlike `npx tsx`, which runs the
 * script in a grandchild, the child's pid is the process that takes the queue lock, so
 * `kill("SIGKILL")` ends the lock holder itself.
 */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): CliProcess {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "cli/check.ts", ...args],
    { cwd: REPOSITORY_ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk: string) => {
    stderr += chunk;
  });
  // "close" comes after "exit" and after both pipes end, so the output is complete.
  const finished = once(child, "close").then(([code, signal]: unknown[]) => ({
    code: typeof code === "number" ? code : null,
    signal: typeof signal === "string" ? (signal as NodeJS.Signals) : null,
    stdout,
    stderr,
  }));
  return { child, finished };
}
