/**
 * Schemas for every payload the renderer may send. Main trusts nothing from the renderer: each
 * object is strict (extra fields rejected) and each string has a length limit.
 */

import { z } from "zod";
import type { IpcRequestChannel } from "../../shared/ipc-contract";
import { MAX_ACCOUNT_NUMBER_LENGTH } from "../../shared/account-number";

/** Maximum query length accepted. The allow-listed documents are far shorter. */
export const MAX_QUERY_LENGTH = 4_000;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_PASSWORD_LENGTH = 1_024;
const MAX_ID_LENGTH = 64;

const noPayload = z.undefined();

const signInRequest = z.strictObject({
  email: z.string().trim().min(1, "Enter your email.").max(MAX_EMAIL_LENGTH),
  password: z.string().min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH),
});

const creditCheckVariables = z.strictObject({
  accountNumber: z.string().max(MAX_ACCOUNT_NUMBER_LENGTH * 2),
});

const graphqlRequest = z.strictObject({
  operationName: z.string().max(100),
  query: z.string().max(MAX_QUERY_LENGTH),
  variables: z.record(z.string().max(100), z.unknown()),
});

const queueItemRequest = z.strictObject({
  id: z
    .string()
    .max(MAX_ID_LENGTH)
    .regex(/^[A-Za-z0-9-]+$/, "Invalid queue item id."),
});

export const IPC_REQUEST_SCHEMAS = {
  "app:get-config": noPayload,
  "session:get": noPayload,
  "session:sign-in": signInRequest,
  "session:sign-out": noPayload,
  "graphql:execute": graphqlRequest,
  "queue:get": noPayload,
  "queue:retry": queueItemRequest,
  "queue:discard": queueItemRequest,
  "queue:sync": noPayload,
  "connection:get": noPayload,
} as const satisfies Record<IpcRequestChannel, z.ZodType>;

/** Variables schema of each operation the renderer may run. */
export const ALLOWED_OPERATION_VARIABLES = {
  creditCheckStatus: creditCheckVariables,
} as const;
