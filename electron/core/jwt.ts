/** Reads the claims of a JWT without verifying it: Kraken verifies; the app needs only `exp`. */

/** Returns the `exp` claim in Unix milliseconds, or null when the token cannot be read. */
export function jwtExpiresAt(token: string): number | null {
  const payload = token.split(".")[1];
  if (payload === undefined) {
    return null;
  }
  try {
    const claims: unknown = JSON.parse(
      Buffer.from(payload, "base64url").toString("utf8"),
    );
    if (typeof claims === "object" && claims !== null && "exp" in claims) {
      const exp = (claims as { exp: unknown }).exp;
      return typeof exp === "number" && Number.isFinite(exp)
        ? exp * 1000
        : null;
    }
    return null;
  } catch {
    return null;
  }
}
