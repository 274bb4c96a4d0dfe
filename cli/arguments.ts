/** Command-line parsing for `npm run check`. Usage errors exit with code 2. */

import { parseArgs } from "node:util";
import {
  KRAKEN_ENDPOINTS,
  parseApiUrl,
} from "../electron/core/api-environment";

export const USAGE = `Usage:
  npm run check -- [--api URL | --sandbox] [--json] ACCOUNT...
  npm run check -- --data-dir DIR [--api URL | --sandbox] queue add ACCOUNT...
  npm run check -- --data-dir DIR queue list [--json]
  npm run check -- --data-dir DIR [--api URL | --sandbox] queue sync [--json]

Options:
  --api URL        Kraken GraphQL endpoint (default: Kraken test, ${KRAKEN_ENDPOINTS.test})
  --sandbox        start the bundled Kraken sandbox on a free local port for this run,
                   and sign in as its demo rep unless KRAKEN_EMAIL is set
  --json           print one JSON object per line instead of a table
  --data-dir DIR   folder for the offline queue (created if missing); queue commands only
  -h, --help       print this help

Credentials come from KRAKEN_EMAIL and KRAKEN_PASSWORD, or a prompt on a terminal.

Exit codes: 0 Kraken answered for every account (a null status counts), 1 some account
failed, 2 usage error, failed sign-in or expired session, 3 (queue sync) some checks stay
queued because Kraken could not be reached or asked to slow down.`;

export type Command =
  | { kind: "help" }
  | { kind: "check"; accounts: string[] }
  | { kind: "queue-add"; accounts: string[] }
  | { kind: "queue-list" }
  | { kind: "queue-sync" };

export interface CliOptions {
  command: Command;
  apiUrl: string;
  sandbox: boolean;
  json: boolean;
  dataDir: string | null;
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export function parseCliArguments(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        api: { type: "string" },
        sandbox: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        "data-dir": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? error.message : String(error),
    );
  }

  const { values, positionals } = parsed;
  if (values.sandbox && values.api !== undefined) {
    throw new UsageError("Use either --api or --sandbox, not both.");
  }

  let apiUrl: string = KRAKEN_ENDPOINTS.test;
  if (values.api !== undefined) {
    try {
      apiUrl = parseApiUrl(values.api);
    } catch (error) {
      throw new UsageError(
        error instanceof Error ? error.message : String(error),
      );
    }
  }

  const options = {
    apiUrl,
    sandbox: values.sandbox,
    json: values.json,
    dataDir: values["data-dir"] ?? null,
  };
  if (values.help) {
    return { ...options, command: { kind: "help" } };
  }
  return { ...options, command: parseCommand(positionals, options.dataDir) };
}

function parseCommand(positionals: string[], dataDir: string | null): Command {
  if (positionals[0] !== "queue") {
    if (dataDir !== null) {
      throw new UsageError(
        "--data-dir applies only to queue commands; to queue checks use: queue add ACCOUNT...",
      );
    }
    if (positionals.length === 0) {
      throw new UsageError(
        "Give at least one account number, for example A-1A2B3C4D.",
      );
    }
    return { kind: "check", accounts: positionals };
  }

  if (dataDir === null) {
    throw new UsageError("queue commands need --data-dir DIR.");
  }
  const [, action, ...rest] = positionals;
  switch (action) {
    case "add":
      if (rest.length === 0) {
        throw new UsageError("queue add needs at least one account number.");
      }
      return { kind: "queue-add", accounts: rest };
    case "list":
    case "sync":
      if (rest.length > 0) {
        throw new UsageError(
          `queue ${action} takes no account numbers, got: ${rest.join(" ")}`,
        );
      }
      return { kind: action === "list" ? "queue-list" : "queue-sync" };
    default:
      throw new UsageError(
        `Unknown queue command "${action ?? ""}": use queue add, queue list or queue sync.`,
      );
  }
}
