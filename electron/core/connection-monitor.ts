/**
 * Decides whether Kraken is reachable by probing the GraphQL endpoint itself. The operating
 * system's "online" flag can only prove the laptop is offline: a captive portal or a dead
 * access point still looks online. While offline it probes again on a jittered backoff.
 */

import type { ConnectionState, ConnectionView } from "../../shared/views";
import { backoffDelay, type BackoffPolicy } from "./backoff";
import type { KrakenClient } from "./kraken-client";
import { KrakenApiError } from "./kraken-errors";
import { silentLogger, type Logger } from "./logger";

export interface ConnectionMonitorOptions {
  /** How long a new state must hold before it is announced, to ride out flapping. */
  debounceMs?: number;
  backoff?: BackoffPolicy;
  now?: () => number;
  random?: () => number;
  logger?: Logger;
}

const PROBE_QUERY = "query connectionProbe { __typename }";
const DEFAULT_PROBE_BACKOFF: BackoffPolicy = {
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
};

export class ConnectionMonitor {
  private state: ConnectionState = "checking";
  private checkedAt: number | null = null;
  private failedProbes = 0;
  private probing: Promise<ConnectionState> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private announceTimer: NodeJS.Timeout | null = null;
  private announced: ConnectionView;
  private readonly listeners = new Set<(view: ConnectionView) => void>();
  private readonly reachableListeners = new Set<() => void>();
  private readonly debounceMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly logger: Logger;
  private stopped = false;

  constructor(
    private readonly client: KrakenClient,
    options: ConnectionMonitorOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 1_500;
    this.backoff = options.backoff ?? DEFAULT_PROBE_BACKOFF;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.logger = options.logger ?? silentLogger;
    this.announced = this.view();
  }

  view(): ConnectionView {
    return { state: this.state, checkedAt: this.checkedAt };
  }

  /** Returns the last announced view, after debouncing. */
  announcedView(): ConnectionView {
    return this.announced;
  }

  onChange(listener: (view: ConnectionView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls `listener` each time Kraken responds again after a failure, without debouncing, so
   * queued work can start even when a short outage was never announced.
   */
  onReachable(listener: () => void): () => void {
    this.reachableListeners.add(listener);
    return () => this.reachableListeners.delete(listener);
  }

  /**
   * Probes now. Call on start, on resume from sleep and on every network change. A caller
   * that has learned the system is offline passes `systemOffline` to skip the request.
   */
  probe(systemOffline = false): Promise<ConnectionState> {
    if (systemOffline) {
      this.record(false);
      return Promise.resolve(this.state);
    }
    if (!this.probing) {
      this.probing = this.runProbe().finally(() => {
        this.probing = null;
      });
    }
    return this.probing;
  }

  /** Marks Kraken unreachable after a real request failed to reach it. */
  reportUnreachable(): void {
    this.record(false);
  }

  /** Marks Kraken reachable after a real request got a response. */
  reportReachable(): void {
    this.record(true);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of [this.retryTimer, this.announceTimer]) {
      if (timer) {
        clearTimeout(timer);
      }
    }
  }

  private async runProbe(): Promise<ConnectionState> {
    let reachable: boolean;
    try {
      await this.client.request(
        { operationName: "connectionProbe", query: PROBE_QUERY, variables: {} },
        { maxRetries: 0 },
      );
      reachable = true;
    } catch (error) {
      // Any GraphQL response, even an error, proves Kraken itself responded.
      reachable = error instanceof KrakenApiError;
    }
    this.record(reachable);
    return this.state;
  }

  private record(reachable: boolean): void {
    this.checkedAt = this.now();
    const previous = this.state;
    this.state = reachable ? "online" : "offline";
    this.failedProbes = reachable ? 0 : this.failedProbes + 1;

    const changed = previous !== this.state;
    if (changed) {
      this.logger.info("connection changed", { state: this.state });
    }
    this.scheduleRetry();
    this.scheduleAnnounce(changed);
    if (reachable && changed) {
      for (const listener of this.reachableListeners) {
        listener();
      }
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (this.state !== "offline" || this.stopped) {
      return;
    }
    const delay = Math.max(
      250,
      backoffDelay(this.failedProbes - 1, this.backoff, this.random),
    );
    this.retryTimer = setTimeout(() => void this.probe(), delay);
    this.retryTimer.unref?.();
  }

  /**
   * Announces the state once it has held for `debounceMs`: a change restarts the wait, so a
   * state that lasted less than that while the connection flapped is never announced.
   */
  private scheduleAnnounce(changed: boolean): void {
    if (this.stopped || (this.announceTimer && !changed)) {
      return;
    }
    if (this.announceTimer) {
      clearTimeout(this.announceTimer);
    }
    this.announceTimer = setTimeout(() => {
      this.announceTimer = null;
      if (
        this.announced.state === this.state &&
        this.announced.checkedAt !== null
      ) {
        this.announced = this.view();
        return;
      }
      this.announced = this.view();
      for (const listener of this.listeners) {
        listener(this.announced);
      }
    }, this.debounceMs);
    this.announceTimer.unref?.();
  }
}
