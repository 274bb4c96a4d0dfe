import { DEMO_ACCOUNT_NUMBERS } from "../../sandbox/seed";
import { expect, seriousAccessibilityViolations, test } from "./fixtures";

const QUEUED_MESSAGE =
  "No connection: the check for A-1000 is queued and runs when the laptop is back online.";

test.describe("offline queue", () => {
  test.beforeEach(async ({ app }) => {
    await app.signInAndWait();
  });

  test("offline check is queued, then synced", async ({
    app,
    harness,
    page,
  }) => {
    harness.sandbox.control.setOffline(true);

    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);

    await expect(app.outcome.getByRole("status")).toContainText(QUEUED_MESSAGE);
    await expect(app.outcome.getByRole("alert")).toHaveCount(0);
    await expect(page.getByRole("banner").getByText("Offline")).toBeVisible();
    expect(await seriousAccessibilityViolations(app)).toEqual([]);
    const item = app.queuePanel
      .getByRole("listitem")
      .filter({ hasText: "A-1000" });
    await expect(item).toContainText("Queued");
    await expect(app.queuePanel).toContainText("1 pending");

    harness.sandbox.control.setOffline(false);
    await app.queuePanel.getByRole("button", { name: "Sync now" }).click();

    await expect(item).toContainText("Done: Deposit required: $300");
    await expect(app.queuePanel).toContainText("0 pending");
    // The queue's result reaches the open card through the Apollo cache, with no new check.
    await expect(app.resultHeading).toHaveText("Deposit required: $300");
    await expect(app.waiverPrompt).toBeVisible();
    await expect(page.getByRole("banner").getByText("Online")).toBeVisible();
  });

  test("offline re-check hides the earlier answer", async ({
    app,
    harness,
  }) => {
    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);
    await expect(app.resultHeading).toHaveText("Deposit required: $300");

    harness.sandbox.control.setOffline(true);
    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);

    await expect(app.outcome.getByRole("status")).toContainText(QUEUED_MESSAGE);
    await expect(app.resultHeading).toHaveCount(0);
  });

  test("queued item can be discarded", async ({ app, harness }) => {
    harness.sandbox.control.setOffline(true);
    await app.check(DEMO_ACCOUNT_NUMBERS.depositNotRequired);
    const item = app.queuePanel
      .getByRole("listitem")
      .filter({ hasText: "A-2000" });
    await expect(item).toContainText("Queued");

    await item.getByRole("button", { name: "Discard A-2000" }).click();

    await expect(item).toHaveCount(0);
    await expect(app.queuePanel).toContainText("Nothing queued");
  });
});

test.describe("offline queue failures", () => {
  test.beforeEach(async ({ app }) => {
    await app.signInAndWait();
  });

  test("failed queued check can be retried", async ({ app, harness }) => {
    harness.sandbox.control.setOffline(true);
    await app.check("A-FFFF");
    const item = app.queuePanel
      .getByRole("listitem")
      .filter({ hasText: "A-FFFF" });
    await expect(item).toContainText("Queued");

    // Back online, the core syncs by itself and Kraken rejects the unknown account.
    harness.sandbox.control.setOffline(false);

    await expect(item).toContainText(
      "Failed: No account with that number was found",
    );
    await expect(item).toContainText("1 attempt");
    const retry = item.getByRole("button", { name: "Retry A-FFFF" });
    await expect(retry).toBeVisible();
    expect(await seriousAccessibilityViolations(app)).toEqual([]);

    const checksBefore = harness.sandbox.control.stats().creditChecks;

    // Online, a retry runs at once, and Kraken rejects the account again.
    await retry.click();

    await expect
      .poll(() => harness.sandbox.control.stats().creditChecks)
      .toBe(checksBefore + 1);
    await expect(item).toContainText(
      "Failed: No account with that number was found",
    );
    await expect(item).toContainText("1 attempt");
  });

  test("expired session pauses the queue", async ({ app, harness, page }) => {
    harness.sandbox.control.setOffline(true);
    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);
    await expect(app.outcome.getByRole("status")).toContainText(QUEUED_MESSAGE);

    harness.sandbox.control.advanceClock(8 * 24 * 60 * 60);
    harness.sandbox.control.setOffline(false);

    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByText("Sign in to sync 1 check.")).toBeVisible();

    await app.signInAndWait();

    const item = app.queuePanel
      .getByRole("listitem")
      .filter({ hasText: "A-1000" });
    await expect(item).toContainText("Done: Deposit required: $300");
  });
});

test.describe("damaged queue file", () => {
  test.use({
    harnessOptions: { queueFileContent: "this is not a queue file\n" },
  });

  test("notice says the queue was set aside", async ({ app }) => {
    await app.signInAndWait();

    await expect(app.queuePanel).toContainText(
      "The saved queue could not be read",
    );
    await expect(app.queuePanel).toContainText("Nothing queued");
  });
});
