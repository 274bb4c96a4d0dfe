/**
 * Posts GraphQL operations to Kraken over fetch. Transport failures (connection errors,
 * timeouts, 5xx, bodies that are not JSON such as a proxy's HTML page) are retried with
 * exponential backoff and full jitter; GraphQL errors are parsed into `KrakenApiError`.
 */

import {
  backoffDelay,
  DEFAULT_BACKOFF,
  sleep,
  type BackoffPolicy,
} from "./backoff";
import {
  KRAKEN_ERROR_CODES,
  KrakenApiError,
  KrakenTransportError,
} from "./kraken-errors";
import { silentLogger, type Logger } from "./logger";

export interface KrakenOperation {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface KrakenClientOptions {
  apiUrl: string;
  /** Per-attempt timeout in milliseconds. */
  timeoutMs?: number;
  /** Retries after the first attempt for transport failures. */
  maxRetries?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  fetch?: typeof fetch;
  logger?: Logger;
}

export interface RequestOptions {
  /** Access token, sent as `Authorization: JWT <token>`. */
  token?: string;
  signal?: AbortSignal;
  /** Overrides the client's retry count, e.g. 0 for a reachability probe. */
  maxRetries?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RETRIES = 3;

interface GraphqlErrorBody {
  message?: unknown;
  extensions?: { errorCode?: unknown; errorType?: unknown };
}

export class KrakenClient {
  readonly apiUrl: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;
  private readonly fetchImpl: typeof fetch;
  private readonly logger: Logger;

  constructor(options: KrakenClientOptions) {
    this.apiUrl = options.apiUrl;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.random = options.random ?? Math.random;
    this.fetchImpl = options.fetch ?? fetch;
    this.logger = options.logger ?? silentLogger;
  }

  /** Runs an operation and returns its `data`; throws `KrakenApiError` on any GraphQL error. */
  async request<T>(
    operation: KrakenOperation,
    options: RequestOptions = {},
  ): Promise<T> {
    const maxRetries = options.maxRetries ?? this.maxRetries;

    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt<T>(operation, options);
      } catch (error) {
        if (!(error instanceof KrakenTransportError) || attempt >= maxRetries) {
          throw error;
        }
        if (options.signal?.aborted) {
          throw error;
        }
        const delayMs = backoffDelay(attempt, this.backoff, this.random);
        this.logger.warn("kraken request retry", {
          operation: operation.operationName,
          attempt: attempt + 1,
          failure: error.failure,
          delayMs,
        });
        await sleep(delayMs, options.signal);
      }
    }
  }

  private async attempt<T>(
    operation: KrakenOperation,
    options: RequestOptions,
  ): Promise<T> {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/json",
    };
    if (options.token !== undefined) {
      headers.authorization = `JWT ${options.token}`;
    }

    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal
      ? AbortSignal.any([options.signal, timeout])
      : timeout;

    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(this.apiUrl, {
        method: "POST",
        headers,
        body: JSON.stringify(operation),
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (options.signal?.aborted) {
        throw options.signal.reason;
      }
      if (timeout.aborted) {
        throw new KrakenTransportError(
          `Kraken request timed out after ${this.timeoutMs} ms`,
          "timeout",
        );
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new KrakenTransportError(
        `Kraken could not be reached: ${reason}`,
        "network",
      );
    }

    return parseResponse<T>(
      response.status,
      response.headers.get("content-type"),
      text,
    );
  }
}

function parseResponse<T>(
  status: number,
  contentType: string | null,
  text: string,
): T {
  // A 404 or 405 means the URL does not point at a GraphQL endpoint: Kraken's host responded,
  // so this is a server error, not a lost connection.
  if (status === 429) {
    // A rate limit from Kraken's edge, before GraphQL: handled like KT-CT-1199.
    throw new KrakenApiError(
      "Too many requests.",
      KRAKEN_ERROR_CODES.tooManyRequests,
      "HTTP",
    );
  }
  if (status === 404 || status === 405) {
    throw new KrakenTransportError(
      `Kraken responded HTTP ${status}: check the API URL`,
      "http-status",
      status,
    );
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new KrakenTransportError(
      `Kraken responded HTTP ${status} with ${contentType ?? "no content type"} instead of JSON`,
      status >= 500 ? "http-status" : "not-json",
      status,
    );
  }

  if (typeof body !== "object" || body === null) {
    throw new KrakenTransportError(
      `Kraken responded HTTP ${status} with invalid JSON`,
      "not-json",
    );
  }
  const { data, errors } = body as { data?: unknown; errors?: unknown };

  if (Array.isArray(errors) && errors.length > 0) {
    const first = errors[0] as GraphqlErrorBody;
    const code = first.extensions?.errorCode;
    const type = first.extensions?.errorType;
    throw new KrakenApiError(
      typeof first.message === "string"
        ? first.message
        : "Kraken returned an error",
      typeof code === "string" ? code : undefined,
      typeof type === "string" ? type : undefined,
    );
  }
  if (status >= 500 || status < 200 || status >= 300) {
    throw new KrakenTransportError(
      `Kraken responded HTTP ${status}`,
      "http-status",
      status,
    );
  }
  if (typeof data !== "object" || data === null) {
    throw new KrakenTransportError(
      "Kraken responded without data",
      "not-json",
      status,
    );
  }
  return data as T;
}
