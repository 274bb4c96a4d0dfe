import type { IncomingMessage, ServerResponse } from "node:http";
import type { YogaServerInstance } from "graphql-yoga";
import { z } from "zod";

export const MAX_BODY_BYTES = 1_000_000;

/** Headers that describe the client's connection, not the request that Yoga receives. */
const CONNECTION_HEADERS = new Set([
  "connection",
  "content-length",
  "host",
  "keep-alive",
  "transfer-encoding",
]);

const responseErrorsSchema = z.object({
  errors: z.array(
    z.object({
      extensions: z.object({ errorCode: z.string().optional() }).optional(),
    }),
  ),
});

/** Reads a request body, or returns undefined when it exceeds MAX_BODY_BYTES. */
export async function readBody(
  request: IncomingMessage,
): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  response.end(`${text}\n`);
}

/**
 * Describes a GraphQL response for the request log: the HTTP status and the Kraken error code
 * of each error, such as `HTTP 200 KT-CT-1124`.
 */
function describeOutcome(status: number, body: string): string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return `HTTP ${status}`;
  }
  const parsed = responseErrorsSchema.safeParse(json);
  if (!parsed.success) {
    return `HTTP ${status}`;
  }
  const codes = parsed.data.errors.map(
    (error) => error.extensions?.errorCode ?? "GraphQL error",
  );
  return `HTTP ${status} ${codes.join(", ")}`;
}

/**
 * Passes a request whose body was already read to Yoga, writes Yoga's response and returns a
 * description of it for the request log.
 */
export async function forwardToYoga(
  yoga: YogaServerInstance<object, object>,
  request: IncomingMessage,
  response: ServerResponse,
  body: string | undefined,
): Promise<string> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (CONNECTION_HEADERS.has(name)) {
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined) {
        headers.append(name, item);
      }
    }
  }
  const result = await yoga.fetch(`http://sandbox${request.url ?? "/"}`, {
    method: request.method ?? "POST",
    headers,
    body,
  });
  const text = await result.text();
  response.writeHead(
    result.status,
    Object.fromEntries(result.headers.entries()),
  );
  response.end(text);
  return describeOutcome(result.status, text);
}
