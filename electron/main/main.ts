/**
 * Electron main: thin glue that registers the security handlers, serves the renderer from
 * `app://renderer`, and routes IPC to the core. The decisions live in plain modules beside it.
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  Notification,
  powerMonitor,
  protocol,
  session as electronSession,
  shell,
} from "electron";
import log from "electron-log/main";
import Store from "electron-store";
import {
  IPC_REQUEST_CHANNELS,
  type IpcEventChannel,
} from "../../shared/ipc-contract";
import { createAppServices, type AppServices } from "../core/app-services";
import type { Logger } from "../core/logger";
import { QueueLockedError } from "../core/queue/queue-lock";
import { ConfigError, DATA_DIR_VARIABLE, loadAppConfig } from "./app-config";
import {
  contentTypeFor,
  resolveRendererFile,
  SECURITY_HEADERS,
} from "./app-protocol";
import { createIpcRouter } from "./ipc-router";
import { safeStorageCipher } from "./safe-storage-cipher";
import {
  APP_ENTRY_URL,
  APP_PROTOCOL,
  isAppUrl,
  isPermissionAllowed,
  navigationDecision,
} from "./security-policy";
import { syncNotificationText } from "./sync-notification";

const NETWORK_POLL_MS = 10_000;

const logger: Logger = {
  info: (message, fields) => log.info(message, fields ?? ""),
  warn: (message, fields) => log.warn(message, fields ?? ""),
  error: (message, fields) => log.error(message, fields ?? ""),
};

const dataDirOverride = process.env[DATA_DIR_VARIABLE];
if (dataDirOverride) {
  app.setPath("userData", dataDirOverride);
}

// `standard` gives app://renderer a real origin, so the bundle's module scripts load as
// same-origin. NOTE: only the Playwright Electron test loads the window in real Electron, and
// it is skipped where the binary is not installed.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_PROTOCOL, privileges: { standard: true, secure: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on("second-instance", () => focusWindow());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;

function focusWindow(): void {
  if (mainWindow) {
    if (mainWindow.isMinimized()) {
      mainWindow.restore();
    }
    mainWindow.focus();
  }
}

async function start(): Promise<void> {
  // NOTE: log.initialize() is left out on purpose: it would add electron-log's own preload and
  // an IPC channel without sender checks to every renderer. Only main writes logs.
  const dataDir = app.getPath("userData");
  const config = loadAppConfig(dataDir);
  logger.info("app starting", {
    version: app.getVersion(),
    api: config.apiUrl,
  });

  const rendererRoot = join(__dirname, "..", "renderer");
  protocol.handle(APP_PROTOCOL, (request) =>
    serveRendererFile(rendererRoot, request.url),
  );
  hardenSessions(config.externalHttpsHosts);

  services = createAppServices({
    apiUrl: config.apiUrl,
    dataDir,
    cipher: safeStorageCipher,
    store: new Store({ name: "session", clearInvalidConfig: true }),
    guidance: config.guidance,
    logger,
    onSyncFinished: (summary) => {
      if (Notification.isSupported()) {
        new Notification({
          title: "Field Credit Check",
          body: syncNotificationText(summary),
        }).show();
      }
    },
  });
  const router = createIpcRouter(services, {
    isTrustedSender: isAppUrl,
    logger,
  });

  for (const channel of IPC_REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      router.dispatch(
        channel,
        payload,
        event.senderFrame ? { url: event.senderFrame.url } : null,
      ),
    );
  }
  router.onEvent((channel: IpcEventChannel, payload) => {
    mainWindow?.webContents.send(channel, payload);
  });

  watchConnectivity(services);
  createWindow();
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 560,
    title: "Field Credit Check",
    show: false,
    // Written out here rather than built elsewhere so that reviewers and Electronegativity
    // see every setting; test/electron reads this literal and checks each value.
    webPreferences: {
      preload: join(__dirname, "preload.cjs"),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: "Auxclick",
      spellcheck: false,
      safeDialogs: true,
    },
  });
  mainWindow.once("ready-to-show", () => mainWindow?.show());
  mainWindow.on("closed", () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_ENTRY_URL);
}

/** Denies permissions, navigation, new windows and webviews for every web contents. */
function hardenSessions(externalHttpsHosts: readonly string[]): void {
  const defaultSession = electronSession.defaultSession;
  defaultSession.setPermissionRequestHandler(
    (webContents, permission, callback) => {
      callback(isPermissionAllowed(permission, webContents.getURL()));
    },
  );
  defaultSession.setPermissionCheckHandler((webContents, permission) =>
    isPermissionAllowed(permission, webContents?.getURL() ?? ""),
  );

  app.on("web-contents-created", (_event, contents) => {
    const route = (url: string) => {
      const decision = navigationDecision(url, externalHttpsHosts);
      if (decision === "open-external") {
        void shell.openExternal(url);
      } else if (decision === "deny") {
        logger.warn("navigation blocked", { url: url.slice(0, 200) });
      }
      return decision;
    };
    contents.on("will-navigate", (event, url) => {
      if (route(url) !== "allow") {
        event.preventDefault();
      }
    });
    contents.on("will-redirect", (event, url) => {
      if (!isAppUrl(url)) {
        event.preventDefault();
      }
    });
    contents.setWindowOpenHandler(({ url }) => {
      route(url);
      return { action: "deny" };
    });
    contents.on("will-attach-webview", (event) => event.preventDefault());
  });
}

async function serveRendererFile(
  rendererRoot: string,
  url: string,
): Promise<Response> {
  const file = resolveRendererFile(rendererRoot, url);
  if (file === null) {
    return new Response("Not found", {
      status: 404,
      headers: SECURITY_HEADERS,
    });
  }
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: { ...SECURITY_HEADERS, "content-type": contentTypeFor(file) },
    });
  } catch {
    return new Response("Not found", {
      status: 404,
      headers: SECURITY_HEADERS,
    });
  }
}

/** Probes Kraken on start, after sleep and whenever the system's online flag changes. */
function watchConnectivity(appServices: AppServices): void {
  void appServices.connection.probe(!net.isOnline());
  powerMonitor.on(
    "resume",
    () => void appServices.connection.probe(!net.isOnline()),
  );

  let wasOnline = net.isOnline();
  const timer = setInterval(() => {
    const online = net.isOnline();
    if (online !== wasOnline) {
      wasOnline = online;
      void appServices.connection.probe(!online);
    }
  }, NETWORK_POLL_MS);
  app.on("before-quit", () => {
    clearInterval(timer);
    appServices.close();
  });
}

function fail(error: unknown): void {
  const message =
    error instanceof QueueLockedError || error instanceof ConfigError
      ? error.message
      : `Field Credit Check could not start: ${error instanceof Error ? error.message : String(error)}`;
  logger.error("start failed", { error: message });
  dialog.showErrorBox("Field Credit Check", message);
  app.exit(1);
}
