import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/channels';
import { dataDir, PRODUCT_NAME } from '../../../main/settings/data-dir';
import { FakeWebContents, fakeEvent } from './fake-electron';
import { INSTALL_ID, invoke, onlyWindow, registryDirs, settle, start, startReady } from './index-fixtures';

// The composition root, run under a recording stand-in for Electron: each test loads main/index.ts
// afresh (vi.resetModules) against a new fake (vi.doMock; vi.mock's registry survives resetModules).
vi.mock('electron', () => {
  throw new Error('main/index.ts must be loaded through start(), under a fake electron');
});

describe('main/index.ts (the desktop composition root)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    registryDirs.length = 0;
  });

  it('drops the token variables from its environment, so nothing it starts (the browser, a PDF viewer) inherits them', async () => {
    vi.stubEnv('AKLM_TOKEN', 'aklm-token-in-the-app-env');
    vi.stubEnv('GITHUB_TOKEN', 'github-token-in-the-app-env');
    vi.stubEnv('AKLM_DATA_DIR', '/srv/aklm-shared-data');
    await start();
    expect(process.env.AKLM_TOKEN).toBeUndefined();
    expect(process.env.GITHUB_TOKEN).toBeUndefined();
    expect(Object.values(process.env)).not.toContain('aklm-token-in-the-app-env');
    expect(process.env.AKLM_DATA_DIR).toBe('/srv/aklm-shared-data');
  });

  it('first of all: sets userData to the data folder the CLI shares (AKLM_DATA_DIR), before the single-instance lock uses it', async () => {
    vi.stubEnv('AKLM_DATA_DIR', '/srv/aklm-shared-data');
    const fake = await start();
    expect(fake.app.setPath).toHaveBeenCalledTimes(1);
    expect(fake.app.paths.get('userData')).toBe('/srv/aklm-shared-data');
    expect(fake.calls[0]).toBe('app.setPath(userData)');
    expect(fake.calls.indexOf('app.setPath(userData)')).toBeLessThan(
      fake.calls.indexOf('app.requestSingleInstanceLock'),
    );

    fake.becomeReady();
    await settle();
    expect(registryDirs).toEqual(['/srv/aklm-shared-data']);
  });

  it("without AKLM_DATA_DIR: userData is the product's own folder, the one the CLI reads", async () => {
    vi.stubEnv('AKLM_DATA_DIR', '');
    const fake = await start();
    const userData = fake.app.paths.get('userData');
    expect(userData).toBe(dataDir());
    expect(userData?.endsWith(`/${PRODUCT_NAME}`)).toBe(true);
  });

  it('before ready: takes the single-instance lock, enables the sandbox and registers app: as privileged', async () => {
    const fake = await start();
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fake.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
    expect(fake.session.defaultSession.setPermissionRequestHandler).not.toHaveBeenCalled();

    fake.becomeReady();
    await settle();
    const order = fake.calls;
    expect(order.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('ready'));
    expect(order.indexOf('app.enableSandbox')).toBeLessThan(order.indexOf('ready'));
    expect(order.indexOf('app.on(web-contents-created)')).toBeLessThan(order.indexOf('ready'));
    expect(order.indexOf('session.setPermissionRequestHandler')).toBeGreaterThan(order.indexOf('ready'));
    expect(order.indexOf('new BrowserWindow')).toBeGreaterThan(order.indexOf('session.protocol.handle'));
  });

  it('on ready: refuses every permission on the default session', async () => {
    const fake = await startReady();
    const session = fake.session.defaultSession;
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const callback = vi.fn();
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean;
    expect(check()).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(device()).toBe(false);
  });

  it('on ready: serves app:// on the default session with the renderer CSP', async () => {
    const fake = await startReady();
    const handle = fake.session.defaultSession.protocol.handle;
    expect(handle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = handle.mock.calls[0] as unknown as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://renderer/../../package.json'));
    expect(response.status).toBe(404);
  });

  it("on ready: binds exactly the contract's channels and no ipcMain listener", async () => {
    const fake = await startReady();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(fake.ipcMain.on).not.toHaveBeenCalled();
  });

  it('on ready: opens one secure window with the bundled preload beside main, at app://renderer/index.html', async () => {
    const fake = await startReady();
    const window = onlyWindow(fake);
    const preload = String(window.options.webPreferences.preload);
    expect(isAbsolute(preload)).toBe(true);
    // main/index.ts is bundled to dist/main/index.js; the preload is ../preload/index.cjs from there.
    const mainDir = dirname(resolve('main/index.ts'));
    expect(relative(dirname(mainDir), preload)).toBe(join('preload', 'index.cjs'));
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
  });

  it('guards every webContents Electron creates', async () => {
    const fake = await startReady();
    const contents = new FakeWebContents(99);
    fake.app.events.emit('web-contents-created', fakeEvent(), contents);
    const navigation = fakeEvent();
    contents.events.emit('will-navigate', navigation, 'https://evil.example/');
    expect(navigation.defaultPrevented()).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://goauthentik.io/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await settle();
    expect(fake.shell.openExternal.mock.calls).toEqual([['https://goauthentik.io/']]);
  });

  it('refuses IPC from a webContents that is not one of its windows', async () => {
    const fake = await startReady();
    const window = onlyWindow(fake);
    const result = await invoke(fake, 'portal:open-purchase', window.webContents.id + 100, { installId: INSTALL_ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('answers IPC from its window, and stops once that window is closed', async () => {
    const fake = await startReady();
    const window = onlyWindow(fake);
    const result = await invoke(fake, 'portal:open-purchase', window.webContents.id, { installId: INSTALL_ID });
    expect(result).toEqual({
      ok: true,
      value: { url: `https://customers.goauthentik.io/from_authentik/purchase/?install_id=${INSTALL_ID}` },
    });
    expect(fake.shell.openExternal).toHaveBeenCalledTimes(1);
    window.close();
    const after = await invoke(fake, 'portal:open-purchase', window.webContents.id, { installId: INSTALL_ID });
    expect(after).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('focuses the existing window when a second instance starts', async () => {
    const fake = await startReady();
    const window = onlyWindow(fake);
    window.minimized = true;
    fake.app.events.emit('second-instance', fakeEvent(), [], '/');
    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
    expect(fake.windows).toHaveLength(1);
  });

  it('quits at once when another instance holds the lock', async () => {
    const fake = await start({ hasLock: false });
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });

  describe('window lifecycle', () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    const pretendPlatform = (value: string) =>
      Object.defineProperty(process, 'platform', { value, configurable: true });

    beforeEach(() => {
      if (platform === undefined) throw new Error('process.platform has no descriptor');
    });
    afterEach(() => {
      if (platform !== undefined) Object.defineProperty(process, 'platform', platform);
    });

    it('quits when the last window closes on Linux and Windows', async () => {
      pretendPlatform('linux');
      const fake = await startReady();
      onlyWindow(fake).close();
      fake.app.events.emit('window-all-closed');
      expect(fake.app.quit).toHaveBeenCalledTimes(1);
    });

    it('stays running on macOS and reopens the window on activate', async () => {
      pretendPlatform('darwin');
      const fake = await startReady();
      fake.app.events.emit('activate');
      expect(fake.windows).toHaveLength(1);
      onlyWindow(fake).close();
      fake.app.events.emit('window-all-closed');
      expect(fake.app.quit).not.toHaveBeenCalled();
      fake.app.events.emit('activate');
      expect(fake.windows).toHaveLength(2);
      expect(fake.windows[1]?.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
    });
  });

  it('exits with an error instead of hanging windowless when startup fails', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fake = await start();
    fake.session.defaultSession.setPermissionRequestHandler.mockImplementationOnce(() => {
      throw new Error('boom');
    });
    fake.becomeReady();
    await settle();
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(fake.windows).toHaveLength(0);
  });
});
