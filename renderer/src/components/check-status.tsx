import type { CheckError } from "../../../shared/check-errors";

export function CheckingStatus(props: { accountNumber: string }) {
  return (
    <p className="busy check-status" role="status">
      <span className="spinner" aria-hidden="true" />
      Checking {props.accountNumber}…
    </p>
  );
}

/** Shown instead of an error when main could not reach Kraken and queued the check. */
export function QueuedStatus(props: { accountNumber: string }) {
  return (
    <div className="notice notice--info check-status" role="status">
      <p className="notice__title">
        No connection: the check for {props.accountNumber} is queued and runs
        when the laptop is back online.
      </p>
      <p>
        The answer appears here and in the queued checks list when it arrives.
      </p>
    </div>
  );
}

export function CheckFailedStatus(props: {
  accountNumber: string;
  error: CheckError;
}) {
  return (
    <div className="notice notice--error check-status" role="alert">
      <p className="notice__title">No result for {props.accountNumber}</p>
      <p>{props.error.message}</p>
      {props.error.errorCode !== undefined && (
        <p className="muted">Kraken error code: {props.error.errorCode}</p>
      )}
    </div>
  );
}
