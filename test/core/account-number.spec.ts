import { describe, expect, it } from "vitest";
import {
  MAX_ACCOUNT_NUMBER_LENGTH,
  parseAccountNumber,
} from "../../shared/account-number";

describe("parseAccountNumber", () => {
  const accepted: Array<[input: string, normalised: string]> = [
    ["A-12345", "A-12345"],
    ["A-1A2B3C4D", "A-1A2B3C4D"],
    ["a-1a2b3c4d", "A-1A2B3C4D"],
    ["  A-1000  ", "A-1000"],
    ["\tA-ff00\n", "A-FF00"],
    ["A- 1000", "A-1000"],
    ["A-0", "A-0"],
    [
      `A-${"F".repeat(MAX_ACCOUNT_NUMBER_LENGTH - 2)}`,
      `A-${"F".repeat(MAX_ACCOUNT_NUMBER_LENGTH - 2)}`,
    ],
  ];

  it.each(accepted)("accepts %j as %s", (input, normalised) => {
    expect(parseAccountNumber(input)).toEqual({
      ok: true,
      accountNumber: normalised,
    });
  });

  const rejected: Array<[input: string, messagePart: string]> = [
    ["", "Enter the customer's account number"],
    ["   ", "Enter the customer's account number"],
    ["12345", "not a valid account number"],
    ["A-", "not a valid account number"],
    ["A1000", "not a valid account number"],
    ["B-1000", "not a valid account number"],
    ["A-10G0", "not a valid account number"],
    ["A--1000", "not a valid account number"],
    ["A-1000-2", "not a valid account number"],
    ["A_1000", "not a valid account number"],
    ["A-1000;DROP", "not a valid account number"],
    ["A-１０００", "not a valid account number"],
    ["A-1000\u0000", "not a valid account number"],
    [`A-${"1".repeat(MAX_ACCOUNT_NUMBER_LENGTH)}`, "too long"],
  ];

  it.each(rejected)("rejects %j", (input, messagePart) => {
    const result = parseAccountNumber(input);

    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain(messagePart);
  });
});
