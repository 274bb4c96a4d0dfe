/**
 * The CLI's credential prompt on a real terminal: `script` gives the child a pseudo-terminal,
 * so the test reads exactly what a rep would read on screen.
 */

import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { DEMO_REP } from "../../sandbox/seed";
import { useSandbox } from "../support/sandbox";

describe("password prompt", () => {
  const sandbox = useSandbox();

  it("does not echo the password", async () => {
    const command = `node --import tsx cli/check.ts --api ${sandbox().url} A-2000`;
    const child = spawn("script", ["-q", "-e", "-c", command, "/dev/null"], {
      env: {
        ...process.env,
        KRAKEN_EMAIL: "",
        KRAKEN_PASSWORD: "",
        TERM: "dumb",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let screen = "";
    const answered = new Set<string>();
    child.stdout.on("data", (chunk: Buffer) => {
      screen += chunk.toString("utf8");
      // Type each answer only once its prompt is on screen, as a person would.
      if (screen.includes("Kraken email: ") && !answered.has("email")) {
        answered.add("email");
        child.stdin.write(`${DEMO_REP.email}\r`);
      }
      if (screen.includes("Kraken password: ") && !answered.has("password")) {
        answered.add("password");
        child.stdin.write(`${DEMO_REP.password}\r`);
      }
    });
    const code = await new Promise<number | null>((resolve) =>
      child.on("close", resolve),
    );

    expect(screen).toContain("Kraken password: ");
    expect(screen).toContain("No deposit required");
    expect(screen).not.toContain(DEMO_REP.password);
    expect(code).toBe(0);
  });
});
