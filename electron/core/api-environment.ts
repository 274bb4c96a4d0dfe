/** Kraken endpoints. A wrong URL is a one-line change here. */

import type { ApiEnvironmentView } from "../../shared/views";

export const KRAKEN_ENDPOINTS = {
  production: "https://api.oeus-kraken.energy/v1/graphql/",
  test: "https://api.oeus-kraken.systems/v1/graphql/",
} as const;

/** Names the environment a URL belongs to, for the session bar and the logs. */
export function describeApiUrl(apiUrl: string): ApiEnvironmentView {
  if (apiUrl === KRAKEN_ENDPOINTS.production) {
    return { name: "production", apiUrl };
  }
  if (apiUrl === KRAKEN_ENDPOINTS.test) {
    return { name: "test", apiUrl };
  }
  const host = safeHostname(apiUrl);
  const local =
    host === "127.0.0.1" || host === "localhost" || host === "[::1]";
  return { name: local ? "sandbox" : "custom", apiUrl };
}

/** Validates a Kraken URL from configuration: https, or http only on this machine. */
export function parseApiUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `Invalid Kraken API URL "${value}": it must be an absolute http(s) URL.`,
    );
  }
  const local = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
    throw new Error(
      `Invalid Kraken API URL "${value}": use https, or http only for a sandbox on this machine.`,
    );
  }
  return url.toString();
}

function safeHostname(value: string): string | null {
  try {
    return new URL(value).hostname;
  } catch {
    return null;
  }
}
