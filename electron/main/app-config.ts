/**
 * Reads the app's configuration: the Kraken URL and the wording compliance may change. Sources,
 * strongest first: environment variables, `config.json` in the data folder, built-in defaults.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import {
  DEFAULT_GUIDANCE_CONFIG,
  type GuidanceConfig,
} from "../../shared/guidance-config";
import { KRAKEN_ENDPOINTS, parseApiUrl } from "../core/api-environment";

export const CONFIG_FILE = "config.json";
export const API_URL_VARIABLE = "FIELD_CREDIT_CHECK_API_URL";
export const DATA_DIR_VARIABLE = "FIELD_CREDIT_CHECK_DATA_DIR";

const configFile = z.strictObject({
  apiUrl: z.string().optional(),
  guidance: z
    .strictObject({
      waiverPhoneNumber: z.string().min(3).max(40),
      depositAmount: z.string().min(1).max(40),
      waiverCallScript: z.string().min(1).max(1_000),
      waiverQualifications: z.array(z.string().min(1).max(500)).max(10),
      depositAlternatives: z.array(z.string().min(1).max(500)).max(10),
      adverseActionReminder: z.string().min(1).max(1_000),
    })
    .partial()
    .optional(),
  externalHttpsHosts: z.array(z.string().min(1).max(253)).max(20).optional(),
});

export interface AppConfig {
  apiUrl: string;
  guidance: GuidanceConfig;
  externalHttpsHosts: string[];
  /** Problems found in the config file; the app starts on defaults and logs them. */
  warnings: string[];
}

export const DEFAULT_EXTERNAL_HTTPS_HOSTS = [
  "octopusenergy.com",
  "www.octopusenergy.com",
];

export function loadAppConfig(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): AppConfig {
  const warnings: string[] = [];
  const path = join(dataDir, CONFIG_FILE);
  let fromFile: z.infer<typeof configFile> = {};

  let text: string | null = null;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    // No config file: defaults apply.
  }
  if (text !== null) {
    try {
      const parsed = configFile.safeParse(JSON.parse(text));
      if (parsed.success) {
        fromFile = parsed.data;
      } else {
        warnings.push(
          `${path} is invalid (${parsed.error.issues[0]?.message}); using defaults.`,
        );
      }
    } catch (error) {
      warnings.push(
        `${path} is not valid JSON (${String(error)}); using defaults.`,
      );
    }
  }

  // An invalid URL stops the app: silently falling back could send a rep's checks elsewhere.
  const requested = env[API_URL_VARIABLE] ?? fromFile.apiUrl;
  const apiUrl =
    requested === undefined ? KRAKEN_ENDPOINTS.test : parseApiUrl(requested);

  return {
    apiUrl,
    guidance: { ...DEFAULT_GUIDANCE_CONFIG, ...fromFile.guidance },
    externalHttpsHosts:
      fromFile.externalHttpsHosts ?? DEFAULT_EXTERNAL_HTTPS_HOSTS,
    warnings,
  };
}
