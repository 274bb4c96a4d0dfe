/**
 * The signed-in rep's Kraken session. The access token lives 60 minutes and is refreshed a few
 * minutes before `exp`, or once when Kraken returns KT-CT-1124. The refresh token lives 7 days
 * and is not rotated, so when it expires the rep must sign in again.
 */

import type { SessionView, SignedOutReason } from "../../shared/views";
import { jwtExpiresAt } from "./jwt";
import type { KrakenClient } from "./kraken-client";
import type { ObtainKrakenTokenMutation } from "../../shared/generated/graphql";
import {
  KrakenApiError,
  isRefreshRejected,
  isTokenRejected,
  NotSignedInError,
  SessionExpiredError,
} from "./kraken-errors";
import { silentLogger, type Logger } from "./logger";
import type { StoredSession, TokenVault } from "./token-vault";

const OBTAIN_TOKEN_MUTATION = /* GraphQL */ `
  mutation obtainKrakenToken($input: ObtainJSONWebTokenInput!) {
    obtainKrakenToken(input: $input) {
      token
      refreshToken
      refreshExpiresIn
    }
  }
`;

interface IssuedTokens {
  token: string;
  refreshToken: string;
  refreshExpiresIn: number;
}

/** Returns the issued tokens, or throws when Kraken left out a field the session needs. */
function requireIssuedTokens(data: ObtainKrakenTokenMutation): IssuedTokens {
  const issued = data.obtainKrakenToken;
  if (
    !issued ||
    issued.refreshToken === null ||
    issued.refreshExpiresIn === null
  ) {
    throw new KrakenApiError(
      "Kraken returned no refresh token.",
      undefined,
      undefined,
    );
  }
  return {
    token: issued.token,
    refreshToken: issued.refreshToken,
    refreshExpiresIn: issued.refreshExpiresIn,
  };
}

export interface KrakenSessionOptions {
  /** How long before the token's `exp` it is refreshed, in milliseconds. */
  refreshMarginMs?: number;
  now?: () => number;
  logger?: Logger;
}

export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;

export class KrakenSession {
  private current: StoredSession | null = null;
  private signedOutReason: SignedOutReason = "not-signed-in";
  private refreshing: Promise<void> | null = null;
  private readonly listeners = new Set<(view: SessionView) => void>();
  private readonly refreshMarginMs: number;
  private readonly now: () => number;
  private readonly logger: Logger;

  constructor(
    private readonly client: KrakenClient,
    private readonly vault: TokenVault,
    options: KrakenSessionOptions = {},
  ) {
    this.refreshMarginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? silentLogger;
  }

  /** Loads a saved session from the vault, if one is there and still usable. */
  restore(): void {
    const loaded = this.vault.load();
    if (loaded.kind === "unreadable") {
      this.signedOutReason = "unreadable";
    } else if (loaded.kind === "loaded") {
      if (loaded.session.refreshExpiresAt <= this.now()) {
        this.end("expired");
        return;
      }
      this.current = loaded.session;
      this.logger.info("session restored");
    }
    this.emit();
  }

  view(): SessionView {
    const storage = this.vault.storage();
    if (this.current === null) {
      return { state: "signed-out", reason: this.signedOutReason, storage };
    }
    return {
      state: "signed-in",
      email: this.current.email,
      refreshExpiresAt: this.current.refreshExpiresAt,
      storage,
    };
  }

  isSignedIn(): boolean {
    return this.current !== null;
  }

