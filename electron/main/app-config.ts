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
}

export const DEFAULT_EXTERNAL_HTTPS_HOSTS = [
  "octopusenergy.com",
  "www.octopusenergy.com",
];

/** A config file the app cannot use; main shows the message and does not start. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/**
 * Loads the configuration. Any problem in the file stops the app with a message naming the
 * field: silently falling back to defaults could send checks to the wrong Kraken, or show
 * the placeholder waiver number to a rep.
 */
export function loadAppConfig(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): AppConfig {
  const path = join(dataDir, CONFIG_FILE);
  let fromFile: z.infer<typeof configFile> = {};

  let text: string | null = null;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new ConfigError(`Cannot read ${path}: ${String(error)}`);
    }
  }
  if (text !== null) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(
        `${path} is not valid JSON: ${String(error)}. Fix or remove the file.`,
      );
    }
    const parsed = configFile.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join(".") || "(top level)";
      throw new ConfigError(
        `${path} is invalid at ${field}: ${issue?.message ?? "invalid"}.`,
      );
    }
    fromFile = parsed.data;
  }

  const requested = env[API_URL_VARIABLE] ?? fromFile.apiUrl;
  let apiUrl: string = KRAKEN_ENDPOINTS.test;
  if (requested !== undefined) {
    try {
      apiUrl = parseApiUrl(requested);
    } catch (error) {
      throw new ConfigError(
        error instanceof Error ? error.message : String(error),
      );
    }
  }

  return {
    apiUrl,
    guidance: { ...DEFAULT_GUIDANCE_CONFIG, ...fromFile.guidance },
    externalHttpsHosts:
      fromFile.externalHttpsHosts ?? DEFAULT_EXTERNAL_HTTPS_HOSTS,
  };
}
