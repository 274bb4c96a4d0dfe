import { DEMO_ACCOUNT_NUMBERS, DEMO_VIEWER } from "../../sandbox/seed";
import { describeCheckError } from "../../shared/check-errors";
import { expect, test } from "./fixtures";

test.describe("credit check errors", () => {
  test("viewer without rights is not authorized", async ({ app }) => {
    await app.signInAndWait(DEMO_VIEWER.email, DEMO_VIEWER.password);

    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);

    const alert = app.outcome.getByRole("alert");
    await expect(alert).toContainText("No result for A-1000");
    await expect(alert).toContainText("not authorized");
    await expect(app.resultCard).toHaveCount(0);
  });

  test("account of another organisation is not authorized", async ({ app }) => {
    await app.signInAndWait();

    await app.check(DEMO_ACCOUNT_NUMBERS.otherOrganisation);

    await expect(app.outcome.getByRole("alert")).toContainText(
      "not authorized",
    );
    await expect(app.resultCard).toHaveCount(0);
  });

  test("unknown account is not found", async ({ app }) => {
    await app.signInAndWait();

    await app.check("A-FFFF");

    const alert = app.outcome.getByRole("alert");
    await expect(alert).toContainText("No account with that number was found");
    await expect(app.resultCard).toHaveCount(0);
  });

  test("invalid input sends no request", async ({ app, harness, page }) => {
    await app.signInAndWait();
    const checksBefore = harness.sandbox.control.stats().creditChecks;

    await app.check("12345");

    await expect(page.locator("#account-number-error")).toContainText(
      "is not a valid account number",
    );
    await expect(app.accountNumberField).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(app.accountNumberField).toBeFocused();
    await expect(app.resultCard).toHaveCount(0);
    expect(harness.requests).not.toContain("graphql:execute");
    expect(harness.sandbox.control.stats().creditChecks).toBe(checksBefore);
  });

  test("empty input asks for a number", async ({ app, harness, page }) => {
    await app.signInAndWait();

    await app.check("", "enter");

    await expect(page.locator("#account-number-error")).toHaveText(
      "Enter the customer's account number, for example A-1A2B3C4D.",
    );
    expect(harness.requests).not.toContain("graphql:execute");
  });

  test("rate limit shows its message", async ({ app, harness }) => {
    await app.signInAndWait();
    harness.sandbox.control.failNext({ kind: "rate-limit", count: 5 });

    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);

    await expect(app.outcome.getByRole("alert")).toContainText(
      describeCheckError("rate-limited"),
    );
    await expect(app.resultCard).toHaveCount(0);
  });

  test("server error shows its message", async ({ app, harness }) => {
    await app.signInAndWait();
    harness.sandbox.control.failNext({ kind: "http-500", count: 5 });

    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);

    await expect(app.outcome.getByRole("alert")).toContainText(
      describeCheckError("server"),
    );
    await expect(app.resultCard).toHaveCount(0);
  });

  test("expired session returns to sign-in", async ({ app, harness, page }) => {
    await app.signInAndWait();
    // Past both the access token's and the refresh token's lifetime.
    harness.sandbox.control.advanceClock(8 * 24 * 60 * 60);

    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);

    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByText("Your session has expired.")).toBeVisible();

    await app.signInAndWait();
    await app.check(DEMO_ACCOUNT_NUMBERS.depositNotRequired);
    await expect(app.resultHeading).toHaveText("No deposit required");
  });
});
