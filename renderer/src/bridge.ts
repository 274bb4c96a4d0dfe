import type { FieldCreditCheckBridge } from "../../shared/bridge";

/** Thrown at start-up when the page runs without the preload bridge, e.g. in a plain browser. */
export class MissingBridgeError extends Error {
  constructor() {
    super(
      "The app's preload bridge (window.fieldCreditCheck) is missing. Start Field Credit Check " +
        "from its desktop launcher rather than opening the page directly.",
    );
    this.name = "MissingBridgeError";
  }
}

export function getBridge(): FieldCreditCheckBridge {
  const bridge = window.fieldCreditCheck;
  if (bridge === undefined) {
    throw new MissingBridgeError();
  }
  return bridge;
}
