/**
 * Launches the real Electron app against a sandbox. It needs the Electron binary, which
 * `npm install` downloads unless ELECTRON_SKIP_BINARY_DOWNLOAD is set.
 */

import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { _electron as electron, expect, test } from "@playwright/test";
import {
  API_URL_VARIABLE,
  DATA_DIR_VARIABLE,
} from "../../electron/main/app-config";
import type { FieldCreditCheckBridge } from "../../shared/bridge";
import { installedElectronBinary } from "../../scripts/electron-binary";
import { DEMO_ACCOUNT_NUMBERS, DEMO_REP } from "../../sandbox/seed";
import { startSandbox } from "../../sandbox/server";

const executablePath = installedElectronBinary();

test.skip(
  executablePath === null,
  "Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); " +
    "run npm install with network access to get it",
);

const LAUNCH_TIMEOUT_MS = 20_000;

test("real app checks, restores and stays locked down", async () => {
  test.setTimeout(90_000);
  const sandbox = await startSandbox({ port: 0 });
  const dataDir = await mkdtemp(join(tmpdir(), "field-credit-check-electron-"));
  const launch = () =>
    electron.launch({
      executablePath: executablePath ?? undefined,
      args: ["dist/electron/main.cjs"],
      env: {
        ...process.env,
        [API_URL_VARIABLE]: sandbox.url,
        [DATA_DIR_VARIABLE]: dataDir,
      },
      timeout: LAUNCH_TIMEOUT_MS,
    });

  try {
    let app = await launch();
    let window = await app.firstWindow();

    const rendererGlobals = await window.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        bridge: Object.keys(scope.fieldCreditCheck ?? {}).sort(),
      };
    });
    expect(rendererGlobals.require).toBe("undefined");
    expect(rendererGlobals.process).toBe("undefined");
    expect(rendererGlobals.module).toBe("undefined");
    expect(rendererGlobals.bridge).toEqual([
      "app",
      "connection",
      "graphql",
      "queue",
      "session",
    ]);

    await window.getByLabel("Email").fill(DEMO_REP.email);
    await window.getByLabel("Password").fill(DEMO_REP.password);
    await window.getByRole("button", { name: "Sign in" }).click();
    await window
      .getByLabel("Account number")
      .fill(DEMO_ACCOUNT_NUMBERS.depositRequired);
    await window.getByRole("button", { name: "Check", exact: true }).click();
    await expect(window.getByRole("heading", { level: 2 })).toHaveText(
      "Deposit required: $300",
    );

    // A JWT starts with the base64 of '{"', so "eyJ" anywhere the renderer can read is a leak.
    const visibleToRenderer = await window.evaluate(async () => {
      const bridge = (
        globalThis as unknown as { fieldCreditCheck: FieldCreditCheckBridge }
      ).fieldCreditCheck;
      const session = await bridge.session.get();
      return [
        JSON.stringify(session),
        JSON.stringify({ ...localStorage }),
        JSON.stringify({ ...sessionStorage }),
        document.cookie,
        document.documentElement.outerHTML,
      ].join("\n");
    });
    expect(visibleToRenderer).not.toContain("eyJ");

    const storage = await window.evaluate(async () => {
      const bridge = (
        globalThis as unknown as { fieldCreditCheck: FieldCreditCheckBridge }
      ).fieldCreditCheck;
      const result = await bridge.session.get();
      return result.ok ? result.value.storage.mode : "error";
    });

    // A second launch on the same data folder must give way to the first instance.
    const second = spawn(executablePath ?? "", ["dist/electron/main.cjs"], {
      env: {
        ...process.env,
        [API_URL_VARIABLE]: sandbox.url,
        [DATA_DIR_VARIABLE]: dataDir,
      },
      stdio: "ignore",
    });
    const secondExit = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(-1), LAUNCH_TIMEOUT_MS);
      second.on("exit", (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(secondExit, "second instance exits by itself").not.toBe(-1);

    await app.close();
    app = await launch();
    window = await app.firstWindow();

    if (storage === "keychain") {
      await expect(window.getByText(DEMO_REP.email)).toBeVisible();
    } else {
      // Without a real keychain the session is kept in memory only, so it must not survive.
      await expect(window.getByLabel("Email")).toBeVisible();
    }
    await app.close();
  } finally {
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
