/**
 * `npm run check`: credit checks from the terminal, for sales operations and tests. Runs the
 * same core as the app: Kraken client, session and guidance.
 */

import { parseAccountNumber } from "../shared/account-number";
import { runCreditCheck } from "../electron/core/credit-check";
import { KrakenClient } from "../electron/core/kraken-client";
import { toCheckError } from "../electron/core/kraken-errors";
import { createStreamLogger, silentLogger } from "../electron/core/logger";
import {
  parseCliArguments,
  UsageError,
  USAGE,
  type CliOptions,
} from "./arguments";
import type { Credentials } from "./credentials";
import { formatJsonLine, formatTable, type CheckLine } from "./output";
import { QueueLockedError } from "../electron/core/queue/queue-lock";
import { QueueKeyError, runQueueCommand } from "./queue-commands";
import { DEMO_REP, startSandbox } from "./sandbox-for-run";
import { signInForRun } from "./sign-in";

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  if (options.command.kind === "help") {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }

  const sandbox = options.sandbox ? await startSandbox() : null;
  try {
    const apiUrl = sandbox?.url ?? options.apiUrl;
    const fallback = sandbox ? DEMO_REP : null;
    if (options.command.kind === "check") {
      return await checkAccounts(
        options.command.accounts,
        apiUrl,
        options.json,
        fallback,
      );
    }
    return await runQueueCommand(
      options.command,
      { ...options, apiUrl },
      fallback,
    );
  } catch (error) {
    const message = describeRunError(error, options.dataDir);
    if (message === null) {
      throw error;
    }
    process.stderr.write(`${message}\n`);
    return EXIT_USAGE;
  } finally {
    await sandbox?.close();
  }
}

/** Returns a one-line message for failures a user can fix, or null for real bugs. */
function describeRunError(
  error: unknown,
  dataDir: string | null,
): string | null {
  if (error instanceof UsageError || error instanceof QueueLockedError) {
    return error.message;
  }
  if (error instanceof QueueKeyError) {
    return error.message;
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) {
    const where = dataDir === null ? "" : ` in data folder "${dataDir}"`;
    return `File error${where}: ${(error as Error).message}. Check that the folder exists, is writable and has free space.`;
  }
  return null;
}

async function checkAccounts(
  inputs: string[],
  apiUrl: string,
  json: boolean,
  fallback: Credentials | null,
): Promise<number> {
  const logger = process.env.FIELD_CREDIT_CHECK_DEBUG
    ? createStreamLogger((l) => process.stderr.write(l))
    : silentLogger;
  const client = new KrakenClient({ apiUrl, logger });
  const anyValid = inputs.some((input) => parseAccountNumber(input).ok);
  // No request is sent, not even a sign-in, when every account number is invalid.
  const signIn = anyValid ? await signInForRun(client, fallback) : null;

  const lines: CheckLine[] = [];
  for (const input of inputs) {
    const parsed = parseAccountNumber(input);
    const accountNumber = parsed.ok ? parsed.accountNumber : input.trim();

    if (!parsed.ok || signIn === null) {
      lines.push({
        accountNumber,
        error: {
          kind: "invalid-account-number",
          message: parsed.ok ? "" : parsed.message,
        },
      });
    } else if (!signIn.ok) {
      lines.push({
        accountNumber,
        error: { kind: signIn.error.kind, message: signIn.error.message },
      });
    } else {
      try {
        const result = await runCreditCheck(
          client,
          signIn.session,
          accountNumber,
        );
        lines.push({
          accountNumber,
          status: result.status,
          guidance: result.guidance,
        });
      } catch (error) {
        const { kind, message } = toCheckError(error);
        lines.push({ accountNumber, error: { kind, message } });
      }
    }
    if (json) {
      process.stdout.write(
        `${formatJsonLine(lines[lines.length - 1] as CheckLine)}\n`,
      );
    }
  }

  if (!json) {
    process.stdout.write(`${formatTable(lines)}\n`);
  }
  if (signIn && !signIn.ok) {
    process.stderr.write(`${signIn.error.message}\n`);
    return EXIT_USAGE;
  }
  return lines.some((line) => "error" in line) ? EXIT_SOME_FAILED : EXIT_OK;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `check failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = EXIT_USAGE;
  },
);
