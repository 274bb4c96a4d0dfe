import { defineConfig } from "@playwright/test";

const PREVIEW_URL = "http://127.0.0.1:4173/";

export default defineConfig({
  testDir: "test/e2e",
  // Each test starts its own sandbox and core, so tests run in parallel against one preview server.
  workers: 2,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: PREVIEW_URL,
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /electron-app\.spec\.ts$/,
    },
    {
      name: "electron",
      testMatch: /electron-app\.spec\.ts$/,
    },
  ],
  // Serves the built renderer, so run `npm run build` (or `npx vite build`) first.
  webServer: {
    command: "npx vite preview --port 4173 --strictPort --host 127.0.0.1",
    url: PREVIEW_URL,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
  },
});
