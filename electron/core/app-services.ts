/**
 * Wires the core together for main, the browser tests and the CLI: Kraken client, session,
 * vault, offline queue and connection monitor. Nothing here imports `electron`.
 */

import { join } from "node:path";
import {
  DEFAULT_GUIDANCE_CONFIG,
  type GuidanceConfig,
} from "../../shared/guidance-config";
import type { GraphqlResponse } from "../../shared/ipc-contract";
import type { AppConfigView, CheckResultView } from "../../shared/views";
import { describeApiUrl } from "./api-environment";
import type { Cipher } from "./cipher";
import {
  ConnectionMonitor,
  type ConnectionMonitorOptions,
} from "./connection-monitor";
import { requireAccountNumber, runCreditCheck } from "./credit-check";
import { JsonFileStore, type KeyValueStore } from "./key-value-store";
import { KrakenClient, type KrakenClientOptions } from "./kraken-client";
import { KrakenTransportError, toCheckError } from "./kraken-errors";
import { KrakenSession } from "./kraken-session";
import { silentLogger, type Logger } from "./logger";
import {
  CheckQueue,
  type CheckQueueOptions,
  type SyncSummary,
} from "./queue/check-queue";
import { TokenVault } from "./token-vault";

export interface AppServicesOptions {
  apiUrl: string;
  dataDir: string;
  cipher: Cipher;
  /** Store for the encrypted session. Main passes electron-store. */
  store?: KeyValueStore;
  guidance?: GuidanceConfig;
  logger?: Logger;
  client?: Partial<KrakenClientOptions>;
  queue?: Partial<
    Omit<CheckQueueOptions, "dataDir" | "cipher" | "toCheckError">
  >;
  connection?: ConnectionMonitorOptions;
  /** Called after a sync that finished at least one check, e.g. to show a notification. */
  onSyncFinished?: (summary: SyncSummary) => void;
}

export interface AppServices {
  config: AppConfigView;
  session: KrakenSession;
  queue: CheckQueue;
  connection: ConnectionMonitor;
  /** Runs the credit check for the renderer; queues it when Kraken cannot be reached. */
  checkCreditStatus(accountNumber: string): Promise<GraphqlResponse>;
  signIn(email: string, password: string): ReturnType<KrakenSession["signIn"]>;
  syncQueue(): Promise<SyncSummary>;
  onCheckResult(listener: (result: CheckResultView) => void): () => void;
  close(): void;
}

export function createAppServices(options: AppServicesOptions): AppServices {
  const logger = options.logger ?? silentLogger;
  const client = new KrakenClient({
    ...options.client,
    apiUrl: options.apiUrl,
    logger,
  });
  const store =
    options.store ?? new JsonFileStore(join(options.dataDir, "session.json"));
  const vault = new TokenVault(store, options.cipher, logger);
  const session = new KrakenSession(client, vault, { logger });
  const connection = new ConnectionMonitor(client, {
    logger,
    ...options.connection,
  });
  const queue = CheckQueue.open({
    ...options.queue,
    dataDir: options.dataDir,
    cipher: options.cipher,
    logger,
    toCheckError,
  });
  const resultListeners = new Set<(result: CheckResultView) => void>();
  const publishResult = (result: CheckResultView) => {
    for (const listener of resultListeners) {
      listener(result);
    }
  };

  let dueTimer: NodeJS.Timeout | null = null;

  /** Wakes the queue when its earliest backed-off check is due, while Kraken is reachable. */
  const scheduleDueSync = () => {
    if (dueTimer) {
      clearTimeout(dueTimer);
      dueTimer = null;
    }
    const dueAt = queue.nextDueAt();
    if (dueAt === null) {
      return;
    }
    // setTimeout overflows past about 24.8 days; backoff never comes near that.
    const delay = Math.min(Math.max(0, dueAt - Date.now()), 2 ** 31 - 1);
    dueTimer = setTimeout(() => {
      dueTimer = null;
      syncWhenReady();
    }, delay);
    dueTimer.unref?.();
  };

  const syncQueue = async (): Promise<SyncSummary> => {
    const summary = await queue.sync(async (accountNumber) => {
      const result = await runCreditCheck(client, session, accountNumber, {
        maxRetries: 0,
      });
      connection.reportReachable();
      publishResult({ accountNumber, status: result.status });
      return { status: result.status };
    });
    if (summary.stillPending > 0 && !summary.pausedForSignIn) {
      void connection.probe();
    }
    if (summary.done + summary.failed > 0) {
      options.onSyncFinished?.(summary);
    }
    scheduleDueSync();
    return summary;
  };

  const syncWhenReady = () => {
    if (
      session.isSignedIn() &&
      connection.view().state === "online" &&
      queue.view().pendingCount > 0
    ) {
      syncQueue().catch((error: unknown) => {
        logger.error("queue sync failed", {
          error: error instanceof Error ? error.message : String(error),
        });
      });
    }
  };
  connection.onChange(syncWhenReady);

  session.restore();

  return {
    config: {
      guidance: options.guidance ?? DEFAULT_GUIDANCE_CONFIG,
      environment: describeApiUrl(options.apiUrl),
    },
    session,
    queue,
    connection,
    signIn: async (email, password) => {
      const view = await session.signIn(email, password);
      connection.reportReachable();
      queue.resume();
      syncWhenReady();
      return view;
    },
    syncQueue,
    async checkCreditStatus(input) {
      let accountNumber = input;
      try {
        accountNumber = requireAccountNumber(input);
        const result = await runCreditCheck(client, session, accountNumber);
        connection.reportReachable();
        return {
          data: {
            creditCheckStatus: {
              status: result.status,
              __typename: result.typename,
            },
          },
        };
      } catch (error) {
        const checkError = toCheckError(error);
        if (
          error instanceof KrakenTransportError &&
          checkError.kind === "network"
        ) {
          connection.reportUnreachable();
          queue.enqueue(accountNumber);
          logger.info("check queued while offline");
          return {
            data: null,
            errors: [
              {
                message: queuedMessage(accountNumber),
                extensions: { ...checkError, queued: true },
              },
            ],
          };
        }
        return {
          data: null,
          errors: [{ message: checkError.message, extensions: checkError }],
        };
      }
    },
    onCheckResult(listener) {
      resultListeners.add(listener);
      return () => resultListeners.delete(listener);
    },
    close() {
      if (dueTimer) {
        clearTimeout(dueTimer);
      }
      connection.stop();
      queue.close();
    },
  };
}

function queuedMessage(accountNumber: string): string {
  return `No connection: the check for ${accountNumber} is queued and runs when the laptop is back online.`;
}
