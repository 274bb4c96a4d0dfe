/**
 * An AES-256-GCM cipher from node:crypto, for tests and the CLI. Layout of a value:
 * 12-byte IV, 16-byte authentication tag, then the cipher text.
 */

import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Cipher } from "./cipher";

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class AesGcmCipher implements Cipher {
  constructor(
    private readonly key: Buffer = randomBytes(32),
    private readonly backend: string | null = null,
    private readonly available = true,
  ) {
    if (key.length !== 32) {
      throw new Error(
        `AES-256-GCM needs a 32-byte key, got ${key.length} bytes`,
      );
    }
  }

  isEncryptionAvailable(): boolean {
    return this.available;
  }

  storageBackend(): string | null {
    return this.backend;
  }

  encryptString(plainText: string): Buffer {
    // safeStorage throws here too when no encryption is available.
    this.requireAvailable();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([
      cipher.update(plainText, "utf8"),
      cipher.final(),
    ]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decryptString(encrypted: Buffer): string {
    this.requireAvailable();
    if (encrypted.length < IV_BYTES + TAG_BYTES) {
      throw new Error("Encrypted value is too short to be AES-GCM output");
    }
    const iv = encrypted.subarray(0, IV_BYTES);
    const tag = encrypted.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv("aes-256-gcm", this.key, iv);
    decipher.setAuthTag(tag);
    const body = encrypted.subarray(IV_BYTES + TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString(
      "utf8",
    );
  }

  private requireAvailable(): void {
    if (!this.available) {
      throw new Error("Encryption is not available on this system.");
    }
  }
}
