import AxeBuilder from "@axe-core/playwright";
import { test as base, expect } from "@playwright/test";
import { AppPage } from "./app-page";
import { startHarness, type Harness, type HarnessOptions } from "./harness";

interface Fixtures {
  harnessOptions: HarnessOptions;
  harness: Harness;
  /** The renderer, loaded and wired to a fresh core and sandbox. */
  app: AppPage;
}

export const test = base.extend<Fixtures>({
  harnessOptions: [{}, { option: true }],

  harness: async ({ harnessOptions }, use) => {
    const harness = await startHarness(harnessOptions);
    await use(harness);
    await harness.close();
  },

  app: async ({ page, harness }, use) => {
    await harness.attach(page);
    await page.goto("/");
    await use(new AppPage(page));
  },
});

export { expect };

/** Runs axe-core on the page and returns the serious and critical violations only. */
export async function seriousAccessibilityViolations(
  app: AppPage,
): Promise<string[]> {
  const results = await new AxeBuilder({ page: app.page }).analyze();
  return results.violations
    .filter(
      (violation) =>
        violation.impact === "serious" || violation.impact === "critical",
    )
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`,
    );
}
