/**
 * The whole IPC surface between renderer and main. Main and preload are both typed from these
 * maps, so a renamed channel or payload fails to compile on both sides.
 *
 * Requests are `invoke` calls that always resolve to an `IpcResult`: errors travel as data,
 * because Electron keeps only the message of an error thrown across IPC.
 */

import type { CheckError } from "./check-errors";
import type {
  AppConfigView,
  CheckResultView,
  ConnectionView,
  QueueView,
  SessionView,
} from "./views";

export interface SignInRequest {
  email: string;
  password: string;
}

/** An operation as Apollo Client sends it; main runs only operations on its allow-list. */
export interface GraphqlRequest {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface GraphqlErrorView {
  message: string;
  extensions: CheckError & {
    /** Set when the check could not reach Kraken and was queued to run later. */
    queued?: boolean;
  };
}

export interface GraphqlResponse {
  data: Record<string, unknown> | null;
  errors?: GraphqlErrorView[];
}

export interface QueueItemRequest {
  id: string;
}

export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: CheckError };

/** Request channels: name → [request payload, response value]. */
export interface IpcRequests {
  "app:get-config": [undefined, AppConfigView];
  "session:get": [undefined, SessionView];
  "session:sign-in": [SignInRequest, SessionView];
  "session:sign-out": [undefined, SessionView];
  "graphql:execute": [GraphqlRequest, GraphqlResponse];
  "queue:get": [undefined, QueueView];
  "queue:retry": [QueueItemRequest, QueueView];
  "queue:discard": [QueueItemRequest, QueueView];
  "queue:sync": [undefined, QueueView];
  "connection:get": [undefined, ConnectionView];
}

/** Event channels from main to the renderer: name → payload. */
export interface IpcEvents {
  "session:changed": SessionView;
  "queue:changed": QueueView;
  "connection:changed": ConnectionView;
  "check:result": CheckResultView;
}

export type IpcRequestChannel = keyof IpcRequests;
export type IpcEventChannel = keyof IpcEvents;
export type IpcRequestPayload<C extends IpcRequestChannel> = IpcRequests[C][0];
export type IpcResponseValue<C extends IpcRequestChannel> = IpcRequests[C][1];

export const IPC_REQUEST_CHANNELS = [
  "app:get-config",
  "session:get",
  "session:sign-in",
  "session:sign-out",
  "graphql:execute",
  "queue:get",
  "queue:retry",
  "queue:discard",
  "queue:sync",
  "connection:get",
] as const satisfies readonly IpcRequestChannel[];

export const IPC_EVENT_CHANNELS = [
  "session:changed",
  "queue:changed",
  "connection:changed",
  "check:result",
] as const satisfies readonly IpcEventChannel[];
