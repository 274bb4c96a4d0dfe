/** Plain data that main sends to the renderer. Nothing here carries a token or a password. */

import type { CheckError } from "./check-errors";
import type { GuidanceConfig } from "./guidance-config";
import type { GuidanceKind } from "./guidance";

/** Storage mode of the session between launches. */
export type SessionStorageView =
  | { mode: "keychain" }
  | {
      mode: "memory";
      reason: "basic-text-keychain" | "encryption-unavailable";
    };

export type SignedOutReason =
  "not-signed-in" | "signed-out" | "expired" | "unreadable";

export type SessionView =
  | {
      state: "signed-out";
      reason: SignedOutReason;
      storage: SessionStorageView;
    }
  | {
      state: "signed-in";
      email: string;
      /** Unix time in milliseconds after which the rep must sign in again. */
      refreshExpiresAt: number;
      storage: SessionStorageView;
    };

export interface ApiEnvironmentView {
  name: "sandbox" | "test" | "production" | "custom";
  apiUrl: string;
}

export interface AppConfigView {
  guidance: GuidanceConfig;
  environment: ApiEnvironmentView;
}

export type ConnectionState = "online" | "offline" | "checking";

export interface ConnectionView {
  state: ConnectionState;
  /** Unix time in milliseconds of the last finished reachability probe, if any. */
  checkedAt: number | null;
}

export type QueueItemState = "pending" | "in-flight" | "done" | "failed";

export interface QueueItemView {
  id: string;
  accountNumber: string;
  state: QueueItemState;
  attempts: number;
  /** Unix time in milliseconds. */
  queuedAt: number;
  nextAttemptAt: number | null;
  result: { status: string | null; guidance: GuidanceKind } | null;
  error: CheckError | null;
}

export interface QueueView {
  items: QueueItemView[];
  pendingCount: number;
  /** Set while the queue waits for the rep to sign in again. */
  pausedForSignIn: boolean;
  /** Set when the stored queue could not be read and was moved aside. */
  recoveredFromCorruptFile: boolean;
}

/** A check result from a queue sync, pushed so an open result card can refresh. */
export interface CheckResultView {
  accountNumber: string;
  status: string | null;
}
