import type { IncomingMessage, ServerResponse } from "node:http";
import {
  controlActionSchema,
  parseControlAction,
  type ControlAction,
  type FailureRequest,
} from "./control-schema";
import type { SandboxState, SandboxStats } from "./state";
import type { TokenService } from "./tokens";

export const CONTROL_PATH = "/__sandbox/control";
export const STATS_PATH = "/__sandbox/stats";

/**
 * Test controls of a running sandbox. Each method validates its arguments like the HTTP control
 * endpoint does and throws a ZodError for invalid ones.
 */
export interface SandboxControl {
  /** Switches offline mode, in which every GraphQL and health request has its connection reset. */
  setOffline(offline: boolean): void;
  /** Makes the next `count` GraphQL requests (default 1), or only those named, fail. */
  failNext(failure: FailureRequest): void;
  /** Delays every GraphQL response by `ms` milliseconds. */
  setLatency(ms: number): void;
  /** Moves the sandbox clock forward, which decides token expiry and issue times. */
  advanceClock(seconds: number): void;
  /** Sets the lifetime of tokens issued from now on. */
  setTokenLifetime(seconds: number): void;
  /** Sets the lifetime of refresh tokens issued from now on. */
  setRefreshLifetime(seconds: number): void;
  /** Returns a copy of the request counters. */
  stats(): SandboxStats;
  /**
   * Clears failures, offline mode, clock offset and stats, and restores the start-up latency
   * and token lifetimes. Issued tokens stay valid.
   */
  reset(): void;
}

/** Serves a request to one of the control paths, whose body was already read. */
export type ControlRequestHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  body: string,
) => void;

/** Creates the controls of a sandbox and the handler of their HTTP routes. */
export function createControl(
  state: SandboxState,
  tokens: TokenService,
  log: (line: string) => void,
): { control: SandboxControl; handleRequest: ControlRequestHandler } {
  const apply = (action: ControlAction): void => {
    switch (action.action) {
      case "setOffline":
        state.offline = action.offline;
        log(action.offline ? "Sandbox is offline" : "Sandbox is back online");
        break;
      case "failNext": {
        const { kind, count, operationName } = action.failure;
        state.failures.add(kind, count, operationName);
        const requests = operationName ?? "GraphQL";
        log(`The next ${count} ${requests} request(s) will fail with ${kind}`);
        break;
      }
      case "setLatency":
        state.latencyMs = action.ms;
        log(`Latency set to ${action.ms} ms`);
        break;
      case "advanceClock":
        state.clock.advance(action.seconds);
        log(`Clock advanced by ${action.seconds} s`);
        break;
      case "setTokenLifetime":
        tokens.setTokenLifetime(action.seconds);
        log(`Token lifetime set to ${action.seconds} s`);
        break;
      case "setRefreshLifetime":
        tokens.setRefreshLifetime(action.seconds);
        log(`Refresh token lifetime set to ${action.seconds} s`);
        break;
      case "reset":
        state.reset();
        tokens.resetLifetimes();
        log("Sandbox conditions reset");
        break;
    }
  };
  const run = (action: unknown): void =>
    apply(controlActionSchema.parse(action));

  const control: SandboxControl = {
    setOffline: (offline) => run({ action: "setOffline", offline }),
    failNext: (failure) => run({ action: "failNext", failure }),
    setLatency: (ms) => run({ action: "setLatency", ms }),
    advanceClock: (seconds) => run({ action: "advanceClock", seconds }),
    setTokenLifetime: (seconds) => run({ action: "setTokenLifetime", seconds }),
    setRefreshLifetime: (seconds) =>
      run({ action: "setRefreshLifetime", seconds }),
    stats: () => ({ ...state.stats }),
    reset: () => run({ action: "reset" }),
  };
  const handleRequest: ControlRequestHandler = (
    request,
    response,
    path,
    body,
  ) => handleControlRequest(request, response, path, body, control, apply, log);
  return { control, handleRequest };
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
): void {
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
  });
  response.end(JSON.stringify(body));
}

function sendMethodNotAllowed(response: ServerResponse, allowed: string): void {
  response.writeHead(405, {
    "content-type": "text/plain; charset=utf-8",
    allow: allowed,
  });
  response.end(`Method not allowed. Use ${allowed}.\n`);
}

/**
 * Serves `POST /__sandbox/control` and `GET /__sandbox/stats`. These routes work while the
 * sandbox is offline, so tests can always bring it back.
 */
function handleControlRequest(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  body: string,
  control: SandboxControl,
  apply: (action: ControlAction) => void,
  log: (line: string) => void,
): void {
  if (path === STATS_PATH) {
    if (request.method !== "GET") {
      sendMethodNotAllowed(response, "GET");
      return;
    }
    sendJson(response, 200, control.stats());
    return;
  }

  if (request.method !== "POST") {
    sendMethodNotAllowed(response, "POST");
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `Control body is not valid JSON: ${reason}`;
    log(`Rejected control request: ${message}`);
    sendJson(response, 400, { error: message });
    return;
  }
  const parsed = parseControlAction(json);
  if (!parsed.ok) {
    log(`Rejected control request: ${parsed.message}`);
    sendJson(response, 400, { error: parsed.message });
    return;
  }
  apply(parsed.action);
  sendJson(response, 200, { ok: true });
}
