import { DEMO_REP } from "../../sandbox/seed";
import { expect, seriousAccessibilityViolations, test } from "./fixtures";

test.describe("sign-in", () => {
  test("signs in and shows the session bar", async ({ app, page }) => {
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByText("Sandbox")).toBeVisible();

    await app.signIn();

    await expect(
      page.getByText(`Signed in as ${DEMO_REP.email}`),
    ).toBeVisible();
    await expect(page.getByRole("banner").getByText("Sandbox")).toBeVisible();
    await expect(
      page.getByRole("status").filter({ hasText: "Online" }),
    ).toBeVisible();
    await expect(app.accountNumberField).toBeFocused();
    await expect(app.accountNumberField).toHaveAttribute(
      "placeholder",
      "A-1A2B3C4D",
    );
  });

  test("wrong password shows the error on the form", async ({ app, page }) => {
    await app.signIn(DEMO_REP.email, "not-the-password");

    const error = page.getByRole("alert");
    await expect(error).toContainText("email or password");
    await expect(app.emailField).toHaveAttribute("aria-invalid", "true");
    await expect(app.passwordField).toHaveValue("");
    await expect(app.accountNumberField).toHaveCount(0);
  });

  test("empty form is rejected without a request", async ({
    app,
    page,
    harness,
  }) => {
    await app.signInButton.click();

    await expect(page.getByRole("alert")).toHaveText(
      "Enter your email and password.",
    );
    expect(harness.requests).not.toContain("session:sign-in");
  });

  test("sign out returns to the sign-in screen", async ({ app, page }) => {
    await app.signInAndWait();

    await page.getByRole("button", { name: "Sign out" }).click();

    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByText("You have signed out.")).toBeVisible();
    await expect(app.accountNumberField).toHaveCount(0);
  });

  test("sign-in screen has no serious axe violations", async ({
    app,
    page,
  }) => {
    await expect(app.signInButton).toBeVisible();

    expect(await seriousAccessibilityViolations(app)).toEqual([]);

    await page.screenshot({ path: "docs/screenshots/sign-in.png" });
  });
});

test.describe("sign-in with a plain-text keychain", () => {
  test.use({ harnessOptions: { storageBackend: "basic_text" } });

  test("explains that the session is not kept", async ({ app, page }) => {
    await expect(app.signInButton).toBeVisible();

    await expect(
      page.getByText("Your session is not kept after you quit"),
    ).toBeVisible();
    await expect(
      page.getByText("keychain stores secrets as plain text"),
    ).toBeVisible();
    expect(await seriousAccessibilityViolations(app)).toEqual([]);
  });
});
