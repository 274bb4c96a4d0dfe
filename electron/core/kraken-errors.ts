/**
 * Errors from talking to Kraken. GraphQL errors arrive with HTTP 200 and are distinguished by
 * `extensions.errorCode`, never by `errorType`: an expired token is APPLICATION, not
 * AUTHORIZATION.
 */

import type { CheckError, CheckErrorKind } from "../../shared/check-errors";
import { describeCheckError } from "../../shared/check-errors";

/** Kraken error codes the app acts on. A wrong guess about a code is a change here only. */
export const KRAKEN_ERROR_CODES = {
  viewerUnauthorized: "KT-CT-1111",
  authorizationMissing: "KT-CT-1112",
  tokenExpired: "KT-CT-1124",
  refreshTokenExpired: "KT-CT-1134",
  refreshTokenInvalid: "KT-CT-1135",
  credentialsRejected: "KT-CT-1138",
  credentialInvalid: "KT-CT-1143",
  tooManyRequests: "KT-CT-1199",
  accountUnauthorized: "KT-CT-4177",
} as const;

/** A GraphQL error Kraken returned. */
export class KrakenApiError extends Error {
  override readonly name = "KrakenApiError";

  constructor(
    message: string,
    readonly errorCode: string | undefined,
    readonly errorType: string | undefined,
  ) {
    super(message);
  }
}

export type TransportFailure =
  "network" | "timeout" | "http-status" | "not-json";

/** A request that failed before Kraken returned a GraphQL response, so retrying may help. */
export class KrakenTransportError extends Error {
  override readonly name = "KrakenTransportError";

  constructor(
    message: string,
    readonly failure: TransportFailure,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

/** The refresh token is gone or expired: the rep must sign in again. */
export class SessionExpiredError extends Error {
  override readonly name = "SessionExpiredError";
}

/** No rep is signed in. */
export class NotSignedInError extends Error {
  override readonly name = "NotSignedInError";
}

/** The account number failed validation before any request was sent. */
export class InvalidAccountNumberError extends Error {
  override readonly name = "InvalidAccountNumberError";
}

/** True for failures that may succeed if tried again later. */
export function isTransient(error: unknown): boolean {
  if (error instanceof KrakenTransportError) {
    return true;
  }
  return (
    error instanceof KrakenApiError &&
    error.errorCode === KRAKEN_ERROR_CODES.tooManyRequests
  );
}

/** True when Kraken rejected the access token itself, so a refresh may fix the request. */
export function isTokenRejected(error: unknown): boolean {
  return (
    error instanceof KrakenApiError &&
    (error.errorCode === KRAKEN_ERROR_CODES.tokenExpired ||
      error.errorCode === KRAKEN_ERROR_CODES.credentialInvalid)
  );
}

/** True when the refresh token can no longer be used. */
export function isRefreshRejected(error: unknown): boolean {
  return (
    error instanceof KrakenApiError &&
    (error.errorCode === KRAKEN_ERROR_CODES.refreshTokenExpired ||
      error.errorCode === KRAKEN_ERROR_CODES.refreshTokenInvalid)
  );
}

function kindOfApiError(error: KrakenApiError): CheckErrorKind {
  switch (error.errorCode) {
    case KRAKEN_ERROR_CODES.viewerUnauthorized:
      return "not-authorized";
    case KRAKEN_ERROR_CODES.accountUnauthorized:
      return "account-not-found";
    case KRAKEN_ERROR_CODES.credentialsRejected:
      return "sign-in-failed";
    case KRAKEN_ERROR_CODES.tokenExpired:
    case KRAKEN_ERROR_CODES.credentialInvalid:
    case KRAKEN_ERROR_CODES.refreshTokenExpired:
    case KRAKEN_ERROR_CODES.refreshTokenInvalid:
      return "session-expired";
    case KRAKEN_ERROR_CODES.tooManyRequests:
      return "rate-limited";
    default:
      // Kraken documents "Unauthorized." for an invalid or unknown account number.
      return error.message === "Unauthorized." ? "account-not-found" : "server";
  }
}

/** Maps any failure of a Kraken call to the error kind and message shown to the rep. */
export function toCheckError(error: unknown): CheckError {
  let kind: CheckErrorKind;
  let errorCode: string | undefined;

  if (error instanceof KrakenApiError) {
    kind = kindOfApiError(error);
    errorCode = error.errorCode;
  } else if (error instanceof KrakenTransportError) {
    // A body that is not JSON comes from a captive portal or proxy, not Kraken, so Kraken was
    // not reached. Only an HTTP error status means Kraken itself is failing.
    kind = error.failure === "http-status" ? "server" : "network";
  } else if (
    error instanceof SessionExpiredError ||
    error instanceof NotSignedInError
  ) {
    kind = "session-expired";
  } else if (error instanceof InvalidAccountNumberError) {
    return { kind: "invalid-account-number", message: error.message };
  } else {
    kind = "server";
  }

  const result: CheckError = { kind, message: describeCheckError(kind) };
  if (errorCode !== undefined) {
    result.errorCode = errorCode;
  }
  return result;
}
