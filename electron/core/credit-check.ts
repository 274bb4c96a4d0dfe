/** Runs Kraken's `creditCheckStatus` for one account with the signed-in rep's token. */

import { parseAccountNumber } from "../../shared/account-number";
import { guidanceKindFor, type GuidanceKind } from "../../shared/guidance";
import {
  CREDIT_CHECK_STATUS_OPERATION,
  CREDIT_CHECK_STATUS_QUERY,
  type CreditCheckStatusData,
} from "../../shared/operations";
import type { KrakenClient, RequestOptions } from "./kraken-client";
import { InvalidAccountNumberError } from "./kraken-errors";
import type { KrakenSession } from "./kraken-session";

export interface CreditCheckResult {
  accountNumber: string;
  /** Kraken's raw status: null when no check is on file, possibly a value the app does not know. */
  status: string | null;
  guidance: GuidanceKind;
  typename: string;
}

/** Normalises and validates an account number, throwing before any request is sent. */
export function requireAccountNumber(input: string): string {
  const parsed = parseAccountNumber(input);
  if (!parsed.ok) {
    throw new InvalidAccountNumberError(parsed.message);
  }
  return parsed.accountNumber;
}

export async function runCreditCheck(
  client: KrakenClient,
  session: KrakenSession,
  input: string,
  options: Pick<RequestOptions, "signal" | "maxRetries"> = {},
): Promise<CreditCheckResult> {
  const accountNumber = requireAccountNumber(input);

  const data = await session.withToken((token) =>
    client.request<CreditCheckStatusData>(
      {
        operationName: CREDIT_CHECK_STATUS_OPERATION,
        query: CREDIT_CHECK_STATUS_QUERY,
        variables: { accountNumber },
      },
      { ...options, token },
    ),
  );

  const status = data.creditCheckStatus?.status ?? null;
  return {
    accountNumber,
    status: typeof status === "string" ? status : null,
    guidance: guidanceKindFor(status),
    typename: data.creditCheckStatus?.__typename ?? "CreditCheckStatus",
  };
}
