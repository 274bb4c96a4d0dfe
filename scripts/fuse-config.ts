/**
 * Electron fuses for packaged builds: switches compiled into the Electron binary that no
 * command-line flag or environment variable can turn back on.
 *
 * Test builds differ in one fuse only: Playwright's `_electron.launch` drives main through
 * `--inspect`, so EnableNodeCliInspectArguments stays on there and off in releases.
 */

import { FuseV1Options, FuseVersion } from "@electron/fuses";

export type BuildKind = "release" | "test";

export function fuseConfig(kind: BuildKind) {
  return {
    version: FuseVersion.V1,
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node.js runtime.
    [FuseV1Options.RunAsNode]: false,
    // Chromium's cookie store is encrypted with the OS keychain, like the session.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS could preload arbitrary code into main.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: kind === "test",
    // The packaged app runs only from app.asar, and Electron checks the archive's hash.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The renderer loads from app://, so file:// needs no extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  } as const;
}
