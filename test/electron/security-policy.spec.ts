import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  resolveRendererFile,
  SECURITY_HEADERS,
} from "../../electron/main/app-protocol";
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isAppUrl,
  isPermissionAllowed,
  navigationDecision,
} from "../../electron/main/security-policy";

const HOSTS = ["octopusenergy.com"];

/** Reads the literal `webPreferences` of `new BrowserWindow({...})` in main.ts. */
function mainWindowPreferences(): Record<string, string> {
  const path = join("electron", "main", "main.ts");
  const source = ts.createSourceFile(
    path,
    readFileSync(path, "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: Array<Record<string, string>> = [];

  const visit = (node: ts.Node) => {
    if (
      ts.isNewExpression(node) &&
      node.expression.getText() === "BrowserWindow"
    ) {
      const options = node.arguments?.[0];
      if (options && ts.isObjectLiteralExpression(options)) {
        for (const property of options.properties) {
          if (
            ts.isPropertyAssignment(property) &&
            property.name.getText() === "webPreferences" &&
            ts.isObjectLiteralExpression(property.initializer)
          ) {
            const values: Record<string, string> = {};
            for (const setting of property.initializer.properties) {
              if (!ts.isPropertyAssignment(setting)) {
                throw new Error(
                  `webPreferences must be plain assignments: ${setting.getText()}`,
                );
              }
              values[setting.name.getText()] = setting.initializer.getText();
            }
            found.push(values);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  if (found.length !== 1) {
    throw new Error(
      `Expected one BrowserWindow with literal webPreferences, found ${found.length}`,
    );
  }
  return found[0] as Record<string, string>;
}

describe("window options", () => {
  const preferences = mainWindowPreferences();

  it.each([
    ["contextIsolation", true],
    ["sandbox", true],
    ["nodeIntegration", false],
    ["nodeIntegrationInWorker", false],
    ["nodeIntegrationInSubFrames", false],
    ["webSecurity", true],
    ["allowRunningInsecureContent", false],
    ["experimentalFeatures", false],
    ["webviewTag", false],
    ["navigateOnDragDrop", false],
    ["disableBlinkFeatures", '"Auxclick"'],
  ] as const)("%s is %s", (key, value) => {
    expect(preferences[key]).toBe(String(value));
  });

  it("enables no Blink features", () => {
    expect(preferences).not.toHaveProperty("enableBlinkFeatures");
  });

  it("loads the preload bundle", () => {
    expect(preferences.preload).toContain('"preload.cjs"');
  });
});

describe("content security policy", () => {
  const directives = (policy: string) =>
    new Map(
      policy
        .split(";")
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...values]) => [name ?? "", values.join(" ")]),
    );

  it("allows only the app's own scripts", () => {
    const policy = directives(CONTENT_SECURITY_POLICY);

    expect(policy.get("default-src")).toBe("'none'");
    expect(policy.get("script-src")).toBe("'self'");
    expect(policy.get("connect-src")).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-");
  });

  it("meta tag matches the header", () => {
    const html = readFileSync(join("renderer", "index.html"), "utf8");
    const meta =
      /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
        html,
      )?.[1];
    const header = directives(CONTENT_SECURITY_POLICY);

    expect(meta).toBeDefined();
    for (const [name, value] of directives(meta ?? "")) {
      expect(header.get(name), name).toBe(value);
    }
  });

  it("is sent as a response header", () => {
    expect(SECURITY_HEADERS["content-security-policy"]).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });
});

describe("navigation", () => {
  it.each([
    [APP_ENTRY_URL, "allow"],
    ["app://renderer/index.html#check", "allow"],
    ["tel:+15550100300", "open-external"],
    ["https://octopusenergy.com/help", "open-external"],
    ["https://octopusenergy.com.evil.example/", "deny"],
    ["https://evil.example/?https://octopusenergy.com", "deny"],
    ["https://user:pw@octopusenergy.com/", "deny"],
    ["http://octopusenergy.com/", "deny"],
    ["file:///etc/passwd", "deny"],
    ["javascript:alert(1)", "deny"],
    ["app://renderer.evil/index.html", "deny"],
    ["app://evil/index.html", "deny"],
    ["tel:call-me-maybe", "deny"],
    ["smb://share/x", "deny"],
    ["not a url", "deny"],
  ])("%s is %s", (url, decision) => {
    expect(navigationDecision(url, HOSTS)).toBe(decision);
  });

  it("external allow-list is exact", () => {
    expect(isAllowedExternalUrl("https://octopusenergy.com/", HOSTS)).toBe(
      true,
    );
    expect(isAllowedExternalUrl("https://www.octopusenergy.com/", HOSTS)).toBe(
      false,
    );
  });

  it("app origin is recognised", () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl("https://renderer/")).toBe(false);
  });
});

describe("permissions", () => {
  it.each([
    "media",
    "geolocation",
    "notifications",
    "openExternal",
    "clipboard-read",
    "hid",
    "usb",
  ])("denies %s", (permission) => {
    expect(isPermissionAllowed(permission, APP_ENTRY_URL)).toBe(false);
  });

  it("allows clipboard writes from the app only", () => {
    expect(
      isPermissionAllowed("clipboard-sanitized-write", APP_ENTRY_URL),
    ).toBe(true);
    expect(
      isPermissionAllowed("clipboard-sanitized-write", "https://evil.example/"),
    ).toBe(false);
  });
});

describe("app protocol", () => {
  const root = "/opt/app/renderer";

  it.each([
    ["app://renderer/", "/opt/app/renderer/index.html"],
    ["app://renderer/index.html", "/opt/app/renderer/index.html"],
    ["app://renderer/assets/app.js", "/opt/app/renderer/assets/app.js"],
  ])("serves %s", (url, file) => {
    expect(resolveRendererFile(root, url)).toBe(file);
  });

  it.each([
    "app://renderer/../../etc/passwd",
    "app://renderer/%2e%2e/%2e%2e/etc/passwd",
    "app://renderer/assets/..%2f..%2f..%2fetc/passwd",
    "app://renderer/assets/..%5c..%5c..%5cetc/passwd",
  ])("keeps %s inside the renderer folder", (url) => {
    const file = resolveRendererFile(root, url);

    expect(file === null || file.startsWith(`${root}/`)).toBe(true);
    expect(file ?? "").not.toContain("/opt/app/etc");
  });

  it.each([
    "app://renderer/assets/..%2f..%2f..%2fetc/passwd",
    "app://renderer/%00index.html",
    "app://renderer/%E0%A4%A",
    "app://other/index.html",
    "https://renderer/index.html",
  ])("refuses %s", (url) => {
    expect(resolveRendererFile(root, url)).toBeNull();
  });
});

describe("main process wiring", () => {
  const main = readFileSync(join("electron", "main", "main.ts"), "utf8");

  it.each([
    "requestSingleInstanceLock()",
    "setPermissionRequestHandler",
    "setPermissionCheckHandler",
    '"will-navigate"',
    '"will-redirect"',
    "setWindowOpenHandler",
    '"will-attach-webview"',
    "protocol.handle(APP_PROTOCOL",
    "loadURL(APP_ENTRY_URL)",
  ])("registers %s", (call) => {
    expect(main).toContain(call);
  });

  it("preload exposes no raw ipcRenderer", () => {
    const preload = readFileSync(
      join("electron", "preload", "preload.ts"),
      "utf8",
    );

    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).toContain("createBridge(invoke, subscribe)");
  });
});
