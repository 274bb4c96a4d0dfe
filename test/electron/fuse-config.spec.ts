import { FuseV1Options } from "@electron/fuses";
import { describe, expect, it } from "vitest";
import { fuseConfig } from "../../scripts/fuse-config";

describe("fuseConfig", () => {
  it.each(["release", "test"] as const)("%s build locks down Node", (kind) => {
    const fuses = fuseConfig(kind);

    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(
      false,
    );
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(
      true,
    );
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it("release build disables inspect", () => {
    expect(
      fuseConfig("release")[FuseV1Options.EnableNodeCliInspectArguments],
    ).toBe(false);
  });

  it("test build keeps inspect for Playwright", () => {
    expect(
      fuseConfig("test")[FuseV1Options.EnableNodeCliInspectArguments],
    ).toBe(true);
  });

  it("builds differ only in inspect", () => {
    const release = fuseConfig("release");
    const test = fuseConfig("test");
    const differing = Object.keys(release).filter(
      (key) =>
        release[key as keyof typeof release] !== test[key as keyof typeof test],
    );

    expect(differing).toEqual([
      String(FuseV1Options.EnableNodeCliInspectArguments),
    ]);
  });
});
