/** Runs the `check` CLI with no credentials in the environment unless a test passes some. */

import { spawnCli, type CliResult } from "../support/cli";

export function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  return spawnCli(args, {
    ...process.env,
    KRAKEN_EMAIL: "",
    KRAKEN_PASSWORD: "",
    ...env,
  }).finished;
}

export function jsonLines(stdout: string): unknown[] {
  return stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);
}
