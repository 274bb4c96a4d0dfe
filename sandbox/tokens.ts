import { randomBytes } from "node:crypto";
import { KRAKEN_ERRORS, krakenError } from "./errors";
import { signJwt, verifyJwt, type KrakenTokenClaims } from "./jwt";
import { findSeedUser, type SeedUser } from "./seed";
import type { SandboxClock } from "./state";

/** The fields of Kraken's ObtainJSONWebToken type. */
export interface IssuedToken {
  token: string;
  payload: KrakenTokenClaims;
  refreshToken: string;
  /** Unix time in seconds at which the refresh token expires. */
  refreshExpiresIn: number;
}

interface RefreshGrant {
  email: string;
  expiresAt: number;
  origIat: number;
}

export interface TokenLifetimes {
  tokenLifetimeSeconds: number;
  refreshLifetimeSeconds: number;
}

const REFRESH_TOKEN_INPUT_PATH = ["input", "refreshToken"];

/**
 * Issuer and verifier of Kraken tokens. The signing secret is random per process, so tokens
 * from an earlier sandbox run fail with KT-CT-1143. Refresh tokens live in memory only.
 */
export class TokenService {
  private readonly secret = randomBytes(32);
  private readonly refreshGrants = new Map<string, RefreshGrant>();
  private readonly initialLifetimes: TokenLifetimes;
  private lifetimes: TokenLifetimes;

  constructor(
    private readonly clock: SandboxClock,
    lifetimes: TokenLifetimes,
  ) {
    this.initialLifetimes = { ...lifetimes };
    this.lifetimes = { ...lifetimes };
  }

  setTokenLifetime(seconds: number): void {
    this.lifetimes.tokenLifetimeSeconds = seconds;
  }

  setRefreshLifetime(seconds: number): void {
    this.lifetimes.refreshLifetimeSeconds = seconds;
  }

  /** Restores the start-up lifetimes. Issued tokens keep the expiry they were issued with. */
  resetLifetimes(): void {
    this.lifetimes = { ...this.initialLifetimes };
  }

  /** Signs a seeded user in, or throws KT-CT-1138 for an unknown email or a wrong password. */
  signIn(email: string, password: string): IssuedToken {
    const user = findSeedUser(email);
    if (user === undefined || user.password !== password) {
      throw krakenError(KRAKEN_ERRORS.credentialsInvalid);
    }
    const now = this.clock.nowSeconds();
    const refreshToken = randomBytes(32).toString("hex");
    const grant: RefreshGrant = {
      email: user.email,
      expiresAt: now + this.lifetimes.refreshLifetimeSeconds,
      origIat: now,
    };
    this.refreshGrants.set(refreshToken, grant);
    return this.issue(user, refreshToken, grant);
  }

  /**
   * Issues a new token for a refresh token. Like Kraken, the sandbox does not rotate refresh
   * tokens. The response carries the same refresh token and expiry, and refreshing does not
   * extend its life.
   */
  refresh(refreshToken: string): IssuedToken {
    const grant = this.refreshGrants.get(refreshToken);
    const user = grant === undefined ? undefined : findSeedUser(grant.email);
    if (grant === undefined || user === undefined) {
      throw krakenError(KRAKEN_ERRORS.refreshTokenInvalid, [
        {
          message: "The refresh token is not known.",
          inputPath: REFRESH_TOKEN_INPUT_PATH,
        },
      ]);
    }
    if (this.clock.nowSeconds() >= grant.expiresAt) {
      throw krakenError(KRAKEN_ERRORS.refreshTokenExpired, [
        {
          message: "The refresh token has expired.",
          inputPath: REFRESH_TOKEN_INPUT_PATH,
        },
      ]);
    }
    return this.issue(user, refreshToken, grant);
  }

  /**
   * Returns the user that an Authorization header value authenticates. Accepts `JWT <token>`
   * and the bare token. Throws KT-CT-1112 when the value is missing, KT-CT-1143 when it is not a
   * token signed by this sandbox, and KT-CT-1124 when the token has expired.
   */
  authenticate(authorization: string | null): SeedUser {
    const value = authorization?.trim() ?? "";
    if (value === "") {
      throw krakenError(KRAKEN_ERRORS.authorizationHeaderMissing);
    }

    const parts = value.split(/\s+/);
    let token: string | undefined;
    if (parts.length === 1) {
      token = parts[0];
    } else if (parts.length === 2 && parts[0]?.toUpperCase() === "JWT") {
      token = parts[1];
    }
    const claims = token === undefined ? null : verifyJwt(token, this.secret);
    const user = claims === null ? undefined : findSeedUser(claims.email);
    if (claims === null || user === undefined) {
      throw krakenError(KRAKEN_ERRORS.tokenInvalid);
    }

    // The token counts as expired from its `exp` second onward, as PyJWT judges it.
    if (this.clock.nowSeconds() >= claims.exp) {
      throw krakenError(KRAKEN_ERRORS.tokenExpired);
    }
    return user;
  }

  private issue(
    user: SeedUser,
    refreshToken: string,
    grant: RefreshGrant,
  ): IssuedToken {
    const now = this.clock.nowSeconds();
    const payload: KrakenTokenClaims = {
      sub: `kraken|account-user:${user.id}`,
      email: user.email,
      iat: now,
      exp: now + this.lifetimes.tokenLifetimeSeconds,
      origIat: grant.origIat,
    };
    return {
      token: signJwt(payload, this.secret),
      payload,
      refreshToken,
      refreshExpiresIn: grant.expiresAt,
    };
  }
}
