import { describe, expect, it } from "vitest";
import { DEFAULT_GUIDANCE_CONFIG, telUrl } from "../../shared/guidance-config";
import { guidanceFor, guidanceKindFor } from "../../shared/guidance";

describe("guidanceFor", () => {
  it("deposit required shows the waiver prompt", () => {
    const guidance = guidanceFor("DEPOSIT_REQUIRED", DEFAULT_GUIDANCE_CONFIG);

    expect(guidance.kind).toBe("deposit-required");
    expect(guidance.headline).toContain(DEFAULT_GUIDANCE_CONFIG.depositAmount);
    if (guidance.kind !== "deposit-required")
      throw new Error("expected a waiver prompt");
    expect(guidance.waiver.phoneNumber).toBe(
      DEFAULT_GUIDANCE_CONFIG.waiverPhoneNumber,
    );
    expect(guidance.nextStep).toContain("do not promise a waiver");
  });

  it("deposit not required is no deposit", () => {
    const guidance = guidanceFor(
      "DEPOSIT_NOT_REQUIRED",
      DEFAULT_GUIDANCE_CONFIG,
    );

    expect(guidance.kind).toBe("no-deposit");
    expect(guidance.headline).toBe("No deposit required");
  });

  it.each([null, undefined])("%s status is no decision", (status) => {
    const guidance = guidanceFor(status, DEFAULT_GUIDANCE_CONFIG);

    expect(guidance.kind).toBe("no-decision");
    expect(guidance.nextStep).toContain("no credit check on file");
  });

  it.each([
    "DEPOSIT_UNDER_REVIEW",
    "",
    "deposit_not_required",
    "NOT_REQUIRED",
    "DEPOSIT_NOT_REQUIRED ",
  ])("unknown status %j is never no deposit", (status) => {
    const guidance = guidanceFor(status, DEFAULT_GUIDANCE_CONFIG);

    expect(guidance.kind).toBe("no-decision");
    expect(guidance.headline).not.toContain("No deposit required");
    expect(guidance.nextStep).toContain(
      "Do not tell the customer there is no deposit",
    );
  });

  it("uses configured wording", () => {
    const config = {
      ...DEFAULT_GUIDANCE_CONFIG,
      depositAmount: "$250",
      waiverPhoneNumber: "+1 555 010 9999",
    };
    const guidance = guidanceFor("DEPOSIT_REQUIRED", config);

    expect(guidance.headline).toContain("$250");
    if (guidance.kind !== "deposit-required")
      throw new Error("expected a waiver prompt");
    expect(guidance.waiver.phoneNumber).toBe("+1 555 010 9999");
  });

  it("kind table matches statuses", () => {
    expect(guidanceKindFor("DEPOSIT_REQUIRED")).toBe("deposit-required");
    expect(guidanceKindFor("DEPOSIT_NOT_REQUIRED")).toBe("no-deposit");
    expect(guidanceKindFor(null)).toBe("no-decision");
    expect(guidanceKindFor("SOMETHING_NEW")).toBe("no-decision");
  });
});

describe("telUrl", () => {
  it("keeps digits and plus only", () => {
    expect(telUrl("+1 (555) 010-0300")).toBe("tel:+15550100300");
  });
});
