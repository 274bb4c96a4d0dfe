/**
 * GraphQL operations the renderer may ask main to run. Main sends its own copy of each document
 * to Kraken, so the renderer chooses an operation and its variables but never the query text.
 */

import type {
  CreditCheckStatusQuery,
  CreditCheckStatusQueryVariables,
} from "./generated/graphql";

export const CREDIT_CHECK_STATUS_OPERATION = "creditCheckStatus";

export const CREDIT_CHECK_STATUS_QUERY = /* GraphQL */ `
  query creditCheckStatus($accountNumber: String!) {
    creditCheckStatus(accountNumber: $accountNumber) {
      status
      __typename
    }
  }
`;

/**
 * Shape of `data` for the credit check as it travels to the renderer. Wider than the generated
 * `CreditCheckStatusQuery`: Kraken may send enum values the schema copy does not list.
 */
export interface CreditCheckStatusData {
  creditCheckStatus: { status: string | null; __typename: string } | null;
}

export type CreditCheckStatusVariables = CreditCheckStatusQueryVariables;

/** Fails to compile when the generated result type no longer fits `CreditCheckStatusData`. */
export type GeneratedResultFits = AssertTrue<
  CreditCheckStatusQuery extends CreditCheckStatusData ? true : false
>;

type AssertTrue<T extends true> = T;
