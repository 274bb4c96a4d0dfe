/**
 * Finds the Electron binary the way the electron package records it (`path.txt` beside its
 * `dist/`). Requiring the package instead would start a download when the binary is missing.
 */

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** Returns the installed Electron executable, or null when the binary was never fetched. */
export function installedElectronBinary(projectRoot = "."): string | null {
  const packageDir = join(projectRoot, "node_modules", "electron");
  try {
    const relative = readFileSync(join(packageDir, "path.txt"), "utf8").trim();
    const binary = resolve(packageDir, "dist", relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
