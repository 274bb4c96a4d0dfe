import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KRAKEN_ENDPOINTS } from "../../electron/core/api-environment";
import { ConfigError, loadAppConfig } from "../../electron/main/app-config";
import { DEFAULT_GUIDANCE_CONFIG } from "../../shared/guidance-config";

describe("loadAppConfig", () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "config-"));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const writeConfig = (text: string) =>
    writeFileSync(join(dataDir, "config.json"), text);

  it("defaults without a file", () => {
    const config = loadAppConfig(dataDir, {});

    expect(config.apiUrl).toBe(KRAKEN_ENDPOINTS.test);
    expect(config.guidance).toEqual(DEFAULT_GUIDANCE_CONFIG);
  });

  it("reads the URL and wording", () => {
    writeConfig(
      JSON.stringify({
        apiUrl: KRAKEN_ENDPOINTS.production,
        guidance: { waiverPhoneNumber: "+1 555 010 7777" },
      }),
    );

    const config = loadAppConfig(dataDir, {});

    expect(config.apiUrl).toBe(KRAKEN_ENDPOINTS.production);
    expect(config.guidance.waiverPhoneNumber).toBe("+1 555 010 7777");
    expect(config.guidance.depositAmount).toBe(
      DEFAULT_GUIDANCE_CONFIG.depositAmount,
    );
  });

  it("environment URL wins over the file", () => {
    writeConfig(JSON.stringify({ apiUrl: KRAKEN_ENDPOINTS.production }));

    const config = loadAppConfig(dataDir, {
      FIELD_CREDIT_CHECK_API_URL: "http://127.0.0.1:4010/v1/graphql/",
    });

    expect(config.apiUrl).toBe("http://127.0.0.1:4010/v1/graphql/");
  });

  it.each([
    [
      "trailing comma",
      '{"apiUrl": "https://api.oeus-kraken.energy/v1/graphql/",}',
      "not valid JSON",
    ],
    ["unknown key", '{"guidence": {}}', "invalid at (top level)"],
    [
      "short phone number",
      '{"guidance": {"waiverPhoneNumber": "12"}}',
      "guidance.waiverPhoneNumber",
    ],
    [
      "plain http remote",
      '{"apiUrl": "http://kraken.invalid/graphql"}',
      "Invalid Kraken API URL",
    ],
    ["not a URL", '{"apiUrl": "kraken"}', "Invalid Kraken API URL"],
  ])("rejects %s", (_name, text, message) => {
    writeConfig(text);

    expect(() => loadAppConfig(dataDir, {})).toThrow(ConfigError);
    expect(() => loadAppConfig(dataDir, {})).toThrow(message);
  });
});
