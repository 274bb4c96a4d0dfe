import { z } from "zod";

export const FAILURE_KINDS = [
  "reset",
  "http-500",
  "html-403",
  "rate-limit",
  "timeout",
] as const;

/**
 * Responses of injected failures to a GraphQL request:
 * - `reset`: the connection is reset without a response.
 * - `http-500`: HTTP 500 with a plain-text body.
 * - `html-403`: HTTP 403 with an HTML page, as a proxy or firewall sends.
 * - `rate-limit`: HTTP 200 with a KT-CT-1199 error.
 * - `timeout`: no response at all, until the sandbox closes.
 */
export type FailureKind = (typeof FAILURE_KINDS)[number];

export const failureSchema = z
  .object({
    kind: z.enum(FAILURE_KINDS),
    count: z.number().int().positive().default(1),
    /**
     * Only requests with this GraphQL operation name fail; absent means every request. A
     * fixed list, so a misspelt name is rejected instead of never matching.
     */
    operationName: z
      .enum(["obtainKrakenToken", "creditCheckStatus", "connectionProbe"])
      .optional(),
  })
  .strict();

export type FailureRequest = z.input<typeof failureSchema>;

/** Ten years: far past any token lifetime, and small enough to keep dates valid. */
const MAX_CLOCK_STEP_SECONDS = 10 * 365 * 24 * 3600;
/** Ten minutes, like the CLI's --latency limit; setTimeout cannot wait past about 24.8 days. */
const MAX_LATENCY_MS = 600_000;

const seconds = z.number().finite().nonnegative().max(MAX_CLOCK_STEP_SECONDS);
const lifetimeSeconds = z.number().int().positive();

export const controlActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("setOffline"), offline: z.boolean() }).strict(),
  z.object({ action: z.literal("failNext"), failure: failureSchema }).strict(),
  z
    .object({
      action: z.literal("setLatency"),
      ms: z.number().int().nonnegative().max(MAX_LATENCY_MS),
    })
    .strict(),
  z.object({ action: z.literal("advanceClock"), seconds }).strict(),
  z
    .object({ action: z.literal("setTokenLifetime"), seconds: lifetimeSeconds })
    .strict(),
  z
    .object({
      action: z.literal("setRefreshLifetime"),
      seconds: lifetimeSeconds,
    })
    .strict(),
  z.object({ action: z.literal("reset") }).strict(),
]);

/** A validated body of `POST /__sandbox/control`. */
export type ControlAction = z.output<typeof controlActionSchema>;

/** Validates a control body and returns the action, or a message that names what is wrong. */
export function parseControlAction(
  body: unknown,
): { ok: true; action: ControlAction } | { ok: false; message: string } {
  const result = controlActionSchema.safeParse(body);
  if (result.success) {
    return { ok: true, action: result.data };
  }
  return {
    ok: false,
    message: `Invalid control request:\n${z.prettifyError(result.error)}`,
  };
}
