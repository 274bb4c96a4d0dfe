import { describe, expect, it } from "vitest";
import { syncNotificationText } from "../../electron/main/sync-notification";

const summary = {
  done: 0,
  failed: 0,
  depositRequired: 0,
  stillPending: 0,
  pausedForSignIn: false,
};

describe("syncNotificationText", () => {
  it.each([
    [{ done: 1 }, "1 check synced"],
    [{ done: 3, depositRequired: 1 }, "3 checks synced: 1 deposit required"],
    [
      { done: 2, failed: 1, stillPending: 2 },
      "2 checks synced: 1 failed, 2 still queued",
    ],
  ])("summarises %j", (counts, text) => {
    expect(syncNotificationText({ ...summary, ...counts })).toBe(text);
  });
});
