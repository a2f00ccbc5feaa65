// The desktop app's composition root: Electron on one side, the app's services and IPC router on the other.
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, clipboard, ipcMain, protocol, session, shell } from 'electron';
import { APP_ORIGIN } from './app-protocol/serve-renderer-file';
import { createHandlers } from './app/create-handlers';
import { fileAuditTrail } from './audit/audit-trail';
import { portalUrlSetting } from './app/portal-url-setting';
import { registerAppScheme, serveAppProtocol } from './electron/app-scheme';
import { bindIpc } from './electron/ipc-binding';
import { createMainWindow } from './electron/main-window';
import { electronBrowser, electronClipboard, electronFileOpener } from './electron/os-ports';
import { guardSession } from './electron/session-guards';
import { guardWebContents } from './electron/web-contents-guards';
import { createEventHub } from './ipc/event-hub';
import { createRouter } from './ipc/router';
import { createSenderPolicy } from './ipc/sender';
import { defaultTrustRoots } from './license/trust-roots';
import { createLog } from './logging/log';
import { fileStatusHistory, statusHistoryDir } from './instances/status-history';
import { createSecretRedactor } from './logging/secret-redactor';
import { confAccountStore } from './portal/account-store';
import { createSystemClock } from './ports/clock';
import { confRegistryStore } from './registry/registry-store';
import { dataFolderVault } from './secrets/data-folder-vault';
import { keyringCallsSettled, keyringSecretStore } from './secrets/keyring-secret-store';
import { rememberingSecretStore } from './secrets/remembering-secret-store';
import { tokenVariables } from './security/token-variables';
import { dataDir } from './settings/data-dir';
import { createDataNotices } from './settings/data-notices';

// This file is bundled to dist/main/index.js; the preload and the renderer build sit beside it.
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

function start(userData: string): void {
  app.enableSandbox();
  registerAppScheme(protocol);

  // Every log entry is redacted: the tokens and keys main has handled, and anything shaped like a key.
  const redactor = createSecretRedactor();
  const log = createLog((text) => console.error(text), redactor);
  const browser = electronBrowser(shell);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, browser, log));

  const windows = new Set<BrowserWindow>();
  const knownIds = new Set<number>();

  function openWindow(): BrowserWindow {
    const window = createMainWindow({ preload: PRELOAD_PATH, log });
    const id = window.webContents.id;
    knownIds.add(id);
    windows.add(window);
    window.on('closed', () => {
      knownIds.delete(id);
      windows.delete(window);
    });
    return window;
  }

  app.on('second-instance', () => {
    const [window] = windows;
    if (window === undefined) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting waits (3 s at most) for keychain calls still in flight: GNOME Keyring 42 aborts when a client
  // leaves in the middle of one, and every other program then finds the keyring gone or locked.
  const keychain = keyringSecretStore();
  let keychainSettled = false;
  app.on('will-quit', (event) => {
    if (keychainSettled) return;
    event.preventDefault();
    void Promise.race([keyringCallsSettled(), new Promise((resolve) => setTimeout(resolve, 3_000))]).finally(() => {
      keychainSettled = true;
      app.quit();
    });
  });

  app
    .whenReady()
    .then(() => {
      guardSession(session.defaultSession);
      serveAppProtocol(session.defaultSession, RENDERER_DIR);
      const hub = createEventHub();
      const portalUrl = portalUrlSetting(process.env);
      const clock = createSystemClock(log);
      const dataNotices = createDataNotices(log);
      // Not electron-store: the same file, without the ipcMain listener electron-store adds, and under the lock the CLI takes too.
      const registryStore = confRegistryStore(userData, dataNotices.report);
      const accountStore = confAccountStore(userData, dataNotices.report);
      // Tokens in the data folder's vault, sealed with a key the keychain holds; a repaired vault is told like a repaired settings file.
      const vault = dataFolderVault({
        dataDir: userData,
        keychain,
        registryStore,
        accountStore,
        report: dataNotices.report,
      });
      const handlers = createHandlers(
        {
          clipboard: electronClipboard(clipboard),
          browser,
          clock,
          emit: hub.emit,
          secrets: rememberingSecretStore(vault, redactor),
          registryStore,
          accountStore,
          dataNotices: dataNotices.list,
          files: electronFileOpener(shell),
          statusHistory: fileStatusHistory(statusHistoryDir(userData), log, clock.now),
          // The trail's newest hash lives in the keychain itself, beside the vault's key, never inside the vault.
          audit: fileAuditTrail(userData, keychain),
        },
        { roots: defaultTrustRoots, portalUrl: () => portalUrl, refreshConcurrency: 8, requestTimeoutMs: 15_000 },
      );
      const router = createRouter({
        handlers,
        isTrusted: createSenderPolicy(APP_ORIGIN, knownIds),
        outputCheck: app.isPackaged ? 'strip' : 'strict',
        // Never log inputs: they may hold license keys.
        onInternalError: (channel, error) => log.error(`IPC ${channel} failed`, error),
      });
      // A request's token or key is known to the log before its handler runs, so no failure can print it.
      const remembering: typeof router = (channel, input, sender) => {
        redactor.rememberRequest(input);
        return router(channel, input, sender);
      };
      bindIpc(ipcMain, remembering, hub, () => windows);
      openWindow();
      app.on('activate', () => {
        if (windows.size === 0) openWindow();
      });
    })
    .catch((error: unknown) => {
      log.error('authentik License Manager could not start', error);
      app.exit(1);
    });
}

// The app reads no token from its environment, and whatever it starts (the browser through shell.openExternal,
// a PDF viewer) inherits this process's: a token the person's shell exported for aklm or anything else goes.
for (const name of tokenVariables(process.env)) Reflect.deleteProperty(process.env, name);

// One data folder for the app and the CLI (AKLM_DATA_DIR overrides it), set before anything uses
// userData: the single-instance lock below lives there, and so do Chromium's own files.
const userData = dataDir();
app.setPath('userData', userData);

if (app.requestSingleInstanceLock()) start(userData);
else app.quit();
