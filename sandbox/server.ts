import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { format } from "node:util";
import { createYoga } from "graphql-yoga";
import { z } from "zod";
import { CONTROL_PATH, STATS_PATH, createControl } from "./control";
import type { SandboxControl } from "./control";
import { applyFailure, resetConnection } from "./faults";
import { MAX_BODY_BYTES, forwardToYoga, readBody, sendText } from "./http";
import { summarizeOperation } from "./operation";
import { createSandboxSchema } from "./resolvers";
import { SandboxState } from "./state";
import { TokenService } from "./tokens";

export type { SandboxControl } from "./control";
export type { FailureKind, FailureRequest } from "./control-schema";
export type { SandboxStats } from "./state";

/** Path of Kraken's GraphQL endpoint. The sandbox serves only this exact path, with the slash. */
export const GRAPHQL_PATH = "/v1/graphql/";
export const HEALTH_PATH = "/__sandbox/health";

export interface SandboxOptions {
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** TCP port. Default 0, which picks any free port. */
  port?: number;
  /** Lifetime of issued Kraken tokens in seconds. Default 3600. */
  tokenLifetimeSeconds?: number;
  /** Lifetime of refresh tokens in seconds. Default 604800 (7 days). */
  refreshLifetimeSeconds?: number;
  /** Delay before every GraphQL response, in milliseconds. Default 0. */
  latencyMs?: number;
  /** Receives one line per GraphQL request, control action, caught error and the stop. */
  log?: (line: string) => void;
}

export interface Sandbox {
  /** Full GraphQL endpoint URL, such as `http://127.0.0.1:4010/v1/graphql/`. */
  url: string;
  /** Scheme, host and port, such as `http://127.0.0.1:4010`. */
  origin: string;
  port: number;
  control: SandboxControl;
  /** Stops the server and destroys open connections, including kept-alive and hanging ones. */
  close(): Promise<void>;
}

const optionsSchema = z.object({
  host: z.string().min(1).default("127.0.0.1"),
  port: z.number().int().min(0).max(65535).default(0),
  tokenLifetimeSeconds: z.number().int().positive().default(3600),
  refreshLifetimeSeconds: z.number().int().positive().default(604800),
  latencyMs: z.number().int().nonnegative().default(0),
});

/** Starts a Kraken sandbox server and resolves once it is listening. */
export async function startSandbox(
  options: SandboxOptions = {},
): Promise<Sandbox> {
  const settings = optionsSchema.parse(options);
  const log = options.log ?? (() => undefined);
  const state = new SandboxState(settings.latencyMs);
  const tokens = new TokenService(state.clock, {
    tokenLifetimeSeconds: settings.tokenLifetimeSeconds,
    refreshLifetimeSeconds: settings.refreshLifetimeSeconds,
  });
  const { control, handleRequest: handleControlRequest } = createControl(
    state,
    tokens,
    log,
  );
  const yoga = createYoga({
    schema: createSandboxSchema(tokens, state),
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: false,
    landingPage: false,
    multipart: false,
    logging: {
      debug: () => undefined,
      info: () => undefined,
      warn: (...args: unknown[]) => log(`Yoga warning: ${format(...args)}`),
      error: (...args: unknown[]) => log(`Yoga error: ${format(...args)}`),
    },
  });
  // Aborted by close(), so that requests waiting out the latency stop waiting.
  const lifetime = new AbortController();

  async function handleGraphQL(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    state.stats.requests += 1;
    if (state.offline) {
      log(`${request.method} ${GRAPHQL_PATH}: connection reset (offline)`);
      resetConnection(request.socket);
      return;
    }
    if (request.method === "OPTIONS") {
      await forwardToYoga(yoga, request, response, undefined);
      return;
    }
    if (request.method !== "POST") {
      response.writeHead(405, {
        "content-type": "text/plain; charset=utf-8",
        allow: "POST",
      });
      response.end("Method not allowed. Send GraphQL requests with POST.\n");
      return;
    }

    const body = await readBody(request);
    if (body === undefined) {
      sendText(response, 413, `Request body exceeds ${MAX_BODY_BYTES} bytes.`);
      return;
    }
    const summary = summarizeOperation(body);
    const operation = summary.operationName ?? "anonymous operation";
    // Taken before the latency wait, so that queued failures hit requests in arrival order.
    const failure = state.failures.take(summary.operationName);
    if (state.latencyMs > 0) {
      try {
        await sleep(state.latencyMs, undefined, { signal: lifetime.signal });
      } catch {
        return;
      }
    }
    if (failure !== undefined) {
      log(`${operation}: injected failure ${failure}`);
      applyFailure(failure, request, response, summary);
      return;
    }
    log(`${operation}: ${await forwardToYoga(yoga, request, response, body)}`);
  }

  async function handleRequest(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const path = new URL(request.url ?? "/", "http://sandbox").pathname;
    if (path === CONTROL_PATH || path === STATS_PATH) {
      const body = await readBody(request);
      if (body === undefined) {
        sendText(
          response,
          413,
          `Request body exceeds ${MAX_BODY_BYTES} bytes.`,
        );
        return;
      }
      handleControlRequest(request, response, path, body);
      return;
    }
    if (path === HEALTH_PATH) {
      if (state.offline) {
        resetConnection(request.socket);
        return;
      }
      sendText(response, 200, "ok");
      return;
    }
    if (path === GRAPHQL_PATH) {
      await handleGraphQL(request, response);
      return;
    }
    sendText(
      response,
      404,
      `Not found: ${path}. The GraphQL endpoint is ${GRAPHQL_PATH}.`,
    );
  }

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      log(`Request ${request.method} ${request.url} failed: ${format(error)}`);
      if (!response.headersSent) {
        sendText(response, 500, "The sandbox failed to handle the request.");
      } else {
        response.destroy();
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => log(`Server error: ${format(error)}`));

  const { port } = server.address() as AddressInfo;
  const urlHost = settings.host.includes(":")
    ? `[${settings.host}]`
    : settings.host;
  const origin = `http://${urlHost}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      lifetime.abort();
      server.close((error) => {
        if (error) {
          reject(error);
          return;
        }
        log("Kraken sandbox stopped");
        resolve();
      });
      for (const socket of sockets) {
        socket.destroy();
      }
    });
    return closing;
  };

  return { url: `${origin}${GRAPHQL_PATH}`, origin, port, control, close };
}
