import { readFile } from "node:fs/promises";
import { DEMO_ACCOUNT_NUMBERS } from "../../sandbox/seed";
import { expect, test } from "./fixtures";

const PREVIEW_ORIGIN = "http://127.0.0.1:4173";

test.describe("renderer security", () => {
  test("built page has no inline script or style", async () => {
    const html = await readFile("dist/renderer/index.html", "utf8");

    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  test("content security policy blocks inline script", async ({
    app,
    page,
  }) => {
    await expect(app.signInButton).toBeVisible();

    // Playwright's own evaluate bypasses the page's CSP, but a script element it inserts does not.
    await page
      .addScriptTag({ content: "globalThis.inlineScriptRan = true;" })
      .catch(() => undefined);
    const ran = await page.evaluate(
      () =>
        (globalThis as typeof globalThis & { inlineScriptRan?: boolean })
          .inlineScriptRan,
    );

    expect(ran).toBeUndefined();
  });

  test("renderer sends no HTTP requests of its own", async ({
    app,
    page,
    harness,
  }) => {
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));

    await app.signInAndWait();
    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);
    await expect(app.waiverPrompt).toBeVisible();

    const foreign = requests.filter(
      (url) => !url.startsWith(`${PREVIEW_ORIGIN}/`),
    );
    expect(foreign).toEqual([]);
    expect(
      requests.filter((url) => url.startsWith(harness.sandbox.origin)),
    ).toEqual([]);
    expect(harness.sandbox.control.stats().creditChecks).toBe(1);
  });

  test("screens use no inline style attributes", async ({ app, page }) => {
    await expect(app.signInButton).toBeVisible();
    await expect(page.locator("[style]")).toHaveCount(0);

    await app.signInAndWait();
    await app.check(DEMO_ACCOUNT_NUMBERS.depositRequired);
    await expect(app.waiverPrompt).toBeVisible();

    await expect(page.locator("[style]")).toHaveCount(0);
  });
});
