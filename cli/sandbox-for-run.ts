/** Starts the bundled Kraken sandbox for one CLI run (`--sandbox`). */

import { startSandbox as startSandboxServer } from "../sandbox/server";
import { DEMO_REP as SEEDED_REP } from "../sandbox/seed";
import type { Credentials } from "./credentials";

export const DEMO_REP: Credentials = {
  email: SEEDED_REP.email,
  password: SEEDED_REP.password,
};

export async function startSandbox(): Promise<{
  url: string;
  close: () => Promise<void>;
}> {
  const sandbox = await startSandboxServer({ port: 0 });
  return { url: sandbox.url, close: () => sandbox.close() };
}
