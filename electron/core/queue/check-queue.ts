/**
 * The offline queue of credit checks. Every change is on disk before the method returns. An
 * item being sent is marked in flight, never removed, so a crash at any point loses nothing.
 * One sync runs at a time, sending several checks at once at a bounded request rate.
 */

import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import type { CheckError } from "../../../shared/check-errors";
import { guidanceKindFor } from "../../../shared/guidance";
import type { QueueView } from "../../../shared/views";
import { backoffDelay, type BackoffPolicy } from "../backoff";
import type { Cipher } from "../cipher";
import { silentLogger, type Logger } from "../logger";
import { failureActionFor, type QueueItem } from "./queue-item";
import { QueueLock } from "./queue-lock";
import { QueueLog, type LoadedQueue } from "./queue-log";
import { StartPacer } from "./start-pacer";

export interface QueueCheckOutcome {
  status: string | null;
}

/** Sends one check; throws a value that `toCheckError` understands on failure. */
export type SendCheck = (accountNumber: string) => Promise<QueueCheckOutcome>;

export interface CheckQueueOptions {
  dataDir: string;
  cipher: Cipher;
  concurrency?: number;
  /** Most check requests started per second during a sync. */
  requestsPerSecond?: number;
  backoff?: BackoffPolicy;
  /** How long a done or failed check stays in the queue, in milliseconds (default 24 hours). */
  finishedRetentionMs?: number;
  /** A `server` error fails the item after this many attempts; network errors never do. */
  maxServerAttempts?: number;
  now?: () => number;
  random?: () => number;
  logger?: Logger;
  toCheckError: (error: unknown) => CheckError;
}

export interface SyncSummary {
  done: number;
  failed: number;
  depositRequired: number;
  stillPending: number;
  pausedForSignIn: boolean;
}

/** The result of one send. Every outcome but "done", "failed" and "retry" stops the sync. */
type SendOutcome =
  "done" | "failed" | "retry" | "unreachable" | "rate-limited" | "pause";

/** Items of other reps stay hidden; `undefined` means every item, for the CLI. */
function isVisibleTo(
  item: QueueItem,
  owner: string | null | undefined,
): boolean {
  return owner === undefined || item.owner === null || item.owner === owner;
}

function accountKey(item: Pick<QueueItem, "accountNumber" | "owner">): string {
  return `${item.owner ?? ""}\u0000${item.accountNumber}`;
}

/** A retry or discard named an item that does not exist or cannot change now. */
export class QueueItemError extends Error {
  override readonly name = "QueueItemError";
}

export const DEFAULT_FINISHED_RETENTION_MS = 24 * 3_600_000;

export const QUEUE_FILE = "check-queue.jsonl";
const DEFAULT_QUEUE_BACKOFF: BackoffPolicy = {
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
};

export class CheckQueue {
  private readonly items: Map<string, QueueItem>;
  /** Item id by account number, so enqueue stays constant-time as the queue grows. */
  private readonly idByAccount = new Map<string, string>();
  private emitScheduled = false;
  private readonly listeners = new Set<(view: QueueView) => void>();
  private running: Promise<SyncSummary> | null = null;
  private pausedForSignIn = false;
  private readonly recoveredFromCorruptFile: boolean;
  private readonly concurrency: number;
  private readonly minStartIntervalMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly maxServerAttempts: number;
  private readonly finishedRetentionMs: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly logger: Logger;
  private readonly toCheckError: (error: unknown) => CheckError;

  private constructor(
    private readonly log: QueueLog,
    private readonly lock: QueueLock,
    loaded: LoadedQueue,
    options: CheckQueueOptions,
  ) {
    this.items = loaded.items;
    for (const item of this.items.values()) {
      this.idByAccount.set(accountKey(item), item.id);
    }
    this.recoveredFromCorruptFile = loaded.corruptCopyPath !== null;
    this.concurrency = options.concurrency ?? 4;
    this.minStartIntervalMs = 1000 / (options.requestsPerSecond ?? 4);
    this.backoff = options.backoff ?? DEFAULT_QUEUE_BACKOFF;
    this.maxServerAttempts = options.maxServerAttempts ?? 8;
    this.finishedRetentionMs =
      options.finishedRetentionMs ?? DEFAULT_FINISHED_RETENTION_MS;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.logger = options.logger ?? silentLogger;
    this.toCheckError = options.toCheckError;
  }

