import { DEMO_ACCOUNT_NUMBERS } from "../../sandbox/seed";
import { expect, seriousAccessibilityViolations, test } from "./fixtures";

test.describe("credit check results", () => {
  test.beforeEach(async ({ app }) => {
    await app.signInAndWait();
  });

  test("deposit required shows the waiver prompt", async ({
    app,
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);

    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);

    await expect(app.resultHeading).toHaveText("Deposit required: $300");
    await expect(app.resultHeading).toBeFocused();
    await expect(app.resultCard).toContainText("Account A-1000");
    await expect(app.waiverPrompt).toBeVisible();

    const phoneLink = app.waiverPrompt.getByRole("link", {
      name: "+1 555 010 0300",
    });
    await expect(phoneLink).toHaveAttribute("href", "tel:+15550100300");
    await expect(app.waiverPrompt).toContainText(
      "I would like to ask whether I qualify",
    );
    await expect(app.waiverPrompt).toContainText("is 65 or older");
    await expect(app.waiverPrompt).toContainText(
      "Choose prepay instead of postpay",
    );
    await expect(app.waiverPrompt).toContainText(
      "written notice explaining the credit decision",
    );
    await expect(app.waiverPrompt).toContainText(
      "We decide after the call; do not promise a waiver.",
    );

    await app.waiverPrompt.getByRole("button", { name: "Copy number" }).click();
    await expect(app.waiverPrompt.getByRole("status")).toHaveText("Copied");
    const clipboard = await page.evaluate(() => {
      const browser = globalThis as typeof globalThis & {
        navigator: { clipboard: { readText(): Promise<string> } };
      };
      return browser.navigator.clipboard.readText();
    });
    expect(clipboard).toBe("+1 555 010 0300");
  });

  test("waiver screen has no serious axe violations", async ({ app, page }) => {
    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);
    await expect(app.waiverPrompt).toBeVisible();

    expect(await seriousAccessibilityViolations(app)).toEqual([]);

    // Moves the pointer off the Check button, so the screenshot shows no hover colour, and
    // scrolls the result card to the top so most of the waiver prompt is in the picture.
    await page.mouse.move(0, 0);
    await app.resultCard.evaluate((card) => card.scrollIntoView());
    await page.screenshot({ path: "docs/screenshots/waiver-prompt.png" });
  });

  test("copy failure is reported", async ({ app, page }) => {
    await page.evaluate(() => {
      const browser = globalThis as typeof globalThis & {
        navigator: { clipboard: { writeText(text: string): Promise<void> } };
      };
      browser.navigator.clipboard.writeText = () =>
        Promise.reject(new Error("denied"));
    });
    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);

    await app.waiverPrompt.getByRole("button", { name: "Copy number" }).click();

    await expect(app.waiverPrompt.getByRole("status")).toContainText(
      "Could not copy",
    );
  });

  test("deposit not required shows no deposit", async ({ app, page }) => {
    await app.check(DEMO_ACCOUNT_NUMBERS.depositNotRequired, "enter");

    await expect(app.resultHeading).toHaveText("No deposit required");
    await expect(app.resultHeading).toBeFocused();
    await expect(app.resultCard).toHaveClass(/result--no-deposit/);
    await expect(app.waiverPrompt).toHaveCount(0);
    expect(await seriousAccessibilityViolations(app)).toEqual([]);

    await page.screenshot({ path: "docs/screenshots/result-no-deposit.png" });
  });

  const undecided = [
    {
      name: "no check on file",
      accountNumber: DEMO_ACCOUNT_NUMBERS.noCreditCheck,
    },
    { name: "unknown status", accountNumber: DEMO_ACCOUNT_NUMBERS.underReview },
  ];
  for (const { name, accountNumber } of undecided) {
    test(`${name} shows no decision`, async ({ app, page }) => {
      await app.check(accountNumber);

      await expect(app.resultHeading).toHaveText("No deposit decision yet");
      await expect(app.resultCard).toHaveClass(/result--no-decision/);
      await expect(app.resultCard).toContainText("No decision");
      await expect(page.getByText("No deposit required")).toHaveCount(0);
      await expect(app.waiverPrompt).toHaveCount(0);
      expect(await seriousAccessibilityViolations(app)).toEqual([]);
    });
  }

  test("lower-case input is normalised", async ({ app }) => {
    await app.check(" a-1a2b3c4d ");

    await expect(app.resultHeading).toHaveText("Deposit required: $300");
    await expect(app.resultCard).toContainText("Account A-1A2B3C4D");
    await expect(app.accountNumberField).toHaveValue("A-1A2B3C4D");
  });

  test("result never mentions a credit score", async ({ app }) => {
    for (const accountNumber of Object.values(DEMO_ACCOUNT_NUMBERS)) {
      await app.check(accountNumber);
      await expect(app.outcome).toContainText(
        new RegExp(`(Account|No result for) ${accountNumber}`),
      );
      await expect(app.page.locator("main")).not.toContainText(/score/i);
    }
  });
});
