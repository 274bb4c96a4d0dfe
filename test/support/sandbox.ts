/** Starts one Kraken sandbox per test file and resets its conditions before each test. */

import { afterAll, beforeAll, beforeEach } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server";

/** Returns a getter, because the sandbox exists only once `beforeAll` has run. */
export function useSandbox(): () => Sandbox {
  let sandbox: Sandbox | null = null;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  beforeEach(() => {
    sandbox?.control.reset();
  });

  return () => {
    if (!sandbox) {
      throw new Error("The sandbox is available only inside tests.");
    }
    return sandbox;
  };
}
