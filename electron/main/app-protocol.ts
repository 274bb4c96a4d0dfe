/**
 * Maps `app://renderer/...` requests to files of the built renderer, refusing any path that
 * escapes its folder, and adds the CSP and related headers to every response.
 */

import { extname, join, normalize, sep } from "node:path";
import {
  APP_HOST,
  APP_PROTOCOL,
  CONTENT_SECURITY_POLICY,
} from "./security-policy";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "cross-origin-opener-policy": "same-origin",
  "referrer-policy": "no-referrer",
};

/** Returns the file for a request URL, or null when it is not a file of the renderer. */
export function resolveRendererFile(
  rendererRoot: string,
  requestUrl: string,
): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_PROTOCOL}:` || url.host !== APP_HOST) {
    return null;
  }

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes("\0")) {
    return null;
  }

  const relative =
    pathname === "/" ? "index.html" : pathname.replace(/^\/+/, "");
  const root = normalize(rendererRoot);
  const file = normalize(join(root, relative));
  return file.startsWith(root + sep) ? file : null;
}

export function contentTypeFor(file: string): string {
  return (
    CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream"
  );
}