  /** Opens the queue in `dataDir`, taking the single-writer lock. */
  static open(options: CheckQueueOptions): CheckQueue {
    validateOptions(options);
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const lock = QueueLock.acquire(join(options.dataDir, `${QUEUE_FILE}.lock`));
    try {
      const log = new QueueLog(
        join(options.dataDir, QUEUE_FILE),
        options.cipher,
        options.now,
      );
      const loaded = log.load();
      if (loaded.corruptCopyPath !== null) {
        options.logger?.warn("queue file damaged, copy set aside", {
          path: loaded.corruptCopyPath,
        });
      }
      const queue = new CheckQueue(log, lock, loaded, options);
      queue.pruneFinished();
      return queue;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  close(): void {
    this.log.close();
    this.lock.release();
  }

  /**
   * Deletes done and failed checks older than the retention period. Results are credit
   * information, so the laptop keeps them only as long as the rep needs to see them.
   */
  pruneFinished(): number {
    const cutoff = this.now() - this.finishedRetentionMs;
    let pruned = 0;
    for (const item of [...this.items.values()]) {
      if (
        (item.state === "done" || item.state === "failed") &&
        item.updatedAt < cutoff
      ) {
        this.remove(item);
        pruned++;
      }
    }
    if (pruned > 0) {
      this.logger.info("finished checks pruned", { count: pruned });
      this.emit();
    }
    return pruned;
  }

  /** Returns when `owner`'s earliest backed-off pending check is due, or null if none waits. */
  nextDueAt(owner?: string | null): number | null {
    let earliest: number | null = null;
    for (const item of this.items.values()) {
      if (
        item.state === "pending" &&
        item.nextAttemptAt !== null &&
        isVisibleTo(item, owner)
      ) {
        earliest =
          earliest === null
            ? item.nextAttemptAt
            : Math.min(earliest, item.nextAttemptAt);
      }
    }
    return earliest;
  }

  /**
   * Returns one rep's view of the queue: their own checks and those queued without an owner.
   * Without `owner` it returns every item, as the CLI does.
   */
  view(owner?: string | null): QueueView {
    const items = [...this.items.values()]
      .filter((item) => isVisibleTo(item, owner))
      .sort((a, b) => a.queuedAt - b.queuedAt);
    return {
      items: items.map((item) => ({ ...item })),
      pendingCount: items.filter(
        (item) => item.state === "pending" || item.state === "in-flight",
      ).length,
      pausedForSignIn: this.pausedForSignIn,
      recoveredFromCorruptFile: this.recoveredFromCorruptFile,
    };
  }

  onChange(listener: (view: QueueView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Queues a check for an account number that is already normalised, on behalf of `owner`
   * (the signed-in rep's email, or null). An account that is already waiting keeps its one
   * item; a finished one is queued again.
   */
  enqueue(accountNumber: string, owner: string | null = null): QueueItem {
    const existing = this.findByAccount(accountNumber, owner);
    if (
      existing &&
      (existing.state === "pending" || existing.state === "in-flight")
    ) {
      return existing;
    }

    const now = this.now();
    const item: QueueItem = {
      id: existing?.id ?? randomUUID(),
      accountNumber,
      owner,
      state: "pending",
      attempts: 0,
      queuedAt: now,
      updatedAt: now,
      nextAttemptAt: null,
      result: null,
      error: null,
    };
    this.save(item);
    this.logger.info("check queued", { id: item.id });
    return item;
  }

  /** Sends a failed item again at the next sync. */
  retry(id: string, owner?: string | null): QueueView {
    const item = this.requireItem(id, owner);
    if (item.state === "failed") {
      this.save({
        ...item,
        state: "pending",
        nextAttemptAt: null,
        error: null,
        attempts: 0,
      });
    }
    return this.view(owner);
  }

  discard(id: string, owner?: string | null): QueueView {
    const item = this.requireItem(id, owner);
    if (item.state === "in-flight") {
      throw new QueueItemError(
        "A check that is being sent cannot be discarded; wait for it to finish.",
      );
    }
    this.remove(item);
    this.emit();
    return this.view(owner);
  }

  /** Clears the sign-in pause, e.g. after the rep signs in again. */
  resume(): void {
    if (this.pausedForSignIn) {
      this.pausedForSignIn = false;
      this.emit();
    }
  }

  /** Sends every due pending item. A second call while a sync runs joins that sync. */
  sync(send: SendCheck, owner?: string | null): Promise<SyncSummary> {
    if (!this.running) {
      this.running = this.runSync(send, owner).finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  isSyncing(): boolean {
    return this.running !== null;
  }

  private async runSync(
    send: SendCheck,
    owner?: string | null,
  ): Promise<SyncSummary> {
    this.pruneFinished();
    const summary: SyncSummary = {
      done: 0,
      failed: 0,
      depositRequired: 0,
      stillPending: 0,
      pausedForSignIn: false,
    };
    const due = [...this.items.values()]
      .filter(
        (item) =>
          isVisibleTo(item, owner) &&
          item.state === "pending" &&
          (item.nextAttemptAt ?? 0) <= this.now(),
      )
      .sort((a, b) => a.queuedAt - b.queuedAt);
    this.logger.info("queue sync started", { due: due.length });

    const pacer = new StartPacer(this.minStartIntervalMs, this.now);
    let stop = false;
    const stopped = () => stop || this.pausedForSignIn;
    const worker = async () => {
      for (let item = due.shift(); item && !stop; item = due.shift()) {
        const turn = await pacer.nextTurn(stopped);
        try {
          if (stopped()) {
            return;
          }
          const outcome = await this.sendOne(item, send, summary, () =>
            turn.started(),
          );
          if (
            outcome === "pause" ||
            outcome === "unreachable" ||
            outcome === "rate-limited"
          ) {
            stop = true;
          }
        } finally {
          turn.release();
        }
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, () => worker()));

    summary.stillPending = this.view(owner).pendingCount;
    summary.pausedForSignIn = this.pausedForSignIn;
    this.logger.info("queue sync finished", { ...summary });
    return summary;
  }

  /** Sends one item; `onStart` runs once the in-flight state is on disk, just before the send. */
  private async sendOne(
    queued: QueueItem,
    send: SendCheck,
    summary: SyncSummary,
    onStart: () => void,
  ): Promise<SendOutcome> {
    const current = this.items.get(queued.id);
    if (!current || current.state !== "pending") {
      return "retry";
    }
    const inFlight: QueueItem = {
      ...current,
      state: "in-flight",
      updatedAt: this.now(),
    };
    this.save(inFlight);

    try {
      onStart();
      const outcome = await send(inFlight.accountNumber);
      const guidance = guidanceKindFor(outcome.status);
      this.save({
        ...inFlight,
        state: "done",
        attempts: inFlight.attempts + 1,
        nextAttemptAt: null,
        result: { status: outcome.status, guidance },
        error: null,
        updatedAt: this.now(),
      });
      summary.done++;
      if (guidance === "deposit-required") {
        summary.depositRequired++;
      }
      return "done";
    } catch (caught) {
      return this.recordFailure(inFlight, this.toCheckError(caught), summary);
    }
  }

  private recordFailure(
    item: QueueItem,
    error: CheckError,
    summary: SyncSummary,
  ): Exclude<SendOutcome, "done"> {
    const action = failureActionFor(error);
    const attempts = item.attempts + 1;

    if (action === "pause-for-sign-in") {
      // Not the item's fault: it keeps its attempt count and waits for a new session.
      this.save({ ...item, state: "pending", updatedAt: this.now() });
      this.pausedForSignIn = true;
      this.logger.warn("queue paused until sign-in", { id: item.id });
      this.emit();
      return "pause";
    }

    const givesUp =
      action === "fail" ||
      (error.kind === "server" && attempts >= this.maxServerAttempts);
    if (givesUp) {
      this.save({
        ...item,
        state: "failed",
        attempts,
        error,
        nextAttemptAt: null,
        updatedAt: this.now(),
      });
      summary.failed++;
      this.logger.warn("queued check failed", {
        id: item.id,
        kind: error.kind,
      });
      return "failed";
    }

    const delay = backoffDelay(attempts - 1, this.backoff, this.random);
    this.save({
      ...item,
      state: "pending",
      attempts,
      error,
      nextAttemptAt: this.now() + delay,
      updatedAt: this.now(),
    });
    this.logger.info("queued check will retry", {
      id: item.id,
      kind: error.kind,
      delayMs: delay,
    });
    if (error.kind === "network") {
      return "unreachable";
    }
    // Kraken limits requests per rep, not per account, so the other items would fail too.
    return error.kind === "rate-limited" ? "rate-limited" : "retry";
  }

  /** Writes the change to disk first, so memory never shows a change the disk lacks. */
  private save(item: QueueItem): void {
    this.log.append({ put: item });
    this.items.set(item.id, item);
    this.idByAccount.set(accountKey(item), item.id);
    this.log.compactIfNeeded(this.items);
    this.emit();
  }

  private remove(item: QueueItem): void {
    this.log.append({ delete: item.id });
    this.items.delete(item.id);
    this.idByAccount.delete(accountKey(item));
    this.log.compactIfNeeded(this.items);
  }

  private findByAccount(
    accountNumber: string,
    owner: string | null,
  ): QueueItem | undefined {
    const id = this.idByAccount.get(accountKey({ accountNumber, owner }));
    return id === undefined ? undefined : this.items.get(id);
  }

  private requireItem(id: string, owner?: string | null): QueueItem {
    const item = this.items.get(id);
    if (!item || !isVisibleTo(item, owner)) {
      throw new QueueItemError(`No queued check with id ${id}.`);
    }
    return item;
  }

  /** Tells listeners once per turn of the event loop, however many changes it made. */
  private emit(): void {
    if (this.listeners.size === 0 || this.emitScheduled) {
      return;
    }
    this.emitScheduled = true;
    queueMicrotask(() => {
      this.emitScheduled = false;
      const view = this.view();
      for (const listener of this.listeners) {
        listener(view);
      }
    });
  }
}

function validateOptions(options: CheckQueueOptions): void {
  const { concurrency, requestsPerSecond } = options;
  if (
    concurrency !== undefined &&
    (!Number.isInteger(concurrency) || concurrency < 1)
  ) {
    throw new RangeError(
      `Queue concurrency must be a whole number of at least 1, got ${concurrency}.`,
    );
  }
  if (
    requestsPerSecond !== undefined &&
    (!Number.isFinite(requestsPerSecond) || requestsPerSecond <= 0)
  ) {
    throw new RangeError(
      `Queue requestsPerSecond must be a positive number, got ${requestsPerSecond}.`,
    );
  }
}
