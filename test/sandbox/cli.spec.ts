import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_REP } from "../../sandbox/seed";
import { signIn } from "./kraken-client";

const REPOSITORY_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = fileURLToPath(
  new URL("../../node_modules/.bin/tsx", import.meta.url),
);
const LISTENING_LINE =
  /^Kraken sandbox listening on (http:\/\/127\.0\.0\.1:(\d+)\/v1\/graphql\/)$/m;

const children: ChildProcess[] = [];

function runCli(args: string[]): ChildProcess {
  const child = spawn(TSX, ["sandbox/cli.ts", ...args], {
    cwd: REPOSITORY_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return child;
}

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = "";
  stream?.setEncoding("utf8");
  stream?.on("data", (chunk: string) => {
    text += chunk;
  });
  return () => text;
}

/** Resolves with the stdout text once it matches the pattern, or rejects when the CLI exits. */
function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let text = "";
    child.stdout?.on("data", (chunk: Buffer | string) => {
      text += String(chunk);
      const match = pattern.exec(text);
      if (match !== null) {
        resolve(match);
      }
    });
    child.once("exit", (code) =>
      reject(new Error(`CLI exited with ${code}: ${text}`)),
    );
  });
}

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
    }
  }
});

describe("sandbox CLI", () => {
  it.for<[string[], RegExp]>([
    [["--port", "abc"], /Invalid --port/],
    [["--latency", "-5"], /latency/],
    [["--token-lifetime", "0"], /Invalid --token-lifetime/],
    [["--colour"], /Unknown option '--colour'/],
  ])("exits with code 2 for %j", async ([args, message]) => {
    const child = runCli(args);
    const stderr = collect(child.stderr);
    const [code] = (await once(child, "exit")) as [number | null];

    expect(code).toBe(2);
    expect(stderr()).toMatch(message);
  });

  it("prints the help", async () => {
    const child = runCli(["--help"]);
    const stdout = collect(child.stdout);
    const [code] = (await once(child, "exit")) as [number | null];

    expect(code).toBe(0);
    expect(stdout()).toMatch(/--token-lifetime SECONDS/);
  });

  it("listens on a free port and stops on SIGTERM", async () => {
    const child = runCli(["--port", "0", "--token-lifetime", "90"]);
    const stdout = collect(child.stdout);
    const match = await waitForOutput(child, LISTENING_LINE);
    const url = match[1] ?? "";
    const issued = await signIn(url, DEMO_REP.email, DEMO_REP.password);

    expect(Number(match[2])).toBeGreaterThan(0);
    expect(issued.payload.exp - issued.payload.iat).toBe(90);

    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
    expect(stdout()).toMatch(/rep@example\.com \/ field-sales-demo/);
    expect(stdout()).toMatch(/A-1A2B3C4D/);
    expect(stdout()).toMatch(/Kraken sandbox stopped/);
  });
});
