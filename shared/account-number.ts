/**
 * Account-number rules shared by the renderer (instant feedback) and main (the final word).
 * Kraken account numbers are `A-` followed by upper-case hexadecimal digits, e.g. `A-1A2B3C4D`.
 */

export type AccountNumberResult =
  { ok: true; accountNumber: string } | { ok: false; message: string };

/** Maximum account-number length accepted. Real ones are about 10 characters. */
export const MAX_ACCOUNT_NUMBER_LENGTH = 32;

const ACCOUNT_NUMBER = /^A-[0-9A-F]+$/;

/**
 * Normalises what a rep typed (trims, upper-cases, drops inner spaces) and validates it,
 * so no request is sent for a number Kraken would reject anyway.
 */
export function parseAccountNumber(input: string): AccountNumberResult {
  const normalised = input.trim().replace(/\s+/g, "").toUpperCase();

  if (normalised === "") {
    return {
      ok: false,
      message: "Enter the customer's account number, for example A-1A2B3C4D.",
    };
  }
  if (normalised.length > MAX_ACCOUNT_NUMBER_LENGTH) {
    return {
      ok: false,
      message: `Account number is too long (${normalised.length} characters, at most ${MAX_ACCOUNT_NUMBER_LENGTH}).`,
    };
  }
  if (!ACCOUNT_NUMBER.test(normalised)) {
    return {
      ok: false,
      message: `"${normalised}" is not a valid account number: it must be A- followed by digits 0-9 and letters A-F, for example A-1A2B3C4D.`,
    };
  }
  return { ok: true, accountNumber: normalised };
}
