import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AesGcmCipher } from "../../electron/core/aes-gcm-cipher";
import { JsonFileStore } from "../../electron/core/key-value-store";
import {
  TokenVault,
  type StoredSession,
} from "../../electron/core/token-vault";

const SESSION: StoredSession = {
  email: "rep@example.com",
  token: "header.payload.signature",
  refreshToken: "refresh-token-value",
  refreshExpiresAt: Date.now() + 7 * 24 * 3600_000,
};

describe("TokenVault", () => {
  let folder: string;
  let storePath: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "vault-"));
    storePath = join(folder, "settings.json");
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("round trip through a file", () => {
    const cipher = new AesGcmCipher();
    new TokenVault(new JsonFileStore(storePath), cipher).save(SESSION);

    const loaded = new TokenVault(new JsonFileStore(storePath), cipher).load();

    expect(loaded).toEqual({ kind: "loaded", session: SESSION });
  });

  it("file holds no token in clear", () => {
    new TokenVault(new JsonFileStore(storePath), new AesGcmCipher()).save(
      SESSION,
    );
    const text = readFileSync(storePath, "utf8");

    expect(text).not.toContain(SESSION.token);
    expect(text).not.toContain(SESSION.refreshToken);
    expect(text).not.toContain(SESSION.email);
    expect(statSync(storePath).mode & 0o777).toBe(0o600);
  });

  it("undecryptable value is deleted", () => {
    new TokenVault(new JsonFileStore(storePath), new AesGcmCipher()).save(
      SESSION,
    );

    // A new key stands for a keychain that was reset since the session was saved.
    const vault = new TokenVault(
      new JsonFileStore(storePath),
      new AesGcmCipher(),
    );

    expect(vault.load()).toEqual({ kind: "unreadable" });
    expect(vault.load()).toEqual({ kind: "empty" });
    expect(JSON.parse(readFileSync(storePath, "utf8"))).toEqual({});
  });

  it("garbage value is deleted", () => {
    const store = new JsonFileStore(storePath);
    store.set("session", 42);

    expect(new TokenVault(store, new AesGcmCipher()).load()).toEqual({
      kind: "unreadable",
    });
    expect(store.get("session")).toBeUndefined();
  });

  it("basic_text backend keeps memory only", () => {
    const store = new JsonFileStore(storePath);
    const vault = new TokenVault(
      store,
      new AesGcmCipher(undefined, "basic_text"),
    );

    vault.save(SESSION);

    expect(vault.storage()).toEqual({
      mode: "memory",
      reason: "basic-text-keychain",
    });
    expect(vault.load()).toEqual({ kind: "loaded", session: SESSION });
    expect(store.get("session")).toBeUndefined();
    expect(
      new TokenVault(new JsonFileStore(storePath), new AesGcmCipher()).load(),
    ).toEqual({
      kind: "empty",
    });
  });

  it("unavailable encryption keeps memory only", () => {
    const store = new JsonFileStore(storePath);
    const vault = new TokenVault(
      store,
      new AesGcmCipher(undefined, null, false),
    );

    vault.save(SESSION);

    expect(vault.storage()).toEqual({
      mode: "memory",
      reason: "encryption-unavailable",
    });
    expect(store.get("session")).toBeUndefined();
  });

  it("clear removes the saved session", () => {
    const cipher = new AesGcmCipher();
    const vault = new TokenVault(new JsonFileStore(storePath), cipher);
    vault.save(SESSION);

    vault.clear();

    expect(new TokenVault(new JsonFileStore(storePath), cipher).load()).toEqual(
      { kind: "empty" },
    );
  });
});
