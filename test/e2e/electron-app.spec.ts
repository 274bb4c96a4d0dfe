/**
 * Launches the real Electron app against a sandbox. It needs the Electron binary, which
 * `npm install` downloads unless ELECTRON_SKIP_BINARY_DOWNLOAD is set.
 */

import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { _electron as electron, expect, test } from "@playwright/test";
import {
  API_URL_VARIABLE,
  DATA_DIR_VARIABLE,
} from "../../electron/main/app-config";
import { DEMO_ACCOUNT_NUMBERS, DEMO_REP } from "../../sandbox/seed";
import { startSandbox } from "../../sandbox/server";

/**
 * Returns the installed Electron executable, or null. It reads the path the electron package
 * records instead of calling `require("electron")`, which starts a download when it is missing.
 */
function installedElectronPath(): string | null {
  const packageDir = dirname(
    createRequire(import.meta.url).resolve("electron/package.json"),
  );
  const pathFile = join(packageDir, "path.txt");
  if (!existsSync(pathFile)) {
    return null;
  }
  const executable = join(
    packageDir,
    "dist",
    readFileSync(pathFile, "utf8").trim(),
  );
  return existsSync(executable) ? executable : null;
}

const executablePath = installedElectronPath();

test.skip(
  executablePath === null,
  "Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); " +
    "run npm install with network access to get it",
);

test("packaged app checks an account", async () => {
  const sandbox = await startSandbox({ port: 0 });
  const dataDir = await mkdtemp(join(tmpdir(), "field-credit-check-electron-"));
  const app = await electron.launch({
    executablePath: executablePath ?? undefined,
    args: ["dist/electron/main.cjs"],
    env: {
      ...process.env,
      [API_URL_VARIABLE]: sandbox.url,
      [DATA_DIR_VARIABLE]: dataDir,
    },
  });

  try {
    const window = await app.firstWindow();

    const preferences = await app.evaluate(({ BrowserWindow }) => {
      // NOTE: getLastWebPreferences is missing from Electron 45's type definitions, so this
      // reads it defensively. This test has not yet run on a machine with the binary.
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as
        | { getLastWebPreferences?: () => Record<string, unknown> | null }
        | undefined;
      const last = contents?.getLastWebPreferences?.() ?? null;
      return {
        available: last !== null,
        contextIsolation: last?.contextIsolation,
        sandbox: last?.sandbox,
        nodeIntegration: last?.nodeIntegration,
      };
    });
    expect(
      preferences.available,
      "main can read the window's webPreferences",
    ).toBe(true);
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);

    const rendererGlobals = await window.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      return { require: typeof scope.require, process: typeof scope.process };
    });
    expect(rendererGlobals.require).toBe("undefined");
    expect(rendererGlobals.process).toBe("undefined");

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
    await expect(
      window.getByRole("link", { name: "+1 555 010 0300" }),
    ).toBeVisible();
  } finally {
    await app.close();
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
