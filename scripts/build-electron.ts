/**
 * Bundles main and preload with esbuild into CommonJS: a sandboxed preload cannot load ES
 * modules, and one format for both keeps the build simple.
 */

import { build, type BuildOptions } from "esbuild";

const common: BuildOptions = {
  bundle: true,
  platform: "node",
  target: "node22",
  format: "cjs",
  external: ["electron"],
  sourcemap: true,
  logLevel: "warning",
};

await Promise.all([
  build({
    ...common,
    entryPoints: ["electron/main/main.ts"],
    outfile: "dist/electron/main.cjs",
  }),
  build({
    ...common,
    entryPoints: ["electron/preload/preload.ts"],
    outfile: "dist/electron/preload.cjs",
  }),
]);
process.stdout.write(
  "Built dist/electron/main.cjs and dist/electron/preload.cjs\n",
);
