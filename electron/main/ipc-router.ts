/**
 * Every IPC request from the renderer passes through here: the sender is checked, the payload
 * validated against its schema, and only then is the handler called. Plain functions, so
 * tests and the browser harness run exactly what main runs.
 */

import { describeCheckError, type CheckError } from "../../shared/check-errors";
import type {
  GraphqlRequest,
  IpcEventChannel,
  IpcEvents,
  IpcRequestChannel,
  IpcRequests,
  IpcResult,
} from "../../shared/ipc-contract";
import type { AppServices } from "../core/app-services";
import { toCheckError } from "../core/kraken-errors";
import { silentLogger, type Logger } from "../core/logger";
import { QueueItemError } from "../core/queue/check-queue";
import {
  ALLOWED_OPERATION_VARIABLES,
  IPC_REQUEST_SCHEMAS,
} from "./ipc-schemas";
import { createRateLimitedWarning } from "./rate-limited-warning";

export interface IpcSender {
  /** URL of the frame that sent the message. */
  url: string;
}

export interface IpcRouter {
  dispatch(
    channel: string,
    payload: unknown,
    sender: IpcSender | null,
  ): Promise<IpcResult<unknown>>;
  onEvent(
    listener: <C extends IpcEventChannel>(
      channel: C,
      payload: IpcEvents[C],
    ) => void,
  ): () => void;
}

export interface IpcRouterOptions {
  /** True for the app's own renderer URL and nothing else. */
  isTrustedSender: (url: string) => boolean;
  logger?: Logger;
}

type Handlers = {
  [C in IpcRequestChannel]: (
    payload: IpcRequests[C][0],
  ) => Promise<IpcRequests[C][1]> | IpcRequests[C][1];
};

const INVALID_REQUEST: CheckError = {
  kind: "invalid-request",
  message: describeCheckError("invalid-request"),
};

export function createIpcRouter(
  services: AppServices,
  options: IpcRouterOptions,
): IpcRouter {
  const logger = options.logger ?? silentLogger;
  const warn = createRateLimitedWarning(logger);
  const handlers = createHandlers(services);

  return {
    async dispatch(channel, payload, sender) {
      if (!sender || !options.isTrustedSender(sender.url)) {
        warn(
          `sender:${channel}`,
          "ipc request from untrusted sender rejected",
          {
            channel: channel.slice(0, 64),
            sender: sender?.url.slice(0, 200) ?? null,
          },
        );
        return { ok: false, error: INVALID_REQUEST };
      }
      if (!Object.hasOwn(IPC_REQUEST_SCHEMAS, channel)) {
        warn("channel", "ipc request on unknown channel rejected", {
          channel: channel.slice(0, 64),
        });
        return { ok: false, error: INVALID_REQUEST };
      }

      const known = channel as IpcRequestChannel;
      const parsed = IPC_REQUEST_SCHEMAS[known].safeParse(payload);
      if (!parsed.success) {
        warn(`payload:${known}`, "ipc request with invalid payload rejected", {
          channel: known,
          issue: parsed.error.issues[0]?.message ?? "invalid",
        });
        return { ok: false, error: INVALID_REQUEST };
      }

      try {
        const handler = handlers[known] as (value: unknown) => unknown;
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        if (
          error instanceof DisallowedOperationError ||
          error instanceof QueueItemError
        ) {
          warn(`handler:${known}`, "ipc request rejected", {
            channel: known,
            reason: error.message,
          });
          return {
            ok: false,
            error: { kind: "invalid-request", message: error.message },
          };
        }
        const checkError = toCheckError(error);
        logger.warn("ipc request failed", {
          channel: known,
          kind: checkError.kind,
        });
        return { ok: false, error: checkError };
      }
    },

    onEvent(listener) {
      const unsubscribers = [
        services.session.onChange((view) => {
          listener("session:changed", view);
          listener("queue:changed", services.queueView());
        }),
        // Each rep gets only their own queued checks.
        services.queue.onChange(() =>
          listener("queue:changed", services.queueView()),
        ),
        services.connection.onChange((view) =>
          listener("connection:changed", view),
        ),
        services.onCheckResult((result) => listener("check:result", result)),
      ];
      return () => {
        for (const unsubscribe of unsubscribers) {
          unsubscribe();
        }
      };
    },
  };
}

function createHandlers(services: AppServices): Handlers {
  return {
    "app:get-config": () => services.config,
    "session:get": () => services.session.view(),
    "session:sign-in": ({ email, password }) =>
      services.signIn(email, password),
    "session:sign-out": () => services.session.signOut(),
    "graphql:execute": (request) => executeAllowedOperation(services, request),
    "queue:get": () => services.queueView(),
    "queue:retry": ({ id }) => services.retryCheck(id),
    "queue:discard": ({ id }) => services.discardCheck(id),
    "queue:sync": async () => {
      await services.syncQueue();
      return services.queueView();
    },
    "connection:get": () => services.connection.announcedView(),
  };
}

/** Runs an allow-listed operation with main's own copy of its document; anything else fails. */
async function executeAllowedOperation(
  services: AppServices,
  request: GraphqlRequest,
) {
  if (request.operationName !== "creditCheckStatus") {
    throw new DisallowedOperationError(request.operationName);
  }
  const variables = ALLOWED_OPERATION_VARIABLES.creditCheckStatus.safeParse(
    request.variables,
  );
  if (!variables.success) {
    throw new DisallowedOperationError(request.operationName);
  }
  return services.checkCreditStatus(variables.data.accountNumber);
}

class DisallowedOperationError extends Error {
  override readonly name = "DisallowedOperationError";

  constructor(operationName: string) {
    super(
      `Operation ${operationName.slice(0, 100)} is not allowed from the renderer.`,
    );
  }
}
