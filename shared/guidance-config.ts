/**
 * Wording about deposits and waivers. Compliance owns these sentences, so every one of them can
 * be replaced from the app's configuration file without a release; these are the defaults.
 */

export interface GuidanceConfig {
  /** Phone number as shown to the rep. */
  waiverPhoneNumber: string;
  /** Deposit for a postpay product, as shown to the rep, e.g. "$300". */
  depositAmount: string;
  /** Script for the customer's call about a waiver. */
  waiverCallScript: string;
  /** Who may qualify for a waiver; the provider decides after the call. */
  waiverQualifications: string[];
  /** Other ways to sign up without a waiver. */
  depositAlternatives: string[];
  /** Reminder that the customer is owed a written notice about the credit decision. */
  adverseActionReminder: string;
}

// NOTE: the default phone number is a placeholder in the fictional 555 range, because the
// compliance team has not supplied the waiver line. Set waiverPhoneNumber in config.json.
export const DEFAULT_GUIDANCE_CONFIG: GuidanceConfig = {
  waiverPhoneNumber: "+1 555 010 0300",
  depositAmount: "$300",
  waiverCallScript:
    "I was told a deposit is needed for my new account, and I would like to ask whether I qualify for a deposit waiver.",
  waiverQualifications: [
    "is 65 or older and not behind on any electric account (proof of age such as a driver's licence or state ID)",
    "is a victim of family violence and has a certification letter, which goes straight to us",
    "has a letter of good credit history from their previous electricity provider",
  ],
  depositAlternatives: [
    "Pay the deposit. It is credited to the account balance after the first year.",
    "Choose prepay instead of postpay. Prepay needs no deposit.",
  ],
  adverseActionReminder:
    "Tell the customer that a written notice explaining the credit decision will arrive from us.",
};

/** Returns the `tel:` URL for a phone number as written for people. */
export function telUrl(phoneNumber: string): string {
  return `tel:${phoneNumber.replace(/[^\d+]/g, "")}`;
}
