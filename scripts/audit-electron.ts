/**
 * `npm run audit:electron`: runs Electronegativity over main, preload and the renderer's HTML,
 * and fails on any HIGH or MEDIUM finding that is not in the reviewed list below.
 *
 * Electronegativity marks some checks "manual review": they fire on every use of an API, safe
 * or not. Each such finding we reviewed is pinned here to its file and code, with the reason,
 * so a new use of the same API, or a change to the reviewed line, fails again.
 */

import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  sample: string;
}

interface ReviewedFinding {
  issue: string;
  file: string;
  sample: string;
  reason: string;
}

const REVIEWED_FINDINGS: ReviewedFinding[] = [
  {
    issue: "PRELOAD_JS_CHECK",
    file: "electron/main/main.ts",
    sample: 'preload: join(__dirname, "preload.cjs"),',
    reason:
      "The sandboxed preload exposes one typed function per IPC message and no raw ipcRenderer; " +
      "test/electron checks this.",
  },
  {
    issue: "OPEN_EXTERNAL_JS_CHECK",
    file: "electron/main/main.ts",
    sample: "void shell.openExternal(url);",
    reason:
      "Reached only when navigationDecision returns open-external: tel: numbers and https " +
      "hosts on the configured allow-list; test/electron covers the decisions.",
  },
];

const REPORT = join("test-results", "electronegativity.csv");

/** Splits one CSV line, honouring quotes and doubled quotes. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === "," && !quoted) {
      fields.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  fields.push(current);
  return fields;
}

function parseReport(csv: string): Finding[] {
  return csv
    .split("\n")
    .slice(1)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [
        issue = "",
        severity = "",
        confidence = "",
        file = "",
        ,
        sample = "",
      ] = parseCsvLine(line);
      return { issue, severity, confidence, file, sample: sample.trim() };
    });
}

function isReviewed(finding: Finding): boolean {
  return REVIEWED_FINDINGS.some(
    (reviewed) =>
      reviewed.issue === finding.issue &&
      reviewed.file === finding.file &&
      reviewed.sample === finding.sample,
  );
}

function main(): number {
  const electronVersion = (
    JSON.parse(
      readFileSync(join("node_modules", "electron", "package.json"), "utf8"),
    ) as {
      version: string;
    }
  ).version;

  // Only the app's own sources: scanning node_modules would report other projects' code.
  const input = mkdtempSync(join(tmpdir(), "electronegativity-"));
  try {
    cpSync("electron", join(input, "electron"), { recursive: true });
    cpSync(
      join("renderer", "index.html"),
      join(input, "renderer", "index.html"),
    );
    cpSync("package.json", join(input, "package.json"));
    mkdirSync("test-results", { recursive: true });
    writeFileSync(REPORT, "");

    const run = spawnSync(
      "npx",
      [
        "electronegativity",
        "-i",
        input,
        "-o",
        REPORT,
        "-r",
        "-e",
        electronVersion,
      ],
      { encoding: "utf8" },
    );
    if (run.status !== 0) {
      process.stderr.write(
        `Electronegativity failed (exit ${run.status}):\n${run.stderr}\n`,
      );
      return 1;
    }
  } finally {
    rmSync(input, { recursive: true, force: true });
  }

  const findings = parseReport(readFileSync(REPORT, "utf8"));
  const blocking = findings.filter(
    (finding) =>
      ["HIGH", "MEDIUM"].includes(finding.severity) && !isReviewed(finding),
  );
  const stale = REVIEWED_FINDINGS.filter(
    (reviewed) =>
      !findings.some(
        (f) =>
          f.issue === reviewed.issue &&
          f.file === reviewed.file &&
          f.sample === reviewed.sample,
      ),
  );

  for (const finding of findings) {
    const mark = blocking.includes(finding)
      ? "FAIL"
      : isReviewed(finding)
        ? "reviewed"
        : "ok";
    process.stdout.write(
      `${mark.padEnd(8)} ${finding.severity.padEnd(6)} ${finding.issue} ${finding.file} ${finding.sample.slice(0, 60)}\n`,
    );
  }
  for (const reviewed of stale) {
    process.stdout.write(
      `stale    reviewed finding no longer reported: ${reviewed.issue} ${reviewed.file}\n`,
    );
  }
  process.stdout.write(
    `Electronegativity ${electronVersion}: ${findings.length} findings, ${blocking.length} blocking, ` +
      `${stale.length} stale reviews. Report: ${REPORT}\n`,
  );
  return blocking.length > 0 || stale.length > 0 ? 1 : 0;
}

process.exitCode = main();
