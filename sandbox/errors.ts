import type { GraphQLError } from "graphql";
import { createGraphQLError } from "graphql-yoga";

export type KrakenErrorType =
  | "APPLICATION"
  | "VALIDATION"
  | "NOT_FOUND"
  | "AUTHORIZATION"
  | "SERVICE_AVAILABILITY";

export interface KrakenErrorDefinition {
  readonly code: string;
  readonly type: KrakenErrorType;
  readonly message: string;
  readonly description: string;
}

/** One entry of `extensions.validationErrors`: which input field was rejected and why. */
export interface KrakenValidationError {
  readonly message: string;
  readonly inputPath: readonly string[];
}

/**
 * Errors the sandbox produces. The messages and descriptions of KT-CT-1112, -1134, -1135 and
 * -1605 are those of Kraken's published error reference
 * (developer.octopus.energy/graphql/reference/error-codes). The other descriptions are the
 * sandbox's own. KT-CT-1111 has two entries because Kraken sends it with two messages.
 */
export const KRAKEN_ERRORS = {
  unauthorized: {
    code: "KT-CT-1111",
    type: "AUTHORIZATION",
    message: "Unauthorized.",
    description:
      "The viewer is not authorized to execute this query or mutation.",
  },
  accountOfOtherOrganisation: {
    code: "KT-CT-1111",
    type: "AUTHORIZATION",
    message:
      "You are not authorized to view this account's credit score status.",
    description:
      "The account belongs to an organisation other than the viewer's.",
  },
  authorizationHeaderMissing: {
    code: "KT-CT-1112",
    type: "AUTHORIZATION",
    message: "'Authorization' header not provided.",
    description:
      "You must provide the AUTHORIZATION header while executing the query/mutation.",
  },
  tokenExpired: {
    code: "KT-CT-1124",
    type: "APPLICATION",
    message: "Signature of the JWT has expired.",
    description:
      "The Kraken token has expired. Obtain a new one with obtainKrakenToken.",
  },
  refreshTokenExpired: {
    code: "KT-CT-1134",
    type: "VALIDATION",
    message: "Invalid data.",
    description: "The refresh token has expired.",
  },
  refreshTokenInvalid: {
    code: "KT-CT-1135",
    type: "VALIDATION",
    message: "Invalid data.",
    description: "Please make sure the refresh token is correct.",
  },
  credentialsInvalid: {
    code: "KT-CT-1138",
    type: "VALIDATION",
    message: "Invalid data.",
    description: "Please make sure the email address and password are correct.",
  },
  tokenInvalid: {
    code: "KT-CT-1143",
    type: "AUTHORIZATION",
    message: "Invalid Authorization header.",
    description:
      "The Authorization header does not contain a valid Kraken token.",
  },
  tooManyRequests: {
    code: "KT-CT-1199",
    type: "SERVICE_AVAILABILITY",
    message: "Too many requests.",
    description: "The client has sent too many requests. Wait before retrying.",
  },
  invalidInput: {
    code: "KT-CT-1605",
    type: "VALIDATION",
    message: "Invalid input.",
    description:
      "The necessary information to complete the request is missing from the input, " +
      "or the provided information is invalid.",
  },
  accountNotFound: {
    code: "KT-CT-4177",
    type: "NOT_FOUND",
    message: "Unauthorized.",
    description:
      "No account with this number exists, or the number is not a valid account number.",
  },
} as const satisfies Record<string, KrakenErrorDefinition>;

/** Builds the `extensions` object of a Kraken error. */
export function krakenExtensions(
  definition: KrakenErrorDefinition,
  validationErrors: readonly KrakenValidationError[] = [],
): Record<string, unknown> {
  return {
    errorType: definition.type,
    errorCode: definition.code,
    errorDescription: definition.description,
    validationErrors,
  };
}

/**
 * Creates a GraphQLError in Kraken's shape, for resolvers to throw. graphql-js adds the `path`
 * of the field, and Yoga passes GraphQLErrors through its error masking unchanged.
 *
 * The error comes from Yoga's createGraphQLError, not `new GraphQLError`, because Yoga masks
 * every error that is not an instance of its own copy of graphql-js. Vitest loads the ESM build
 * of `graphql` for project files while Node loads the CommonJS build for Yoga, so a class
 * imported here directly would be a different one.
 */
export function krakenError(
  definition: KrakenErrorDefinition,
  validationErrors: readonly KrakenValidationError[] = [],
): GraphQLError {
  return createGraphQLError(definition.message, {
    extensions: krakenExtensions(definition, validationErrors),
  });
}

/** Builds the JSON of a Kraken error for a response that the sandbox sends without Yoga. */
export function krakenErrorJson(
  definition: KrakenErrorDefinition,
  path: readonly string[] | undefined,
): Record<string, unknown> {
  return {
    message: definition.message,
    ...(path === undefined ? {} : { path }),
    extensions: krakenExtensions(definition),
  };
}
