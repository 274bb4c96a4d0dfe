import type { CheckError } from "../../../shared/check-errors";

/**
 * A failure reported by main as an IPC error rather than as a GraphQL error, e.g. when the
 * operation was rejected before it reached Kraken. Apollo passes it through to the hook as-is.
 */
export class BridgeError extends Error {
  readonly checkError: CheckError;

  constructor(checkError: CheckError) {
    super(checkError.message);
    this.name = "BridgeError";
    this.checkError = checkError;
  }
}
