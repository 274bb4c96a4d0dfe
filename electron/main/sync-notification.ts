/** The text of the notification shown when a queue sync finishes. */

import type { SyncSummary } from "../core/queue/check-queue";

export function syncNotificationText(summary: SyncSummary): string {
  const parts: string[] = [];
  const checks =
    summary.done === 1 ? "1 check synced" : `${summary.done} checks synced`;
  if (summary.depositRequired > 0) {
    parts.push(`${summary.depositRequired} deposit required`);
  }
  if (summary.failed > 0) {
    parts.push(`${summary.failed} failed`);
  }
  if (summary.stillPending > 0) {
    parts.push(`${summary.stillPending} still queued`);
  }
  return parts.length > 0 ? `${checks}: ${parts.join(", ")}` : checks;
}
