/**
 * `npm test`: every check CI runs, in order, then one closing line with the totals of both
 * test runners ("N passed, N failed, N skipped"). Stops at the first step that fails.
 */

import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

// Outside test-results, which Playwright empties when it starts.
const REPORT_DIR = "test-reports";
const VITEST_REPORT = join(REPORT_DIR, "vitest.json");
const PLAYWRIGHT_REPORT = join(REPORT_DIR, "playwright.json");

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function run(
  title: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): boolean {
  process.stdout.write(`\n== ${title}: ${command} ${args.join(" ")}\n`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    process.stdout.write(
      `== ${title} failed (exit ${result.status ?? result.signal})\n`,
    );
    return false;
  }
  return true;
}

function vitestTotals(): Totals {
  const report = JSON.parse(readFileSync(VITEST_REPORT, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightTotals(): Totals {
  const report = JSON.parse(readFileSync(PLAYWRIGHT_REPORT, "utf8")) as {
    stats: {
      expected: number;
      unexpected: number;
      flaky: number;
      skipped: number;
    };
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  };
}

// Reports from an earlier run must not be counted as this run's.
rmSync(REPORT_DIR, { recursive: true, force: true });
mkdirSync(REPORT_DIR, { recursive: true });
const npx = "npx";
const steps: Array<() => boolean> = [
  () =>
    run("generated GraphQL types are current", npx, [
      "graphql-codegen",
      "--config",
      "codegen.ts",
      "--check",
    ]),
  () => run("typecheck", npx, ["tsc", "-b"]),
  () => run("lint", npx, ["eslint", "."]),
  () => run("format", npx, ["prettier", "--check", "."]),
  () =>
    run("Electron security scan", "npm", ["run", "--silent", "audit:electron"]),
  () =>
    run("unit and integration tests", npx, [
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${VITEST_REPORT}`,
    ]),
  () => run("build", "npm", ["run", "build"]),
  () =>
    run("browser tests", npx, ["playwright", "test", "--reporter=list,json"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT,
    }),
];

let ok = true;
for (const step of steps) {
  if (!step()) {
    ok = false;
    break;
  }
}

const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
for (const read of [vitestTotals, playwrightTotals]) {
  try {
    const part = read();
    totals.passed += part.passed;
    totals.failed += part.failed;
    totals.skipped += part.skipped;
  } catch {
    // A runner that did not get to run has no report; the failed step is already printed.
  }
}
if (!ok && totals.failed === 0) {
  totals.failed = 1;
}
process.stdout.write(
  `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
process.exitCode = ok ? 0 : 1;
