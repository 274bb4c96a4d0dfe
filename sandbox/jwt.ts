import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** Claims of a Kraken token. Times are Unix seconds. */
export interface KrakenTokenClaims {
  sub: string;
  email: string;
  iat: number;
  exp: number;
  /** Time of the sign-in with email and password that started this chain of tokens. */
  origIat: number;
}

const claimsSchema = z.object({
  sub: z.string(),
  email: z.string(),
  iat: z.number().int(),
  exp: z.number().int(),
  origIat: z.number().int(),
});

const headerSchema = z.object({
  alg: z.literal("HS256"),
  typ: z.literal("JWT").optional(),
});

const BASE64URL_SEGMENT = /^[A-Za-z0-9_-]+$/;

const ENCODED_HEADER = encodeSegment({ alg: "HS256", typ: "JWT" });

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

function decodeSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

function sign(signingInput: string, secret: Buffer): Buffer {
  return createHmac("sha256", secret).update(signingInput).digest();
}

/** Encodes and signs the claims as an HS256 JWT. */
export function signJwt(claims: KrakenTokenClaims, secret: Buffer): string {
  const signingInput = `${ENCODED_HEADER}.${encodeSegment(claims)}`;
  return `${signingInput}.${sign(signingInput, secret).toString("base64url")}`;
}

/**
 * Returns the claims of an HS256 JWT signed with `secret`, or null when the token is malformed,
 * uses another algorithm or has a wrong signature. Expiry is left to the caller, which judges it
 * against the sandbox clock.
 */
export function verifyJwt(
  token: string,
  secret: Buffer,
): KrakenTokenClaims | null {
  const segments = token.split(".");
  if (
    segments.length !== 3 ||
    !segments.every((segment) => BASE64URL_SEGMENT.test(segment))
  ) {
    return null;
  }
  const [encodedHeader, encodedClaims, encodedSignature] = segments as [
    string,
    string,
    string,
  ];

  if (!headerSchema.safeParse(decodeSegment(encodedHeader)).success) {
    return null;
  }

  const expected = sign(`${encodedHeader}.${encodedClaims}`, secret);
  const received = Buffer.from(encodedSignature, "base64url");
  if (
    received.length !== expected.length ||
    !timingSafeEqual(received, expected)
  ) {
    return null;
  }

  const claims = claimsSchema.safeParse(decodeSegment(encodedClaims));
  return claims.success ? claims.data : null;
}
