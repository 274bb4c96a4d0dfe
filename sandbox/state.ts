import type { FailureKind } from "./control-schema";

/**
 * The sandbox's notion of "now". Tests move it forward to expire tokens without waiting, so
 * every expiry check and every issued `iat` must read the time from here, not from Date.now().
 */
export class SandboxClock {
  private offsetSeconds = 0;

  /** Current Unix time in whole seconds, including the offset added by advance(). */
  nowSeconds(): number {
    return Math.floor(Date.now() / 1000 + this.offsetSeconds);
  }

  advance(seconds: number): void {
    this.offsetSeconds += seconds;
  }

  reset(): void {
    this.offsetSeconds = 0;
  }
}

/** Request counters since start or the last reset. */
export interface SandboxStats {
  /** obtainKrakenToken calls with email and password, successful or not. */
  signIns: number;
  /** obtainKrakenToken calls with a refresh token, successful or not. */
  refreshes: number;
  /** creditCheckStatus fields resolved, successful or not. */
  creditChecks: number;
  /**
   * HTTP requests to the GraphQL endpoint, including those dropped while offline or failed on
   * purpose, so it counts a client's retries.
   */
  requests: number;
}

export function emptyStats(): SandboxStats {
  return { signIns: 0, refreshes: 0, creditChecks: 0, requests: 0 };
}

interface QueuedFailure {
  kind: FailureKind;
  remaining: number;
  operationName: string | undefined;
}

/** Failures queued by failNext, consumed in the order they were queued. */
export class FailureQueue {
  private queue: QueuedFailure[] = [];

  add(
    kind: FailureKind,
    count: number,
    operationName: string | undefined,
  ): void {
    this.queue.push({ kind, remaining: count, operationName });
  }

  /**
   * Consumes one use of the first queued failure that applies to the operation and returns its
   * kind, or returns undefined when none applies. A failure without an operation name applies
   * to every operation.
   */
  take(operationName: string | undefined): FailureKind | undefined {
    const index = this.queue.findIndex(
      (failure) =>
        failure.operationName === undefined ||
        failure.operationName === operationName,
    );
    const failure = this.queue[index];
    if (failure === undefined) {
      return undefined;
    }
    failure.remaining -= 1;
    if (failure.remaining <= 0) {
      this.queue.splice(index, 1);
    }
    return failure.kind;
  }

  clear(): void {
    this.queue = [];
  }
}

/** Network conditions and counters that tests change through the control API. */
export class SandboxState {
  readonly clock = new SandboxClock();
  readonly failures = new FailureQueue();
  stats: SandboxStats = emptyStats();
  offline = false;
  latencyMs: number;

  constructor(private readonly initialLatencyMs: number) {
    this.latencyMs = initialLatencyMs;
  }

  /** Clears failures, offline mode, clock offset and stats, and restores the start-up latency. */
  reset(): void {
    this.failures.clear();
    this.offline = false;
    this.latencyMs = this.initialLatencyMs;
    this.clock.reset();
    this.stats = emptyStats();
  }
}
