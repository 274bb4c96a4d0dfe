import type { FieldCreditCheckBridge } from "../../shared/bridge";

declare global {
  interface Window {
    /** Set by the preload script; undefined when the page is opened outside the app. */
    fieldCreditCheck?: FieldCreditCheckBridge;
  }
}

export {};
