import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/channels';
import { defaultTrustRoots } from '../../../main/license/trust-roots';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { dataDir, PRODUCT_NAME } from '../../../main/settings/data-dir';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { createTestPki } from '../../pki/test-pki';
import { startAuthentikSim } from '../../sim/authentik';
import { createFakeElectron, FakeWebContents, fakeEvent, type FakeElectron } from './fake-electron';

// The composition root, run under a recording stand-in for Electron: each test loads main/index.ts
// afresh (vi.resetModules) against a new fake (vi.doMock; vi.mock's registry survives resetModules).
vi.mock('electron', () => {
  throw new Error('main/index.ts must be loaded through start(), under a fake electron');
});

const INSTALL_ID = '0b1c5e0a-8d0e-4d7e-9a36-7c1f4b0f2a11';
const settle = () => new Promise((resolve) => setImmediate(resolve));
/** The folders main/index.ts opened the registry in. */
const registryDirs: string[] = [];

/** A keychain that holds nothing and accepts everything. */
const emptyKeychain = (): SecretStore => ({ get: async () => null, set: async () => undefined, delete: async () => false, accounts: async () => [], entries: async () => new Map() });

async function start(options: { hasLock?: boolean; keychain?: SecretStore } = {}): Promise<FakeElectron> {
  const fake = createFakeElectron();
  fake.app.hasLock = options.hasLock ?? true;
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  // The registry and the keychain are tested for real elsewhere; here they stand still.
  vi.doMock('../../../main/registry/registry-store', async (original) => ({
    ...(await original<object>()),
    confRegistryStore: (dir: string) => {
      registryDirs.push(dir);
      return { location: `${dir}/config.json`, read: () => [], write: () => undefined };
    },
  }));
  vi.doMock('../../../main/secrets/keyring-secret-store', () => ({ keyringSecretStore: () => options.keychain ?? emptyKeychain() }));
  await import('../../../main/index');
  return fake;
}

async function startReady(options: { keychain?: SecretStore } = {}): Promise<FakeElectron> {
  const fake = await start(options);
  fake.becomeReady();
  await settle();
  return fake;
}

function onlyWindow(fake: FakeElectron) {
  expect(fake.windows).toHaveLength(1);
  const [window] = fake.windows;
  if (window === undefined) throw new Error('no window');
  return window;
}

function invoke(fake: FakeElectron, channel: string, senderId: number, input: unknown) {
  const listener = fake.ipcMain.handlers.get(channel);
  if (listener === undefined) throw new Error(`no handler for ${channel}`);
  const mainFrame = { url: 'app://renderer/index.html' };
  return listener({ sender: { id: senderId, mainFrame }, senderFrame: mainFrame }, input);
}

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
    expect(fake.calls.indexOf('app.setPath(userData)')).toBeLessThan(fake.calls.indexOf('app.requestSingleInstanceLock'));

    fake.becomeReady();
    await settle();
    expect(registryDirs).toEqual(['/srv/aklm-shared-data']);
  });

  it('without AKLM_DATA_DIR: userData is the product\'s own folder, the one the CLI reads', async () => {
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
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
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

  it('on ready: binds exactly the contract\'s channels and no ipcMain listener', async () => {
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
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
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
    expect(result).toEqual({ ok: true, value: { url: `https://customers.goauthentik.io/from_authentik/purchase/?install_id=${INSTALL_ID}` } });
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
    const pretendPlatform = (value: string) => Object.defineProperty(process, 'platform', { value, configurable: true });

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

describe('main/index.ts: the log never shows a token or a license key', () => {
  const TOKEN = 'ak-sentinel-token-3f9c2e7a1b5d4c8e9f0a';

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** What the app wrote to its log (stderr), as text. */
  function captureLog(): () => string {
    const written = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    return () => written.mock.calls.map((args) => args.map(String).join(' ')).join('\n');
  }

  it('a handler failing with the token in its error message and cause logs the failure, not the token', async () => {
    const sim = await startAuthentikSim({ roots: defaultTrustRoots().certificates, tokens: { [TOKEN]: { viewLicense: true } } });
    try {
      // A keychain binding that echoes what it was given when it fails, as some libraries do.
      const keychain: SecretStore = {
        ...emptyKeychain(),
        set: async (account, secret) => {
          throw new Error(`the Secret Service refused "${secret}" for ${account}`, { cause: new Error(`item ${secret} is locked`) });
        },
      };
      const log = captureLog();
      const fake = await startReady({ keychain });
      const window = onlyWindow(fake);
      const result = await invoke(fake, 'instances:add', window.webContents.id, { name: 'Prod', url: sim.url, token: TOKEN, customer: null, tags: [], caPem: null });

      expect(result).toMatchObject({ ok: false, error: { code: 'internal_error' } });
      expect(JSON.stringify(result)).not.toContain(TOKEN);
      expect(log()).toContain('IPC instances:add failed');
      expect(log()).toContain('the Secret Service refused "[redacted]"');
      expect(log()).toContain('item [redacted] is locked');
      expect(log()).not.toContain(TOKEN);
    } finally {
      await sim.close();
    }
  });

  it('a handler failing with the license key in its error logs the failure, not the key', async () => {
    const pki = await createTestPki();
    const key = mintKey({ signer: pki.signerP384, intermediate: pki.intermediate, claims: licenseClaims(INSTALL_ID, 1_900_000_000) });
    const log = captureLog();
    const fake = await startReady();
    const window = onlyWindow(fake);
    // The system clipboard fails, and its error holds the text it was asked to copy.
    fake.clipboard.writeText.mockImplementation((text: string) => Promise.reject(new Error(`the clipboard is busy; not written: ${text}`)));

    const verdict = (await invoke(fake, 'license:verify-key', window.webContents.id, { key, installId: null })) as { ok: true; value: { fingerprint: string } };
    const copied = await invoke(fake, 'license:copy-key', window.webContents.id, { fingerprint: verdict.value.fingerprint });

    expect(copied).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(log()).toContain('IPC license:copy-key failed');
    expect(log()).toContain('not written: [redacted');
    for (const part of key.split('.')) expect(log()).not.toContain(part);
  });
});
