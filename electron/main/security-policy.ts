/**
 * The window's security settings and the decisions main's event handlers make. Plain values
 * and functions, so tests check them without the Electron binary; `main.ts` only wires them.
 */

/** The renderer is served from this custom protocol, never from a remote origin. */
export const APP_PROTOCOL = "app";
export const APP_HOST = "renderer";
export const APP_ORIGIN = `${APP_PROTOCOL}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");

/** True only for a URL of the app's own renderer origin. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_PROTOCOL}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Decides where the window may go. In-app navigation stays; `tel:` and allow-listed https
 * links open outside the app; everything else is blocked.
 */
export function navigationDecision(
  url: string,
  externalHttpsHosts: readonly string[],
): "allow" | "open-external" | "deny" {
  if (isAppUrl(url)) {
    return "allow";
  }
  return isAllowedExternalUrl(url, externalHttpsHosts)
    ? "open-external"
    : "deny";
}

/** True for `tel:` numbers and https URLs whose host is on the allow-list. */
export function isAllowedExternalUrl(
  url: string,
  httpsHosts: readonly string[],
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === "tel:") {
    return /^\+?[0-9]{3,20}$/.test(parsed.pathname);
  }
  return (
    parsed.protocol === "https:" &&
    parsed.username === "" &&
    parsed.password === "" &&
    httpsHosts.includes(parsed.hostname)
  );
}

/** Permissions the renderer may use; every other request is denied. */
const ALLOWED_PERMISSIONS = new Set(["clipboard-sanitized-write"]);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
