import type { ApolloCache } from "@apollo/client";
import type { CheckResultView } from "../../../shared/views";
import { CREDIT_CHECK_STATUS_DOCUMENT } from "./credit-check-query";

// NOTE: used only when the cache has no earlier result for the account. It matches the type
// name the sandbox schema returns, which Kraken's schema is assumed to share.
const DEFAULT_TYPENAME = "CreditCheckStatusType";

/**
 * Stores a result that a queue sync fetched, so a result card watching that account re-renders
 * without sending another request.
 */
export function writeCheckResult(
  cache: ApolloCache,
  view: CheckResultView,
): void {
  const variables = { accountNumber: view.accountNumber };
  const existing = cache.readQuery({
    query: CREDIT_CHECK_STATUS_DOCUMENT,
    variables,
  });
  const typename = existing?.creditCheckStatus?.__typename ?? DEFAULT_TYPENAME;

  cache.writeQuery({
    query: CREDIT_CHECK_STATUS_DOCUMENT,
    variables,
    data: { creditCheckStatus: { status: view.status, __typename: typename } },
  });
}
