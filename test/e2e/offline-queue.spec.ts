import { DEMO_ACCOUNT_NUMBERS } from "../../sandbox/seed";
import { expect, test } from "./fixtures";

const QUEUED_MESSAGE =
  "No connection: the check for A-1000 is queued and runs when the laptop is back online.";

test.describe("offline queue", () => {
  test.beforeEach(async ({ app }) => {
    await app.signInAndWait();
  });

  test("offline check is queued, then answered", async ({
    app,
    harness,
    page,
  }) => {
    harness.sandbox.control.setOffline(true);

    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);

    await expect(app.outcome.getByRole("status")).toContainText(QUEUED_MESSAGE);
    await expect(app.outcome.getByRole("alert")).toHaveCount(0);
    await expect(page.getByRole("banner").getByText("Offline")).toBeVisible();
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
