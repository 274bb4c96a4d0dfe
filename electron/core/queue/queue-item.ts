/** One queued credit check and how a failed attempt changes it. */

import type { CheckError } from "../../../shared/check-errors";
import type { GuidanceKind } from "../../../shared/guidance";
import type { QueueItemState } from "../../../shared/views";

export interface QueueItem {
  id: string;
  accountNumber: string;
  /** Email of the rep who asked for the check; null when queued from the CLI. */
  owner: string | null;
  state: QueueItemState;
  /** Sends tried so far, counting only those that reached a verdict or a transport failure. */
  attempts: number;
  /** Unix milliseconds. */
  queuedAt: number;
  updatedAt: number;
  /** Unix milliseconds before which a pending item is not sent again. */
  nextAttemptAt: number | null;
  result: { status: string | null; guidance: GuidanceKind } | null;
  error: CheckError | null;
}

/** The action a sync takes on an item after a failed send. */
export type FailureAction = "retry-later" | "pause-for-sign-in" | "fail";

export function failureActionFor(error: CheckError): FailureAction {
  switch (error.kind) {
    case "network":
    case "server":
    case "rate-limited":
      return "retry-later";
    case "session-expired":
    case "sign-in-failed":
      return "pause-for-sign-in";
    case "invalid-account-number":
    case "account-not-found":
    case "not-authorized":
    case "invalid-request":
      return "fail";
    default: {
      const unknownKind: never = error.kind;
      throw new Error(`No queue action for error kind ${String(unknownKind)}`);
    }
  }
}
