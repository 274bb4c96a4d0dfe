/**
 * `npm start`: runs the built app against the bundled Kraken sandbox, with its own data folder
 * so sandbox sessions never mix with real ones. Sign in as rep@example.com / field-sales-demo.
 */

import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { startSandbox } from "../sandbox/server";
import { DEMO_REP } from "../sandbox/seed";
import { installedElectronBinary } from "./electron-binary";

const binary = installedElectronBinary();
if (binary === null) {
  process.stderr.write(
    "The Electron binary is not installed, so the app cannot start. Run `npm install` on a " +
      "machine that can download it (installs made with ELECTRON_SKIP_BINARY_DOWNLOAD=1 have " +
      "only the types). `npm run check -- --sandbox A-1000` runs the same core without a window.\n",
  );
  process.exit(1);
}

const sandbox = await startSandbox({ port: 0 });
const dataDir = resolve(
  process.env.FIELD_CREDIT_CHECK_DATA_DIR ?? ".data/sandbox",
);
process.stdout.write(
  `Kraken sandbox on ${sandbox.url}\nSign in as ${DEMO_REP.email} / ${DEMO_REP.password}\n` +
    `App data in ${dataDir}\n`,
);

const app = spawn(binary, ["dist/electron/main.cjs"], {
  stdio: "inherit",
  env: {
    ...process.env,
    FIELD_CREDIT_CHECK_API_URL: sandbox.url,
    FIELD_CREDIT_CHECK_DATA_DIR: dataDir,
  },
});

const stop = () => app.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
app.on("exit", (code) => {
  void sandbox.close().then(() => process.exit(code ?? 0));
});
