/**
 * `npm run fuses -- PATH_TO_PACKAGED_ELECTRON_BINARY [--test]`: writes the fuses from
 * fuse-config.ts into a packaged app's Electron binary. Run it once per package step, before
 * signing. `--test` keeps the inspect fuse that Playwright's Electron tests need.
 */

import { existsSync } from "node:fs";
import { flipFuses } from "@electron/fuses";
import { fuseConfig } from "./fuse-config";

const [binary, ...flags] = process.argv.slice(2);
if (!binary || !existsSync(binary) || flags.some((flag) => flag !== "--test")) {
  process.stderr.write(
    "Usage: npm run fuses -- PATH_TO_PACKAGED_ELECTRON_BINARY [--test]\n" +
      (binary && !existsSync(binary) ? `Not found: ${binary}\n` : ""),
  );
  process.exit(2);
}

const kind = flags.includes("--test") ? "test" : "release";
await flipFuses(binary, fuseConfig(kind));
process.stdout.write(`Wrote ${kind} fuses to ${binary}\n`);
