import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  DEMO_ACCOUNT_NUMBERS,
  DEMO_REP,
  DEMO_VIEWER,
  UNKNOWN_ACCOUNT_NUMBER,
} from "../../sandbox/seed";
import { startSandbox, type Sandbox } from "../../sandbox/server";
import {
  checkCredit,
  obtainToken,
  parseIssuedToken,
  signIn,
  singleError,
} from "./kraken-client";

let sandbox: Sandbox;
let repToken: string;

beforeAll(async () => {
  sandbox = await startSandbox();
});

beforeEach(async () => {
  sandbox.control.reset();
  repToken = (await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password))
    .token;
});

afterAll(async () => {
  await sandbox.close();
});

describe("creditCheckStatus for seeded accounts", () => {
  it.each([
    [DEMO_ACCOUNT_NUMBERS.depositRequired, "DEPOSIT_REQUIRED"],
    [DEMO_ACCOUNT_NUMBERS.depositNotRequired, "DEPOSIT_NOT_REQUIRED"],
    [DEMO_ACCOUNT_NUMBERS.noCreditCheck, null],
    [DEMO_ACCOUNT_NUMBERS.underReview, "DEPOSIT_UNDER_REVIEW"],
    [DEMO_ACCOUNT_NUMBERS.hexDepositRequired, "DEPOSIT_REQUIRED"],
  ])("returns the status of %s", async (accountNumber, status) => {
    const { status: httpStatus, body } = await checkCredit(
      sandbox.url,
      accountNumber,
      `JWT ${repToken}`,
    );

    expect(httpStatus).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      creditCheckStatus: { __typename: "CreditCheckStatusType", status },
    });
  });

  it("rejects an account of another organisation with KT-CT-1111", async () => {
    const { body } = await checkCredit(
      sandbox.url,
      DEMO_ACCOUNT_NUMBERS.otherOrganisation,
      `JWT ${repToken}`,
    );
    const error = singleError(body);

    expect(body.data).toEqual({ creditCheckStatus: null });
    expect(error.message).toBe(
      "You are not authorized to view this account's credit score status.",
    );
    expect(error.path).toEqual(["creditCheckStatus"]);
    expect(error.extensions?.errorCode).toBe("KT-CT-1111");
    expect(error.extensions?.errorType).toBe("AUTHORIZATION");
  });

  it.each([UNKNOWN_ACCOUNT_NUMBER, "a-1000", "A-10G0", "1000", "A-", ""])(
    'rejects account number "%s" with KT-CT-4177',
    async (accountNumber) => {
      const { body } = await checkCredit(
        sandbox.url,
        accountNumber,
        `JWT ${repToken}`,
      );
      const error = singleError(body);

      expect(body.data).toEqual({ creditCheckStatus: null });
      expect(error.message).toBe("Unauthorized.");
      expect(error.extensions?.errorCode).toBe("KT-CT-4177");
      expect(error.extensions?.errorType).toBe("NOT_FOUND");
      expect(error.extensions?.validationErrors).toEqual([]);
    },
  );

  it("rejects the viewer without CAN_CREATE_ACCOUNTS with KT-CT-1111", async () => {
    const viewer = await signIn(
      sandbox.url,
      DEMO_VIEWER.email,
      DEMO_VIEWER.password,
    );
    const { body } = await checkCredit(
      sandbox.url,
      DEMO_ACCOUNT_NUMBERS.depositRequired,
      `JWT ${viewer.token}`,
    );
    const error = singleError(body);

    expect(body.data).toEqual({ creditCheckStatus: null });
    expect(error.message).toBe("Unauthorized.");
    expect(error.extensions?.errorCode).toBe("KT-CT-1111");
    expect(error.extensions?.errorType).toBe("AUTHORIZATION");
  });
});

describe("creditCheckStatus authorization header", () => {
  const accountNumber = DEMO_ACCOUNT_NUMBERS.depositRequired;

  it("accepts the bare token", async () => {
    const { body } = await checkCredit(sandbox.url, accountNumber, repToken);

    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      creditCheckStatus: {
        __typename: "CreditCheckStatusType",
        status: "DEPOSIT_REQUIRED",
      },
    });
  });

  it("rejects a missing header with KT-CT-1112", async () => {
    const { body } = await checkCredit(sandbox.url, accountNumber);
    const error = singleError(body);

    expect(body.data).toEqual({ creditCheckStatus: null });
    expect(error.extensions?.errorCode).toBe("KT-CT-1112");
    expect(error.extensions?.errorType).toBe("AUTHORIZATION");
  });

  it.each(["JWT garbage", "garbage", "Bearer token value", "JWT a.b.c"])(
    'rejects "%s" with KT-CT-1143',
    async (authorization) => {
      const { body } = await checkCredit(
        sandbox.url,
        accountNumber,
        authorization,
      );

      expect(singleError(body).extensions?.errorCode).toBe("KT-CT-1143");
    },
  );

  it("rejects a token with a changed claim with KT-CT-1143", async () => {
    const [header, , signature] = repToken.split(".");
    const claims = Buffer.from(
      JSON.stringify({
        sub: "x",
        email: DEMO_REP.email,
        iat: 0,
        exp: 4102444800,
        origIat: 0,
      }),
    ).toString("base64url");
    const { body } = await checkCredit(
      sandbox.url,
      accountNumber,
      `JWT ${header}.${claims}.${signature}`,
    );

    expect(singleError(body).extensions?.errorCode).toBe("KT-CT-1143");
  });

  it("rejects a token of another sandbox with KT-CT-1143", async () => {
    const other = await startSandbox();
    try {
      const foreign = await signIn(
        other.url,
        DEMO_REP.email,
        DEMO_REP.password,
      );
      const { body } = await checkCredit(
        sandbox.url,
        accountNumber,
        `JWT ${foreign.token}`,
      );

      expect(singleError(body).extensions?.errorCode).toBe("KT-CT-1143");
    } finally {
      await other.close();
    }
  });

  it("accepts the token until just before it expires", async () => {
    sandbox.control.advanceClock(3000);
    const { body } = await checkCredit(
      sandbox.url,
      accountNumber,
      `JWT ${repToken}`,
    );

    expect(body.errors).toBeUndefined();
  });

  it("rejects an expired token with KT-CT-1124", async () => {
    sandbox.control.advanceClock(3601);
    const { body } = await checkCredit(
      sandbox.url,
      accountNumber,
      `JWT ${repToken}`,
    );
    const error = singleError(body);

    expect(body.data).toEqual({ creditCheckStatus: null });
    expect(error.message).toBe("Signature of the JWT has expired.");
    expect(error.extensions?.errorCode).toBe("KT-CT-1124");
    expect(error.extensions?.errorType).toBe("APPLICATION");
  });

  it("accepts a refreshed token after the first expired", async () => {
    const issued = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);
    sandbox.control.advanceClock(3601);
    const refreshed = parseIssuedToken(
      (await obtainToken(sandbox.url, { refreshToken: issued.refreshToken }))
        .body,
    );
    const { body } = await checkCredit(
      sandbox.url,
      accountNumber,
      `JWT ${refreshed.token}`,
    );

    expect(body.errors).toBeUndefined();
  });

  it("counts requests in the stats", async () => {
    await checkCredit(sandbox.url, accountNumber, `JWT ${repToken}`);
    await checkCredit(sandbox.url, accountNumber);

    // The sign-in of beforeEach counts too.
    expect(sandbox.control.stats()).toEqual({
      signIns: 1,
      refreshes: 0,
      creditChecks: 2,
      requests: 3,
    });
  });
});
