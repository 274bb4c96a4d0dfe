/** Formats check results for the terminal: JSON lines or a readable table. */

import type { CheckError } from "../shared/check-errors";
import type { GuidanceKind } from "../shared/guidance";

export type CheckLine =
  | { accountNumber: string; status: string | null; guidance: GuidanceKind }
  | { accountNumber: string; error: Pick<CheckError, "kind" | "message"> };

const GUIDANCE_TEXT: Record<GuidanceKind, string> = {
  "deposit-required": "Deposit required (customer may call about a waiver)",
  "no-deposit": "No deposit required",
  "no-decision": "No decision: do not tell the customer there is no deposit",
};

export function formatJsonLine(line: CheckLine): string {
  return JSON.stringify(line);
}

export function formatTable(lines: CheckLine[]): string {
  const rows = lines.map((line) => [
    line.accountNumber,
    "error" in line
      ? `Error: ${line.error.message}`
      : GUIDANCE_TEXT[line.guidance],
  ]);
  const width = Math.max(
    "Account".length,
    ...rows.map(([account]) => (account ?? "").length),
  );
  const header = `${"Account".padEnd(width)}  Result`;
  return [
    header,
    ...rows.map(
      ([account, text]) => `${(account ?? "").padEnd(width)}  ${text}`,
    ),
  ].join("\n");
}
