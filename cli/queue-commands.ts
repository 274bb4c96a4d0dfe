/** `queue add|list|sync`: the offline queue from the terminal. */

import type { Command, CliOptions } from "./arguments";
import { UsageError } from "./arguments";
import type { Credentials } from "./credentials";

export async function runQueueCommand(
  command: Exclude<Command, { kind: "help" | "check" }>,
  _options: CliOptions,
  _fallback: Credentials | null,
): Promise<number> {
  throw new UsageError(`${command.kind} is not available yet.`);
}
