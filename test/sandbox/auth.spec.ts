import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_REP, DEMO_VIEWER } from "../../sandbox/seed";
import { startSandbox, type Sandbox } from "../../sandbox/server";
import {
  decodeJwtClaims,
  nowSeconds,
  obtainToken,
  parseIssuedToken,
  signIn,
  singleError,
} from "./kraken-client";

const SEVEN_DAYS = 604800;

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startSandbox();
});

afterEach(async () => {
  await sandbox.close();
});

describe("obtainKrakenToken with email and password", () => {
  it("issues a one-hour JWT and a seven-day refresh token", async () => {
    const before = nowSeconds();
    const issued = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);
    const after = nowSeconds();

    expect(issued.token.split(".")).toHaveLength(3);
    expect(issued.payload.exp - issued.payload.iat).toBe(3600);
    expect(issued.payload.iat).toBeGreaterThanOrEqual(before);
    expect(issued.payload.iat).toBeLessThanOrEqual(after);
    expect(issued.payload.origIat).toBe(issued.payload.iat);
    expect(issued.payload.email).toBe(DEMO_REP.email);
    expect(issued.payload.sub).toBe(`kraken|account-user:${DEMO_REP.id}`);
    expect(issued.refreshToken.length).toBeGreaterThanOrEqual(32);
    expect(issued.refreshExpiresIn).toBeGreaterThanOrEqual(before + SEVEN_DAYS);
    expect(issued.refreshExpiresIn).toBeLessThanOrEqual(after + SEVEN_DAYS);
  });

  it("puts the same claims in the JWT and the payload", async () => {
    const issued = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);

    expect(decodeJwtClaims(issued.token)).toEqual(issued.payload);
  });

  it("signs in the viewer too", async () => {
    const issued = await signIn(
      sandbox.url,
      DEMO_VIEWER.email,
      DEMO_VIEWER.password,
    );

    expect(issued.payload.email).toBe(DEMO_VIEWER.email);
  });

  it("rejects a wrong password with KT-CT-1138", async () => {
    const { status, body } = await obtainToken(sandbox.url, {
      email: DEMO_REP.email,
      password: "wrong-password",
    });
    const error = singleError(body);

    expect(status).toBe(200);
    expect(body.data).toEqual({ obtainKrakenToken: null });
    expect(error.message).toBe("Invalid data.");
    expect(error.path).toEqual(["obtainKrakenToken"]);
    expect(error.extensions?.errorCode).toBe("KT-CT-1138");
    expect(error.extensions?.errorType).toBe("VALIDATION");
    expect(error.extensions?.errorDescription).toMatch(
      /email address and password/,
    );
    expect(error.extensions?.validationErrors).toEqual([]);
  });

  it("rejects an unknown email with KT-CT-1138", async () => {
    const { body } = await obtainToken(sandbox.url, {
      email: "nobody@example.com",
      password: DEMO_REP.password,
    });

    expect(singleError(body).extensions?.errorCode).toBe("KT-CT-1138");
  });

  it("uses the token lifetime set through the control", async () => {
    sandbox.control.setTokenLifetime(60);
    const issued = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);

    expect(issued.payload.exp - issued.payload.iat).toBe(60);
  });
});

