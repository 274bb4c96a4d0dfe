/**
 * Keeps the rep's session between launches, encrypted with the OS keychain. Where the keychain
 * only obfuscates (`basic_text`) or is missing, the session stays in memory and is lost on quit.
 */

import type { SessionStorageView } from "../../shared/views";
import { memoryOnlyReason, type Cipher } from "./cipher";
import type { KeyValueStore } from "./key-value-store";
import { silentLogger, type Logger } from "./logger";

export interface StoredSession {
  email: string;
  token: string;
  refreshToken: string;
  /** Unix milliseconds after which the refresh token is no longer accepted. */
  refreshExpiresAt: number;
}

export type VaultLoadResult =
  | { kind: "empty" }
  | { kind: "loaded"; session: StoredSession }
  | { kind: "unreadable" };

const SESSION_KEY = "session";

export class TokenVault {
  private memory: StoredSession | null = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly cipher: Cipher,
    private readonly logger: Logger = silentLogger,
  ) {}

  storage(): SessionStorageView {
    const reason = memoryOnlyReason(this.cipher);
    return reason === null ? { mode: "keychain" } : { mode: "memory", reason };
  }

  /** Loads the saved session; a value that no longer decrypts is deleted, not fatal. */
  load(): VaultLoadResult {
    if (this.storage().mode === "memory") {
      return this.memory
        ? { kind: "loaded", session: this.memory }
        : { kind: "empty" };
    }

    const saved = this.store.get(SESSION_KEY);
    if (saved === undefined) {
      return { kind: "empty" };
    }

    try {
      if (typeof saved !== "string") {
        throw new Error("saved session is not a string");
      }
      const plain = this.cipher.decryptString(Buffer.from(saved, "base64"));
      return { kind: "loaded", session: parseStoredSession(plain) };
    } catch (error) {
      this.logger.warn("saved session unreadable, deleted", {
        error: error instanceof Error ? error.message : String(error),
      });
      this.store.delete(SESSION_KEY);
      return { kind: "unreadable" };
    }
  }

  save(session: StoredSession): void {
    if (this.storage().mode === "memory") {
      this.memory = session;
      // A value written while the keychain worked must not outlive a switch to memory mode.
      this.store.delete(SESSION_KEY);
      return;
    }
    const encrypted = this.cipher.encryptString(JSON.stringify(session));
    this.store.set(SESSION_KEY, encrypted.toString("base64"));
  }

  clear(): void {
    this.memory = null;
    this.store.delete(SESSION_KEY);
  }
}

function parseStoredSession(plain: string): StoredSession {
  const value: unknown = JSON.parse(plain);
  if (typeof value !== "object" || value === null) {
    throw new Error("saved session is not an object");
  }
  const { email, token, refreshToken, refreshExpiresAt } = value as Record<
    string,
    unknown
  >;
  if (
    typeof email !== "string" ||
    typeof token !== "string" ||
    typeof refreshToken !== "string" ||
    typeof refreshExpiresAt !== "number"
  ) {
    throw new Error("saved session is missing fields");
  }
  return { email, token, refreshToken, refreshExpiresAt };
}
