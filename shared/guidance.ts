/**
 * Turns Kraken's credit check status into what the rep does next. Only DEPOSIT_NOT_REQUIRED
 * means "no deposit": null and every value this app does not know are "no decision".
 */

import { assertNever } from "./check-errors";
import type { GuidanceConfig } from "./guidance-config";

/** The statuses this app has guidance for. Adding one fails to compile until it has text. */
export const KNOWN_CREDIT_STATUSES = [
  "DEPOSIT_REQUIRED",
  "DEPOSIT_NOT_REQUIRED",
] as const;

export type KnownCreditStatus = (typeof KNOWN_CREDIT_STATUSES)[number];

export type GuidanceKind = "deposit-required" | "no-deposit" | "no-decision";

export interface WaiverPrompt {
  phoneNumber: string;
  callScript: string;
  qualifications: string[];
  alternatives: string[];
  adverseActionReminder: string;
}

export type Guidance =
  | {
      kind: "deposit-required";
      headline: string;
      nextStep: string;
      waiver: WaiverPrompt;
    }
  | { kind: "no-deposit"; headline: string; nextStep: string }
  | { kind: "no-decision"; headline: string; nextStep: string };

export function isKnownCreditStatus(
  status: unknown,
): status is KnownCreditStatus {
  return (
    typeof status === "string" &&
    (KNOWN_CREDIT_STATUSES as readonly string[]).includes(status)
  );
}

/** Returns the guidance kind for a raw status; unknown strings and null give "no-decision". */
export function guidanceKindFor(
  status: string | null | undefined,
): GuidanceKind {
  if (!isKnownCreditStatus(status)) {
    return "no-decision";
  }
  switch (status) {
    case "DEPOSIT_REQUIRED":
      return "deposit-required";
    case "DEPOSIT_NOT_REQUIRED":
      return "no-deposit";
    default:
      return assertNever(status);
  }
}

/** Builds the guidance shown on the result card for a raw status. */
export function guidanceFor(
  status: string | null | undefined,
  config: GuidanceConfig,
): Guidance {
  const kind = guidanceKindFor(status);

  switch (kind) {
    case "deposit-required":
      return {
        kind,
        headline: `Deposit required: ${config.depositAmount}`,
        nextStep:
          "The customer can sign up for postpay by paying the deposit. If they may qualify for a waiver, they call us; we decide after the call, so do not promise a waiver.",
        waiver: {
          phoneNumber: config.waiverPhoneNumber,
          callScript: config.waiverCallScript,
          qualifications: config.waiverQualifications,
          alternatives: config.depositAlternatives,
          adverseActionReminder: config.adverseActionReminder,
        },
      };
    case "no-deposit":
      return {
        kind,
        headline: "No deposit required",
        nextStep: "Continue the postpay sign-up. The customer pays no deposit.",
      };
    case "no-decision":
      return {
        kind,
        headline: "No deposit decision yet",
        nextStep:
          status == null
            ? "There is no credit check on file for this account yet. Do not tell the customer whether a deposit is needed. Check again later, or ask your team lead."
            : "Kraken returned a result this app does not recognise. Do not tell the customer there is no deposit; ask your team lead before going on.",
      };
    default:
      return assertNever(kind);
  }
}
