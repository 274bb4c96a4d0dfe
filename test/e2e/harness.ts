/**
 * Backs the built renderer in Chromium with the real main-process core: a sandbox Kraken on
 * 127.0.0.1, the app services with a temporary data directory and a real AES-GCM cipher, and
 * the IPC router that Electron main uses. Only Electron itself is missing.
 */

import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { build } from "esbuild";
import type { GuidanceConfig } from "../../shared/guidance-config";
import type { IpcEventChannel } from "../../shared/ipc-contract";
import { AesGcmCipher } from "../../electron/core/aes-gcm-cipher";
import {
  createAppServices,
  type AppServices,
} from "../../electron/core/app-services";
import {
  createIpcRouter,
  type IpcRouter,
} from "../../electron/main/ipc-router";
import { APP_ENTRY_URL, isAppUrl } from "../../electron/main/security-policy";
import { QUEUE_FILE } from "../../electron/core/queue/check-queue";
import { startSandbox, type Sandbox } from "../../sandbox/server";

export interface HarnessOptions {
  /** Linux keychain backend the cipher reports. "basic_text" keeps the session in memory. */
  storageBackend?: string | null;
  guidance?: GuidanceConfig;
  /** Written to the queue file before the core starts, e.g. to simulate a damaged file. */
  queueFileContent?: string;
}

export interface Harness {
  sandbox: Sandbox;
  services: AppServices;
  router: IpcRouter;
  /** Channel of every request the page sent, in order. */
  requests: string[];
  /** Wires a page to the router. Call it before the first navigation. */
  attach(page: Page): Promise<void>;
  close(): Promise<void>;
}

/** Retry delays short enough that an offline check is queued within a test's timeout. */
const FAST_BACKOFF = { baseDelayMs: 20, maxDelayMs: 100 };

export async function startHarness(
  options: HarnessOptions = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), "field-credit-check-e2e-"));
  if (options.queueFileContent !== undefined) {
    await writeFile(join(dataDir, QUEUE_FILE), options.queueFileContent);
  }
  const sandbox = await startSandbox({ port: 0 });
  const cipher = new AesGcmCipher(
    randomBytes(32),
    options.storageBackend ?? null,
  );
  const services = createAppServices({
    apiUrl: sandbox.url,
    dataDir,
    cipher,
    guidance: options.guidance,
    client: { backoff: FAST_BACKOFF },
    queue: { backoff: FAST_BACKOFF },
    connection: { backoff: FAST_BACKOFF, debounceMs: 50 },
  });
  const router = createIpcRouter(services, { isTrustedSender: isAppUrl });
  const shimPath = await bundleBridgeShim(dataDir);
  const requests: string[] = [];
  const detachers: (() => void)[] = [];

  await services.connection.probe();

  async function attach(page: Page): Promise<void> {
    await page.exposeBinding(
      "__fieldCreditCheckInvoke",
      (_source, channel: string, payload: unknown) => {
        requests.push(channel);
        // The page is served over http, so the harness names the sender Electron would.
        return router.dispatch(channel, payload, { url: APP_ENTRY_URL });
      },
    );
    await page.addInitScript({ path: shimPath });

    detachers.push(
      router.onEvent((channel: IpcEventChannel, payload: unknown) => {
        page
          .evaluate(
            ([eventChannel, eventPayload]) => {
              const host = globalThis as typeof globalThis & {
                __fieldCreditCheckEmit?: (
                  channel: string,
                  payload: unknown,
                ) => void;
              };
              host.__fieldCreditCheckEmit?.(
                eventChannel as string,
                eventPayload,
              );
            },
            [channel, payload] as const,
          )
          .catch(() => {
            // The page closed or is navigating, so no listener is left to notify.
          });
      }),
    );
  }

  async function close(): Promise<void> {
    for (const detach of detachers) {
      detach();
    }
    services.close();
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  }

  return { sandbox, services, router, requests, attach, close };
}

async function bundleBridgeShim(outputDir: string): Promise<string> {
  const outfile = join(outputDir, "bridge-shim.js");
  await build({
    entryPoints: [join(import.meta.dirname, "bridge-shim.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    outfile,
    logLevel: "silent",
  });
  return outfile;
}