describe("obtainKrakenToken with a refresh token", () => {
  it("returns the same refresh token and expiry", async () => {
    const first = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);
    sandbox.control.advanceClock(120);
    const { body } = await obtainToken(sandbox.url, {
      refreshToken: first.refreshToken,
    });
    const refreshed = parseIssuedToken(body);

    expect(body.errors).toBeUndefined();
    expect(refreshed.refreshToken).toBe(first.refreshToken);
    expect(refreshed.refreshExpiresIn).toBe(first.refreshExpiresIn);
    expect(refreshed.token).not.toBe(first.token);
    expect(refreshed.payload.iat).toBeGreaterThanOrEqual(
      first.payload.iat + 120,
    );
    expect(refreshed.payload.exp - refreshed.payload.iat).toBe(3600);
    expect(refreshed.payload.origIat).toBe(first.payload.origIat);
  });

  it("rejects an expired refresh token with KT-CT-1134", async () => {
    const issued = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);
    sandbox.control.advanceClock(SEVEN_DAYS + 1);
    const { body } = await obtainToken(sandbox.url, {
      refreshToken: issued.refreshToken,
    });
    const error = singleError(body);

    expect(body.data).toEqual({ obtainKrakenToken: null });
    expect(error.extensions?.errorCode).toBe("KT-CT-1134");
    expect(error.extensions?.validationErrors?.[0]?.inputPath).toEqual([
      "input",
      "refreshToken",
    ]);
  });

  it("keeps the refresh expiry when refreshed shortly before it", async () => {
    const issued = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);
    sandbox.control.advanceClock(SEVEN_DAYS - 100);
    const refreshed = await obtainToken(sandbox.url, {
      refreshToken: issued.refreshToken,
    });
    sandbox.control.advanceClock(101);
    const expired = await obtainToken(sandbox.url, {
      refreshToken: issued.refreshToken,
    });

    expect(refreshed.body.errors).toBeUndefined();
    expect(singleError(expired.body).extensions?.errorCode).toBe("KT-CT-1134");
  });

  it("rejects an unknown refresh token with KT-CT-1135", async () => {
    const { body } = await obtainToken(sandbox.url, {
      refreshToken: "not-a-refresh-token",
    });
    const error = singleError(body);

    expect(error.message).toBe("Invalid data.");
    expect(error.extensions?.errorCode).toBe("KT-CT-1135");
    expect(error.extensions?.errorType).toBe("VALIDATION");
    expect(error.extensions?.validationErrors?.[0]?.inputPath).toEqual([
      "input",
      "refreshToken",
    ]);
  });

  it("rejects a refresh token of another sandbox with KT-CT-1135", async () => {
    const other = await startSandbox();
    try {
      const issued = await signIn(other.url, DEMO_REP.email, DEMO_REP.password);
      const { body } = await obtainToken(sandbox.url, {
        refreshToken: issued.refreshToken,
      });

      expect(singleError(body).extensions?.errorCode).toBe("KT-CT-1135");
    } finally {
      await other.close();
    }
  });
});

describe("obtainKrakenToken input checks", () => {
  it.each(["APIKey", "organizationSecretKey", "preSignedKey"])(
    "rejects %s as unsupported",
    async (field) => {
      const { body } = await obtainToken(sandbox.url, {
        [field]: "secret-value",
      });
      const error = singleError(body);

      expect(error.extensions?.errorType).toBe("VALIDATION");
      expect(error.extensions?.validationErrors?.[0]?.inputPath).toEqual([
        "input",
        field,
      ]);
      expect(error.extensions?.validationErrors?.[0]?.message).toMatch(
        /not supported/,
      );
    },
  );

  it("rejects credentials and refresh token together", async () => {
    const issued = await signIn(sandbox.url, DEMO_REP.email, DEMO_REP.password);
    const { body } = await obtainToken(sandbox.url, {
      email: DEMO_REP.email,
      password: DEMO_REP.password,
      refreshToken: issued.refreshToken,
    });

    expect(singleError(body).extensions?.errorType).toBe("VALIDATION");
  });

  it("rejects an email without a password", async () => {
    const { body } = await obtainToken(sandbox.url, { email: DEMO_REP.email });
    const error = singleError(body);

    expect(error.extensions?.errorType).toBe("VALIDATION");
    expect(error.extensions?.validationErrors?.[0]?.inputPath).toEqual([
      "input",
      "password",
    ]);
  });

  it("rejects an empty input", async () => {
    const { body } = await obtainToken(sandbox.url, {});

    expect(singleError(body).extensions?.errorType).toBe("VALIDATION");
  });
});
