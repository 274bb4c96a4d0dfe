/**
 * GraphQL operations the renderer may ask main to run. Main sends its own copy of each document
 * to Kraken, so the renderer chooses an operation and its variables but never the query text.
 */

export const CREDIT_CHECK_STATUS_OPERATION = "creditCheckStatus";

export const CREDIT_CHECK_STATUS_QUERY = `query creditCheckStatus($accountNumber: String!) {
  creditCheckStatus(accountNumber: $accountNumber) {
    status
    __typename
  }
}`;

/** Shape of `data` for the credit check, as main returns it. */
export interface CreditCheckStatusData {
  creditCheckStatus: { status: string | null; __typename: string } | null;
}

export interface CreditCheckStatusVariables {
  accountNumber: string;
}
