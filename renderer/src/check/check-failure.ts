import { CombinedGraphQLErrors, type ErrorLike } from "@apollo/client";
import {
  describeCheckError,
  isCheckErrorKind,
  type CheckError,
} from "../../../shared/check-errors";
import { BridgeError } from "../apollo/bridge-error";

/** Reason a credit check returned no result, in the terms main uses. */
export interface CheckFailure {
  error: CheckError;
  /** True when main could not reach Kraken and put the check in the offline queue. */
  queued: boolean;
}

/**
 * Reads a CheckFailure from an Apollo error. Main puts the kind in `extensions.kind` and a
 * rep-facing sentence in `message`. Any other error is reported as a generic failure.
 */
export function readCheckFailure(error: ErrorLike): CheckFailure {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = first?.extensions ?? {};
    const kind = isCheckErrorKind(extensions.kind) ? extensions.kind : "server";
    const message = first?.message?.trim()
      ? first.message
      : describeCheckError(kind);
    const errorCode =
      typeof extensions.errorCode === "string"
        ? extensions.errorCode
        : undefined;

    return {
      error:
        errorCode === undefined
          ? { kind, message }
          : { kind, message, errorCode },
      queued: extensions.queued === true,
    };
  }

  if (error instanceof BridgeError) {
    return { error: error.checkError, queued: false };
  }

  return {
    error: {
      kind: "server",
      message: `The check could not be completed (${error.message}). Try again in a moment.`,
    },
    queued: false,
  };
}
