/**
 * Demo users and accounts of the Kraken sandbox. Other parts of the project rely on these exact
 * values, so change them only together with those parts.
 */

export const CAN_CREATE_ACCOUNTS = "CAN_CREATE_ACCOUNTS";

export type Permission = typeof CAN_CREATE_ACCOUNTS;

export type DepositRequirement =
  "DEPOSIT_REQUIRED" | "DEPOSIT_NOT_REQUIRED" | "DEPOSIT_UNDER_REVIEW";

export interface SeedUser {
  /** Kraken account-user id, used in the JWT `sub` claim. */
  readonly id: number;
  readonly email: string;
  readonly password: string;
  readonly organisation: string;
  readonly permissions: readonly Permission[];
}

export interface SeedAccount {
  readonly accountNumber: string;
  /** Null when the account has no credit check on file. */
  readonly status: DepositRequirement | null;
  readonly organisation: string;
  /** Outcome of a credit check on the account, as the CLI lists it at start-up. */
  readonly description: string;
}

export const FIELD_SALES_ORGANISATION = "octopus-field-sales";
export const OTHER_ORGANISATION = "another-retailer";

export const DEMO_REP: SeedUser = {
  id: 1001,
  email: "rep@example.com",
  password: "field-sales-demo",
  organisation: FIELD_SALES_ORGANISATION,
  permissions: [CAN_CREATE_ACCOUNTS],
};

/** A user without CAN_CREATE_ACCOUNTS, so that credit checks fail with KT-CT-1111. */
export const DEMO_VIEWER: SeedUser = {
  id: 1002,
  email: "viewer@example.com",
  password: "viewer-demo",
  organisation: FIELD_SALES_ORGANISATION,
  permissions: [],
};

export const DEMO_USERS: readonly SeedUser[] = [DEMO_REP, DEMO_VIEWER];

/** Account numbers of the seeded accounts, by the outcome they produce. */
export const DEMO_ACCOUNT_NUMBERS = {
  depositRequired: "A-1000",
  depositNotRequired: "A-2000",
  noCreditCheck: "A-3000",
  otherOrganisation: "A-4000",
  underReview: "A-5000",
  hexDepositRequired: "A-1A2B3C4D",
} as const;

/** A well-formed account number that no seeded account has, so it fails with KT-CT-4177. */
export const UNKNOWN_ACCOUNT_NUMBER = "A-9999";

/** Kraken account numbers are `A-` followed by upper-case hexadecimal digits. */
export const ACCOUNT_NUMBER_PATTERN = /^A-[0-9A-F]+$/;

export const DEMO_ACCOUNTS: readonly SeedAccount[] = [
  {
    accountNumber: DEMO_ACCOUNT_NUMBERS.depositRequired,
    status: "DEPOSIT_REQUIRED",
    organisation: FIELD_SALES_ORGANISATION,
    description: "deposit required",
  },
  {
    accountNumber: DEMO_ACCOUNT_NUMBERS.depositNotRequired,
    status: "DEPOSIT_NOT_REQUIRED",
    organisation: FIELD_SALES_ORGANISATION,
    description: "no deposit required",
  },
  {
    accountNumber: DEMO_ACCOUNT_NUMBERS.noCreditCheck,
    status: null,
    organisation: FIELD_SALES_ORGANISATION,
    description: "no credit check on file (status null)",
  },
  {
    accountNumber: DEMO_ACCOUNT_NUMBERS.otherOrganisation,
    status: "DEPOSIT_NOT_REQUIRED",
    organisation: OTHER_ORGANISATION,
    description: `owned by ${OTHER_ORGANISATION}: KT-CT-1111`,
  },
  {
    accountNumber: DEMO_ACCOUNT_NUMBERS.underReview,
    status: "DEPOSIT_UNDER_REVIEW",
    organisation: FIELD_SALES_ORGANISATION,
    description: "DEPOSIT_UNDER_REVIEW, a status clients do not know",
  },
  {
    accountNumber: DEMO_ACCOUNT_NUMBERS.hexDepositRequired,
    status: "DEPOSIT_REQUIRED",
    organisation: FIELD_SALES_ORGANISATION,
    description: "deposit required (hexadecimal account number)",
  },
];

export function findSeedUser(email: string): SeedUser | undefined {
  const normalized = email.trim().toLowerCase();
  return DEMO_USERS.find((user) => user.email === normalized);
}

export function findSeedAccount(
  accountNumber: string,
): SeedAccount | undefined {
  return DEMO_ACCOUNTS.find(
    (account) => account.accountNumber === accountNumber,
  );
}
