/**
 * The failures a rep can meet, named once so the renderer, main, the CLI and the logs use the
 * same words. Each kind has one plain message stating what happened and what to do next.
 */

export const CHECK_ERROR_KINDS = [
  "invalid-account-number",
  "account-not-found",
  "not-authorized",
  "sign-in-failed",
  "session-expired",
  "rate-limited",
  "network",
  "server",
  "invalid-request",
] as const;

export type CheckErrorKind = (typeof CHECK_ERROR_KINDS)[number];

export interface CheckError {
  kind: CheckErrorKind;
  message: string;
  /** Kraken's `errorCode` (e.g. KT-CT-4177) when the failure came from Kraken. */
  errorCode?: string;
}

/** Returns the rep-facing message for a kind of failure. */
export function describeCheckError(kind: CheckErrorKind): string {
  switch (kind) {
    case "invalid-account-number":
      return "That account number is not valid. Check it with the customer and try again.";
    case "account-not-found":
      return "No account with that number was found. Check the number with the customer.";
    case "not-authorized":
      return "You are not authorized to view this account's credit check. Ask your team lead for access.";
    case "sign-in-failed":
      return "Sign-in failed: the email or password is not correct.";
    case "session-expired":
      return "Your session has expired. Sign in again to continue.";
    case "rate-limited":
      return "Too many requests to Kraken. Wait a minute, then try again.";
    case "network":
      return "Kraken could not be reached. Check the laptop's connection.";
    case "server":
      return "Kraken returned an error. Try again in a few minutes.";
    case "invalid-request":
      return "The app sent an invalid request. Restart the app, and report it if it happens again.";
    default:
      return assertNever(kind);
  }
}

export function isCheckErrorKind(value: unknown): value is CheckErrorKind {
  return (
    typeof value === "string" &&
    (CHECK_ERROR_KINDS as readonly string[]).includes(value)
  );
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
