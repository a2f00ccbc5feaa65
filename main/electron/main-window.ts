import { app, BrowserWindow } from 'electron';
import { APP_ORIGIN } from '../app-protocol/serve-renderer-file';
import type { Log } from '../logging/log';

export const MAIN_WINDOW_TITLE = 'authentik License Manager';
export const MAIN_WINDOW_URL = `${APP_ORIGIN}/index.html`;

/**
 * The app's one window: a sandboxed, context-isolated renderer with no Node, showing only
 * `app://renderer/index.html`. `preload` must be an absolute path to the bundled preload; a page that
 * cannot load is written to `log`. DevTools exist only in development: in the packaged app they would
 * let anyone at the keyboard drive `window.api` (reveal keys, install them) from a console.
 */
export function createMainWindow(options: { preload: string; log: Log }): BrowserWindow {
  const window = new BrowserWindow({
    title: MAIN_WINDOW_TITLE,
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  window
    .loadURL(MAIN_WINDOW_URL)
    .catch((error: unknown) => options.log.error('The main window could not load the app', error));
  return window;
}
