/**
 * The logging interface the core writes to. Main backs it with electron-log, the CLI with
 * stderr. Callers pass ids and codes as fields; never a token, password or credit status.
 */

export type LogFields = Record<
  string,
  string | number | boolean | null | undefined
>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Creates a logger that writes one line per event to a stream, for the CLI and the sandbox. */
export function createStreamLogger(write: (line: string) => void): Logger {
  const line = (level: string, message: string, fields?: LogFields) => {
    const suffix =
      fields && Object.keys(fields).length > 0
        ? ` ${JSON.stringify(fields)}`
        : "";
    write(`${new Date().toISOString()} ${level} ${message}${suffix}\n`);
  };
  return {
    info: (message, fields) => line("info", message, fields),
    warn: (message, fields) => line("warn", message, fields),
    error: (message, fields) => line("error", message, fields),
  };
}