  onChange(listener: (view: SessionView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signIn(email: string, password: string): Promise<SessionView> {
    const data = await this.client.request<ObtainKrakenTokenMutation>({
      operationName: "obtainKrakenToken",
      query: OBTAIN_TOKEN_MUTATION,
      variables: { input: { email, password } },
    });
    const issued = requireIssuedTokens(data);

    // A refresh still running for an earlier session must not be shared with this one.
    this.refreshing = null;
    this.current = {
      email,
      token: issued.token,
      refreshToken: issued.refreshToken,
      refreshExpiresAt: issued.refreshExpiresIn * 1000,
    };
    this.vault.save(this.current);
    this.logger.info("signed in");
    this.emit();
    return this.view();
  }

  signOut(): SessionView {
    this.end("signed-out");
    return this.view();
  }

  /**
   * Runs `call` with a valid access token: refreshes first when the token is near expiry, and
   * refreshes and retries exactly once when Kraken rejects the token anyway.
   */
  async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    let token = await this.validToken();
    try {
      return await call(token);
    } catch (error) {
      if (!isTokenRejected(error)) {
        throw error;
      }
      this.logger.info("token rejected, refreshing", {
        code: errorCodeOf(error),
      });
      await this.refresh(token);
      token = this.requireSession().token;
      return call(token);
    }
  }

  private async validToken(): Promise<string> {
    const session = this.requireSession();
    const expiresAt = jwtExpiresAt(session.token) ?? 0;

    if (expiresAt - this.refreshMarginMs <= this.now()) {
      await this.refresh(session.token);
    }
    return this.requireSession().token;
  }

  /**
   * Replaces the token `stale` with a new one. Concurrent callers share one refresh, and a
   * caller whose stale token was already replaced does not refresh again.
   */
  private async refresh(stale: string): Promise<void> {
    if (this.refreshing) {
      return this.refreshing;
    }
    if (this.requireSession().token !== stale) {
      return;
    }
    const refreshing = this.runRefresh().finally(() => {
      if (this.refreshing === refreshing) {
        this.refreshing = null;
      }
    });
    this.refreshing = refreshing;
    return refreshing;
  }

  private async runRefresh(): Promise<void> {
    const session = this.requireSession();
    if (session.refreshExpiresAt <= this.now()) {
      this.end("expired");
      throw new SessionExpiredError(
        "The refresh token has expired; sign in again.",
      );
    }

    let data: ObtainKrakenTokenMutation;
    try {
      data = await this.client.request<ObtainKrakenTokenMutation>({
        operationName: "obtainKrakenToken",
        query: OBTAIN_TOKEN_MUTATION,
        variables: { input: { refreshToken: session.refreshToken } },
      });
    } catch (error) {
      if (this.current !== session) {
        // The rep signed out, or in again, while this refresh was in flight.
        throw new NotSignedInError("Signed out during a token refresh.");
      }
      if (isRefreshRejected(error) || isTokenRejected(error)) {
        this.logger.warn("refresh token rejected, signing out", {
          code: errorCodeOf(error),
        });
        this.end("expired");
        throw new SessionExpiredError(
          "The refresh token was rejected; sign in again.",
        );
      }
      throw error;
    }

    const issued = requireIssuedTokens(data);
    // The rep may have signed out while the refresh was in flight.
    if (this.current !== session) {
      throw new NotSignedInError("Signed out during a token refresh.");
    }
    this.current = {
      ...session,
      token: issued.token,
      refreshToken: issued.refreshToken,
      refreshExpiresAt: issued.refreshExpiresIn * 1000,
    };
    this.vault.save(this.current);
    this.logger.info("token refreshed");
  }

  private requireSession(): StoredSession {
    if (this.current === null) {
      if (this.signedOutReason === "expired") {
        throw new SessionExpiredError(
          "The session has expired; sign in again.",
        );
      }
      throw new NotSignedInError("Not signed in.");
    }
    return this.current;
  }

  private end(reason: SignedOutReason): void {
    this.current = null;
    this.signedOutReason = reason;
    this.vault.clear();
    this.logger.info("session ended", { reason });
    this.emit();
  }

  private emit(): void {
    const view = this.view();
    for (const listener of this.listeners) {
      listener(view);
    }
  }
}

function errorCodeOf(error: unknown): string | null {
  return typeof error === "object" && error !== null && "errorCode" in error
    ? String((error as { errorCode: unknown }).errorCode)
    : null;
}
