import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, MAIN_WINDOW_TITLE } from '../../../main/electron/main-window';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const PRELOAD = '/opt/authentik License Manager/resources/app.asar/dist/preload/index.cjs';

function openOne() {
  const returned = createMainWindow({ preload: PRELOAD, log: { error: () => undefined } });
  const window = fake.windows.at(-1);
  if (window === undefined) throw new Error('no BrowserWindow was created');
  expect(returned).toBe(window);
  return window;
}

describe('createMainWindow', () => {
  beforeEach(() => {
    fake.windows.length = 0;
  });

  it('isolates the page: sandboxed, context-isolated, no Node anywhere, web security on (DevTools in development)', () => {
    const window = openOne();
    expect(window.options.webPreferences).toEqual({
      preload: PRELOAD,
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
      devTools: true,
    });
  });

  it('has no DevTools in the packaged app (only in development)', () => {
    fake.app.isPackaged = true;
    try {
      expect(openOne().options.webPreferences.devTools).toBe(false);
    } finally {
      fake.app.isPackaged = false;
    }
    expect(openOne().options.webPreferences.devTools).toBe(true);
  });

  it('loads the app from app://renderer/index.html, never from file://', () => {
    const window = openOne();
    expect(window.loadURL).toHaveBeenCalledTimes(1);
    expect(window.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
    expect(String(window.loadURL.mock.calls[0]?.[0])).not.toMatch(/^file:/);
  });

  it('is titled, sized sensibly, and shown only once its page is ready to show', () => {
    const window = openOne();
    const { title, width, height, minWidth, minHeight, show } = window.options as Record<string, unknown>;
    expect(title).toBe('authentik License Manager');
    expect(MAIN_WINDOW_TITLE).toBe('authentik License Manager');
    expect(show).toBe(false);
    expect(Number(minWidth)).toBeGreaterThanOrEqual(640);
    expect(Number(minHeight)).toBeGreaterThanOrEqual(480);
    expect(Number(width)).toBeGreaterThanOrEqual(Number(minWidth));
    expect(Number(height)).toBeGreaterThanOrEqual(Number(minHeight));
    expect(window.show).not.toHaveBeenCalled();
    window.events.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });
});
