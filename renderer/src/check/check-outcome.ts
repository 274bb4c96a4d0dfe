import type { ErrorLike } from "@apollo/client";
import type { CreditCheckStatusData } from "../../../shared/operations";
import { readCheckFailure } from "./check-failure";
import type { CheckError } from "../../../shared/check-errors";

/** Content of the check screen below the form. */
export type CheckOutcome =
  | { kind: "idle" }
  | { kind: "checking"; accountNumber: string }
  | { kind: "queued"; accountNumber: string }
  | { kind: "failed"; accountNumber: string; error: CheckError }
  | { kind: "answered"; accountNumber: string; status: string | null };

export interface LazyCheckState {
  called: boolean;
  loading: boolean;
  error: ErrorLike | undefined;
  data: CreditCheckStatusData | undefined;
  accountNumber: string | undefined;
}

/** Maps the lazy query's state to one outcome, so the screen never shows two at once. */
export function deriveCheckOutcome(state: LazyCheckState): CheckOutcome {
  const accountNumber = state.accountNumber;

  if (!state.called || accountNumber === undefined) {
    return { kind: "idle" };
  }
  if (state.loading) {
    return { kind: "checking", accountNumber };
  }
  // The error comes first: after a failed re-check Apollo still contains the earlier result for
  // the same account, and showing it would present a stale result as the new one.
  if (state.error !== undefined) {
    const failure = readCheckFailure(state.error);
    return failure.queued
      ? { kind: "queued", accountNumber }
      : { kind: "failed", accountNumber, error: failure.error };
  }
  if (state.data !== undefined) {
    // A null field means Kraken has no check for the account: "no decision", not "no deposit".
    return {
      kind: "answered",
      accountNumber,
      status: state.data.creditCheckStatus?.status ?? null,
    };
  }
  return { kind: "idle" };
}
