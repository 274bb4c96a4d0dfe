/** The OS keychain as the core's `Cipher`, through Electron's `safeStorage`. */

import { safeStorage } from "electron";
import type { Cipher } from "../core/cipher";

export const safeStorageCipher: Cipher = {
  isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
  storageBackend: () =>
    process.platform === "linux"
      ? safeStorage.getSelectedStorageBackend()
      : null,
  encryptString: (plainText) => safeStorage.encryptString(plainText),
  decryptString: (encrypted) => safeStorage.decryptString(encrypted),
};
