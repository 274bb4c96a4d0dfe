import { z } from "zod";

export const OBTAIN_KRAKEN_TOKEN = `
  mutation obtainKrakenToken($input: ObtainJSONWebTokenInput!) {
    obtainKrakenToken(input: $input) {
      token
      refreshToken
      refreshExpiresIn
      payload
    }
  }
`;

export const CREDIT_CHECK_STATUS = `
  query creditCheckStatus($accountNumber: String!) {
    creditCheckStatus(accountNumber: $accountNumber) {
      __typename
      status
    }
  }
`;

const krakenErrorSchema = z.object({
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  extensions: z
    .object({
      errorType: z.string().optional(),
      errorCode: z.string().optional(),
      errorDescription: z.string().optional(),
      validationErrors: z
        .array(
          z.object({ message: z.string(), inputPath: z.array(z.string()) }),
        )
        .optional(),
    })
    .optional(),
});

const graphQLBodySchema = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(krakenErrorSchema).optional(),
});

export type KrakenErrorJson = z.infer<typeof krakenErrorSchema>;
export type GraphQLBody = z.infer<typeof graphQLBodySchema>;

const issuedTokenSchema = z.object({
  token: z.string(),
  refreshToken: z.string(),
  refreshExpiresIn: z.number().int(),
  payload: z.object({
    sub: z.string(),
    email: z.string(),
    iat: z.number().int(),
    exp: z.number().int(),
    origIat: z.number().int(),
  }),
});

export type IssuedTokenJson = z.infer<typeof issuedTokenSchema>;

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  authorization?: string;
  signal?: AbortSignal;
}

/** Posts a GraphQL request like a Kraken client does and parses the JSON response. */
export async function postGraphQL(
  url: string,
  request: GraphQLRequest,
): Promise<{ status: number; body: GraphQLBody }> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
  };
  if (request.authorization !== undefined) {
    headers.authorization = request.authorization;
  }
  const response = await fetch(url, {
    method: "POST",
    headers,
    body: JSON.stringify({
      query: request.query,
      variables: request.variables ?? {},
      operationName: request.operationName,
    }),
    signal: request.signal,
  });
  return {
    status: response.status,
    body: graphQLBodySchema.parse(await response.json()),
  };
}

export async function obtainToken(
  url: string,
  input: Record<string, unknown>,
): Promise<{ status: number; body: GraphQLBody }> {
  return postGraphQL(url, {
    query: OBTAIN_KRAKEN_TOKEN,
    variables: { input },
    operationName: "obtainKrakenToken",
  });
}

/** Signs in and returns the issued token fields, failing the test on any error. */
export async function signIn(
  url: string,
  email: string,
  password: string,
): Promise<IssuedTokenJson> {
  const { body } = await obtainToken(url, { email, password });
  if (body.errors !== undefined) {
    throw new Error(
      `Sign-in as ${email} failed: ${JSON.stringify(body.errors)}`,
    );
  }
  return issuedTokenSchema.parse(body.data?.obtainKrakenToken);
}

export function parseIssuedToken(body: GraphQLBody): IssuedTokenJson {
  return issuedTokenSchema.parse(body.data?.obtainKrakenToken);
}

export async function checkCredit(
  url: string,
  accountNumber: string,
  authorization?: string,
): Promise<{ status: number; body: GraphQLBody }> {
  return postGraphQL(url, {
    query: CREDIT_CHECK_STATUS,
    variables: { accountNumber },
    operationName: "creditCheckStatus",
    authorization,
  });
}

/** Returns the only error of a response, failing the test when there is not exactly one. */
export function singleError(body: GraphQLBody): KrakenErrorJson {
  const [error, ...others] = body.errors ?? [];
  if (error === undefined || others.length > 0) {
    throw new Error(
      `Expected exactly one GraphQL error, got ${JSON.stringify(body.errors)}`,
    );
  }
  return error;
}

/** Decodes the claims segment of a JWT without checking its signature. */
export function decodeJwtClaims(token: string): unknown {
  const segment = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
