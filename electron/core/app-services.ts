/**
 * Wires the core together for main, the browser tests and the CLI: Kraken client, session,
 * vault, offline queue and connection monitor. Nothing here imports `electron`.
 */

import { join } from "node:path";
import {
  DEFAULT_GUIDANCE_CONFIG,
  type GuidanceConfig,
} from "../../shared/guidance-config";
import type { CheckError } from "../../shared/check-errors";
import type { GraphqlResponse } from "../../shared/ipc-contract";
import type {
  AppConfigView,
  CheckResultView,
  QueueView,
} from "../../shared/views";
import { describeApiUrl } from "./api-environment";
import { backoffDelay, type BackoffPolicy } from "./backoff";
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

/** Retries of an interactive check: the rep is waiting, and the queue retries later anyway. */
const INTERACTIVE_MAX_RETRIES = 1;
const PRUNE_INTERVAL_MS = 3_600_000;
/** Shortest gap between automatic syncs that made no progress. */
const MIN_SYNC_GAP_MS = 1_000;
const SYNC_BACKOFF: BackoffPolicy = {
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
};

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
  /** Backoff between automatic syncs that made no progress (default 5 s doubling to 15 min). */
  syncBackoff?: BackoffPolicy;
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
  /** The queue limited to the signed-in rep's own checks. */
  queueView(): QueueView;
  retryCheck(id: string): QueueView;
  discardCheck(id: string): QueueView;
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
  // A sync that keeps failing backs off as a whole, not just per item. These count the
  // automatic syncs in a row that finished no check, and hold the next one back.
  let unproductiveSyncs = 0;
  let holdOffUntil = 0;

  /** Wakes the queue when its earliest backed-off check is due, while Kraken is reachable. */
  const scheduleDueSync = () => {
    if (dueTimer) {
      clearTimeout(dueTimer);
      dueTimer = null;
    }
    const owner = currentOwner();
    const itemDueAt = owner === null ? null : queue.nextDueAt(owner);
    if (itemDueAt === null && holdOffUntil <= Date.now()) {
      return;
    }
    const dueAt = Math.max(
      itemDueAt ?? 0,
      holdOffUntil,
      Date.now() + MIN_SYNC_GAP_MS,
    );
    // setTimeout overflows past about 24.8 days; backoff never comes near that.
    const delay = Math.min(Math.max(0, dueAt - Date.now()), 2 ** 31 - 1);
    dueTimer = setTimeout(() => {
      dueTimer = null;
      syncWhenReady();
    }, delay);
    dueTimer.unref?.();
  };

  /** Returns the signed-in rep's email, which owns the checks they queue, or null. */
  const currentOwner = (): string | null => {
    const view = session.view();
    return view.state === "signed-in" ? view.email : null;
  };

  const syncQueue = async (): Promise<SyncSummary> => {
    const owner = currentOwner();
    if (owner === null) {
      return {
        done: 0,
        failed: 0,
        depositRequired: 0,
        stillPending: 0,
        pausedForSignIn: true,
      };
    }
    const summary = await queue.sync(async (accountNumber) => {
      let result;
      try {
        result = await runCreditCheck(client, session, accountNumber, {
          maxRetries: 0,
        });
      } catch (error) {
        if (toCheckError(error).kind === "network") {
          connection.reportUnreachable();
        }
        throw error;
      }
      connection.reportReachable();
      publishResult({ accountNumber, status: result.status });
      return { status: result.status };
    }, owner);

    if (summary.done + summary.failed > 0 || summary.stillPending === 0) {
      unproductiveSyncs = 0;
      holdOffUntil = 0;
    } else if (!summary.pausedForSignIn) {
      holdOffUntil =
        Date.now() +
        Math.max(
          MIN_SYNC_GAP_MS,
          backoffDelay(unproductiveSyncs, options.syncBackoff ?? SYNC_BACKOFF),
        );
      unproductiveSyncs++;
    }
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
    const owner = currentOwner();
    if (Date.now() < holdOffUntil) {
      scheduleDueSync();
      return;
    }
    if (
      owner !== null &&
      connection.view().state === "online" &&
      queue.view(owner).pendingCount > 0
    ) {
      syncQueue().catch((error: unknown) => {
        logger.error("queue sync failed", {
          error: error instanceof Error ? error.message : String(error),
        });
      });
    }
  };
  connection.onChange(syncWhenReady);
  // A blip shorter than the debounce is never announced, so also start on any recovery.
  connection.onReachable(syncWhenReady);

  const pruneTimer = setInterval(
    () => queue.pruneFinished(),
    PRUNE_INTERVAL_MS,
  );
  pruneTimer.unref?.();

  const queueForLater = (
    accountNumber: string,
    checkError: CheckError,
  ): GraphqlResponse => {
    queue.enqueue(accountNumber, currentOwner());
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
  };

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
    queueView() {
      const owner = currentOwner();
      if (owner !== null) {
        return queue.view(owner);
      }
      // Signed out: the sign-in screen may show how many checks wait, but none of the checks.
      return { ...queue.view(), items: [] };
    },
    retryCheck(id) {
      const view = queue.retry(id, currentOwner());
      syncWhenReady();
      return view;
    },
    discardCheck: (id) => queue.discard(id, currentOwner()),
    async checkCreditStatus(input) {
      let accountNumber = input;
      try {
        accountNumber = requireAccountNumber(input);
        if (connection.view().state === "offline" && session.isSignedIn()) {
          // Known to be offline: queue at once instead of making the rep wait for timeouts.
          void connection.probe();
          return queueForLater(
            accountNumber,
            toCheckError(new KrakenTransportError("offline", "network")),
          );
        }
        const result = await runCreditCheck(client, session, accountNumber, {
          maxRetries: INTERACTIVE_MAX_RETRIES,
        });
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
          return queueForLater(accountNumber, checkError);
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
      clearInterval(pruneTimer);
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
