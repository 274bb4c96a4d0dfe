import { expect, type Locator, type Page } from "@playwright/test";
import { DEMO_REP } from "../../sandbox/seed";

/** The renderer's screens as a rep finds them: by role and label. */
export class AppPage {
  readonly page: Page;
  readonly emailField: Locator;
  readonly passwordField: Locator;
  readonly signInButton: Locator;
  readonly accountNumberField: Locator;
  readonly checkButton: Locator;
  readonly resultCard: Locator;
  readonly resultHeading: Locator;
  readonly waiverPrompt: Locator;
  readonly queuePanel: Locator;
  /** Area below the account-number form: busy state, result card, queued notice or error. */
  readonly outcome: Locator;

  constructor(page: Page) {
    this.page = page;
    this.emailField = page.getByLabel("Email");
    this.passwordField = page.getByLabel("Password");
    this.signInButton = page.getByRole("button", { name: "Sign in" });
    this.accountNumberField = page.getByLabel("Account number");
    this.checkButton = page.getByRole("button", { name: "Check", exact: true });
    this.resultCard = page.getByRole("article");
    this.resultHeading = this.resultCard.getByRole("heading", { level: 2 });
    this.waiverPrompt = page.getByRole("region", { name: "Call for a waiver" });
    this.queuePanel = page.getByRole("complementary", {
      name: "Queued checks",
    });
    this.outcome = page.locator(".check__outcome");
  }

  async signIn(
    email = DEMO_REP.email,
    password = DEMO_REP.password,
  ): Promise<void> {
    await this.emailField.fill(email);
    await this.passwordField.fill(password);
    await this.signInButton.click();
  }

  /** Signs in and waits until the check screen is showing. */
  async signInAndWait(
    email = DEMO_REP.email,
    password = DEMO_REP.password,
  ): Promise<void> {
    await this.signIn(email, password);
    await expect(this.page.getByText(`Signed in as ${email}`)).toBeVisible();
  }

  async check(
    accountNumber: string,
    submit: "button" | "enter" = "button",
  ): Promise<void> {
    await this.accountNumberField.fill(accountNumber);
    if (submit === "enter") {
      await this.accountNumberField.press("Enter");
    } else {
      await this.checkButton.click();
    }
  }
}
