import { gql } from "@apollo/client";
import type { TypedDocumentNode } from "@apollo/client";
import {
  CREDIT_CHECK_STATUS_QUERY,
  type CreditCheckStatusData,
  type CreditCheckStatusVariables,
} from "../../../shared/operations";

/** The credit check parsed once from the text main has on its allow-list. */
export const CREDIT_CHECK_STATUS_DOCUMENT: TypedDocumentNode<
  CreditCheckStatusData,
  CreditCheckStatusVariables
> = gql(CREDIT_CHECK_STATUS_QUERY);
