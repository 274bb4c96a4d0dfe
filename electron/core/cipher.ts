/**
 * Encryption the vault and the queue rely on, shaped like Electron's `safeStorage` so main's
 * adapter is one line per method, and tests can use a real AES-GCM cipher instead.
 */

export interface Cipher {
  isEncryptionAvailable(): boolean;
  /**
   * The Linux secret backend, as `safeStorage.getSelectedStorageBackend()` reports it
   * (`basic_text` means secrets are only obfuscated), or null on other systems.
   */
  storageBackend(): string | null;
  encryptString(plainText: string): Buffer;
  /** Throws when the value was not encrypted by this cipher's key. */
  decryptString(encrypted: Buffer): string;
}

/** Returns why the session cannot be kept on disk, or null when it can. */
export function memoryOnlyReason(
  cipher: Cipher,
): "basic-text-keychain" | "encryption-unavailable" | null {
  if (!cipher.isEncryptionAvailable()) {
    return "encryption-unavailable";
  }
  return cipher.storageBackend() === "basic_text"
    ? "basic-text-keychain"
    : null;
}
