import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { FailureKind } from "./control-schema";
import { KRAKEN_ERRORS, krakenErrorJson } from "./errors";
import type { OperationSummary } from "./operation";

/**
 * Drops the connection without a response. An RST, not a FIN, so that clients see ECONNRESET
 * as they would from a broken mobile connection.
 */
export function resetConnection(socket: Socket): void {
  if (socket.destroyed) {
    return;
  }
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

export function sendHttp500(response: ServerResponse): void {
  response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
  response.end("Internal Server Error\n");
}

/** The kind of page a corporate proxy or web application firewall sends instead of JSON. */
const BLOCKED_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>403 Forbidden</title></head>
<body>
<h1>Access denied</h1>
<p>Your request was blocked by the network security policy.</p>
<p>If you believe this is an error, contact your IT helpdesk and quote reference SBX-403.</p>
<hr><address>sandbox-proxy</address>
</body>
</html>
`;

export function sendHtml403(response: ServerResponse): void {
  response.writeHead(403, { "content-type": "text/html; charset=utf-8" });
  response.end(BLOCKED_PAGE);
}

/** Sends Kraken's KT-CT-1199 error with HTTP 200, with each requested top-level field null. */
export function sendRateLimit(
  response: ServerResponse,
  rootFields: readonly string[],
): void {
  const firstField = rootFields[0];
  const error = krakenErrorJson(
    KRAKEN_ERRORS.tooManyRequests,
    firstField === undefined ? undefined : [firstField],
  );
  const data =
    rootFields.length === 0
      ? null
      : Object.fromEntries(rootFields.map((f) => [f, null]));
  response.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
  });
  response.end(JSON.stringify({ data, errors: [error] }));
}

/** Responds to a GraphQL request as the injected failure prescribes. */
export function applyFailure(
  kind: FailureKind,
  request: IncomingMessage,
  response: ServerResponse,
  summary: OperationSummary,
): void {
  switch (kind) {
    case "reset":
      resetConnection(request.socket);
      break;
    case "http-500":
      sendHttp500(response);
      break;
    case "html-403":
      sendHtml403(response);
      break;
    case "rate-limit":
      sendRateLimit(response, summary.rootFields);
      break;
    case "timeout":
      // The request stays open on purpose. close() destroys its socket.
      break;
  }
}
