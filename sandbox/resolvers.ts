import { readFileSync } from "node:fs";
import {
  valueFromASTUntyped,
  type GraphQLSchema,
  type ValueNode,
} from "graphql";
import { createSchema, type YogaInitialContext } from "graphql-yoga";
import { z } from "zod";
import {
  KRAKEN_ERRORS,
  krakenError,
  type KrakenValidationError,
} from "./errors";
import {
  ACCOUNT_NUMBER_PATTERN,
  CAN_CREATE_ACCOUNTS,
  findSeedAccount,
  type DepositRequirement,
} from "./seed";
import type { SandboxState } from "./state";
import type { IssuedToken, TokenService } from "./tokens";

const SCHEMA_PATH = new URL("./schema.graphql", import.meta.url);

const UNSUPPORTED_METHODS = [
  "APIKey",
  "organizationSecretKey",
  "preSignedKey",
] as const;

const optionalString = z.string().nullish();

const obtainKrakenTokenArgsSchema = z.object({
  input: z.object({
    email: optionalString,
    password: optionalString,
    refreshToken: optionalString,
    APIKey: optionalString,
    organizationSecretKey: optionalString,
    preSignedKey: optionalString,
  }),
});

type TokenInput = z.output<typeof obtainKrakenTokenArgsSchema>["input"];

const creditCheckStatusArgsSchema = z.object({ accountNumber: z.string() });

// A plain object, not a GraphQLScalarType, so that the scalar needs no class from this file's
// copy of graphql-js. See krakenError for why there can be two copies.
const genericScalar = {
  serialize: (value: unknown) => value,
  parseValue: (value: unknown) => value,
  parseLiteral: (
    ast: ValueNode,
    variables?: Parameters<typeof valueFromASTUntyped>[1],
  ) => valueFromASTUntyped(ast, variables),
};

function invalidInput(message: string, field?: string): never {
  const inputPath = field === undefined ? ["input"] : ["input", field];
  const validationErrors: KrakenValidationError[] = [{ message, inputPath }];
  throw krakenError(KRAKEN_ERRORS.invalidInput, validationErrors);
}

/** Routes obtainKrakenToken to sign-in or refresh after checking that one method was chosen. */
function obtainKrakenToken(
  input: TokenInput,
  tokens: TokenService,
  state: SandboxState,
): IssuedToken {
  const unsupported = UNSUPPORTED_METHODS.filter(
    (field) => input[field] != null,
  );
  if (unsupported.length > 0) {
    throw krakenError(
      KRAKEN_ERRORS.invalidInput,
      unsupported.map((field) => ({
        message:
          `Signing in with ${field} is not supported by the sandbox. ` +
          "Use email and password, or refreshToken.",
        inputPath: ["input", field],
      })),
    );
  }

  const { email, password, refreshToken } = input;
  const hasCredentials = email != null || password != null;
  if (refreshToken != null && hasCredentials) {
    invalidInput(
      "Provide either email and password, or refreshToken, not both.",
      "refreshToken",
    );
  }
  if (refreshToken != null) {
    state.stats.refreshes += 1;
    return tokens.refresh(refreshToken);
  }
  if (email == null && password == null) {
    invalidInput("Provide email and password, or refreshToken.");
  }
  if (email == null) {
    invalidInput(
      "The email is missing. Provide it together with the password.",
      "email",
    );
  }
  if (password == null) {
    invalidInput(
      "The password is missing. Provide it together with the email.",
      "password",
    );
  }
  state.stats.signIns += 1;
  return tokens.signIn(email, password);
}

/** Checks the viewer's rights on the account and returns its credit check outcome. */
function creditCheckStatus(
  accountNumber: string,
  authorization: string | null,
  tokens: TokenService,
): { status: DepositRequirement | null } {
  const user = tokens.authenticate(authorization);
  if (!user.permissions.includes(CAN_CREATE_ACCOUNTS)) {
    throw krakenError(KRAKEN_ERRORS.unauthorized);
  }

  const account = ACCOUNT_NUMBER_PATTERN.test(accountNumber)
    ? findSeedAccount(accountNumber)
    : undefined;
  if (account === undefined) {
    throw krakenError(KRAKEN_ERRORS.accountNotFound);
  }
  if (account.organisation !== user.organisation) {
    throw krakenError(KRAKEN_ERRORS.accountOfOtherOrganisation);
  }
  return { status: account.status };
}

/** Loads schema.graphql and binds its resolvers to the sandbox's tokens and counters. */
export function createSandboxSchema(
  tokens: TokenService,
  state: SandboxState,
): GraphQLSchema {
  return createSchema<YogaInitialContext>({
    typeDefs: readFileSync(SCHEMA_PATH, "utf8"),
    resolvers: {
      GenericScalar: genericScalar,
      Query: {
        creditCheckStatus: (
          _parent: unknown,
          args: unknown,
          context: YogaInitialContext,
        ) => {
          state.stats.creditChecks += 1;
          const { accountNumber } = creditCheckStatusArgsSchema.parse(args);
          const authorization = context.request.headers.get("authorization");
          return creditCheckStatus(accountNumber, authorization, tokens);
        },
      },
      Mutation: {
        obtainKrakenToken: (_parent: unknown, args: unknown) => {
          const { input } = obtainKrakenTokenArgsSchema.parse(args);
          return obtainKrakenToken(input, tokens, state);
        },
      },
    },
  });
}
