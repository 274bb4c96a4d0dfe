import { parseArgs } from "node:util";
import { DEMO_ACCOUNTS, DEMO_USERS, UNKNOWN_ACCOUNT_NUMBER } from "./seed";
import { startSandbox, type SandboxOptions } from "./server";

const USAGE = `Usage: npx tsx sandbox/cli.ts [options]

Runs a local GraphQL server that behaves like Kraken, with demo users and accounts.

Options:
  --port N                    TCP port to listen on, 0 for any free port (default 4010)
  --host HOST                 interface to listen on (default 127.0.0.1)
  --token-lifetime SECONDS    lifetime of issued Kraken tokens (default 3600)
  --latency MS                delay before every GraphQL response (default 0)
  -h, --help                  show this help`;

const EXIT_USAGE = 2;

class UsageError extends Error {}

function parseInteger(
  flag: string,
  value: string | undefined,
  min: number,
  max: number,
): number {
  const number =
    value === undefined || !/^\d+$/.test(value) ? Number.NaN : Number(value);
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(
      `Invalid ${flag}: "${value}". Expected a whole number from ${min} to ${max}.`,
    );
  }
  return number;
}

function parseFlags(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "token-lifetime": { type: "string" },
        latency: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? error.message : String(error),
    );
  }
}

/** Returns the sandbox options for the command line, or null when help was requested. */
function parseCommandLine(args: string[]): SandboxOptions | null {
  const values = parseFlags(args);
  if (values.help === true) {
    return null;
  }

  const options: SandboxOptions = {
    host: values.host ?? "127.0.0.1",
    port:
      values.port === undefined
        ? 4010
        : parseInteger("--port", values.port, 0, 65535),
  };
  if (options.host === "") {
    throw new UsageError("Invalid --host: it must not be empty.");
  }
  if (values["token-lifetime"] !== undefined) {
    const lifetime = values["token-lifetime"];
    options.tokenLifetimeSeconds = parseInteger(
      "--token-lifetime",
      lifetime,
      1,
      31_536_000,
    );
  }
  if (values.latency !== undefined) {
    options.latencyMs = parseInteger("--latency", values.latency, 0, 600_000);
  }
  return options;
}

function printDemoData(): void {
  console.log("Demo users (email / password):");
  for (const user of DEMO_USERS) {
    const permissions =
      user.permissions.length > 0 ? user.permissions.join(", ") : "none";
    console.log(
      `  ${user.email} / ${user.password}  (permissions: ${permissions})`,
    );
  }
  console.log("Demo accounts:");
  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${account.accountNumber}  ${account.description}`);
  }
  console.log(
    `  any other, e.g. ${UNKNOWN_ACCOUNT_NUMBER}  KT-CT-4177 Unauthorized.`,
  );
}

async function main(): Promise<void> {
  let options: SandboxOptions | null;
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) {
      throw error;
    }
    console.error(`${error.message}\nRun with --help for the list of options.`);
    process.exitCode = EXIT_USAGE;
    return;
  }
  if (options === null) {
    console.log(USAGE);
    return;
  }

  const sandbox = await startSandbox({
    ...options,
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  console.log(`Kraken sandbox listening on ${sandbox.url}`);
  printDemoData();

  const stop = (signal: NodeJS.Signals): void => {
    console.log(`Received ${signal}, stopping the sandbox`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Failed to stop the sandbox:", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  if ((error as NodeJS.ErrnoException | null)?.code === "EADDRINUSE") {
    console.error(
      "Kraken sandbox failed to start: the port is already in use. " +
        "Stop the other server, or pick another with --port (0 picks a free one).",
    );
  } else {
    console.error("Kraken sandbox failed to start:", error);
  }
  process.exit(1);
});
