/**
 * Logs a repeated warning once per interval with a count, so a hostile or broken renderer
 * cannot flood the log.
 */

import type { LogFields, Logger } from "../core/logger";

export function createRateLimitedWarning(
  logger: Logger,
  intervalMs = 60_000,
  now: () => number = Date.now,
) {
  const lastLogged = new Map<string, { at: number; suppressed: number }>();

  return (key: string, message: string, fields: LogFields = {}) => {
    const entry = lastLogged.get(key);
    if (entry && now() - entry.at < intervalMs) {
      entry.suppressed++;
      return;
    }
    const repeats = entry?.suppressed ?? 0;
    lastLogged.set(key, { at: now(), suppressed: 0 });
    logger.warn(message, repeats > 0 ? { ...fields, repeats } : fields);
  };
}
