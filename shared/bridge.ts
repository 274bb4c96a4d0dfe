/**
 * The API the preload exposes to the renderer as `window.fieldCreditCheck`: one function per
 * message, nothing raw. The renderer's type is derived from this factory, so the two cannot drift.
 */

import type {
  GraphqlRequest,
  IpcEventChannel,
  IpcEvents,
  IpcRequestChannel,
  IpcRequestPayload,
  IpcResponseValue,
  IpcResult,
  SignInRequest,
} from "./ipc-contract";

export type Invoke = <C extends IpcRequestChannel>(
  channel: C,
  payload: IpcRequestPayload<C>,
) => Promise<IpcResult<IpcResponseValue<C>>>;

/** Subscribes to an event channel and returns the function that unsubscribes. */
export type Subscribe = <C extends IpcEventChannel>(
  channel: C,
  listener: (payload: IpcEvents[C]) => void,
) => () => void;

export const BRIDGE_GLOBAL_NAME = "fieldCreditCheck";

export function createBridge(invoke: Invoke, subscribe: Subscribe) {
  return {
    app: {
      getConfig: () => invoke("app:get-config", undefined),
    },
    session: {
      get: () => invoke("session:get", undefined),
      signIn: (request: SignInRequest) => invoke("session:sign-in", request),
      signOut: () => invoke("session:sign-out", undefined),
      onChanged: (listener: (view: IpcEvents["session:changed"]) => void) =>
        subscribe("session:changed", listener),
    },
    graphql: {
      execute: (request: GraphqlRequest) => invoke("graphql:execute", request),
      onCheckResult: (listener: (view: IpcEvents["check:result"]) => void) =>
        subscribe("check:result", listener),
    },
    queue: {
      get: () => invoke("queue:get", undefined),
      retry: (id: string) => invoke("queue:retry", { id }),
      discard: (id: string) => invoke("queue:discard", { id }),
      sync: () => invoke("queue:sync", undefined),
      onChanged: (listener: (view: IpcEvents["queue:changed"]) => void) =>
        subscribe("queue:changed", listener),
    },
    connection: {
      get: () => invoke("connection:get", undefined),
      onChanged: (listener: (view: IpcEvents["connection:changed"]) => void) =>
        subscribe("connection:changed", listener),
    },
  };
}

export type FieldCreditCheckBridge = ReturnType<typeof createBridge>;
