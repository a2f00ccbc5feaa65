import { expect, vi } from 'vitest';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { createFakeElectron, type FakeElectron } from './fake-electron';

// Loads the composition root afresh (vi.resetModules) against a new recording stand-in for Electron
// (vi.doMock; vi.mock's registry survives resetModules). Each test file using it keeps its own
// vi.mock('electron') that refuses any other load.

export const INSTALL_ID = '0b1c5e0a-8d0e-4d7e-9a36-7c1f4b0f2a11';
export const settle = () => new Promise((resolve) => setImmediate(resolve));
/** The folders main/index.ts opened the registry in. */
export const registryDirs: string[] = [];

/** A token store that holds nothing and accepts everything. */
export const emptySecrets = (): SecretStore => ({
  get: async () => null,
  set: async () => undefined,
  delete: async () => false,
  accounts: async () => [],
  entries: async () => new Map(),
});

export async function start(options: { hasLock?: boolean; secrets?: SecretStore } = {}): Promise<FakeElectron> {
  const fake = createFakeElectron();
  fake.app.hasLock = options.hasLock ?? true;
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  // The registry, the keychain and the token vault are tested for real elsewhere; here they stand still.
  vi.doMock('../../../main/registry/registry-store', async (original) => ({
    ...(await original<object>()),
    confRegistryStore: (dir: string) => {
      registryDirs.push(dir);
      return { location: `${dir}/config.json`, read: () => [], update: () => undefined };
    },
  }));
  vi.doMock('../../../main/secrets/keyring-secret-store', () => ({ keyringSecretStore: emptySecrets }));
  vi.doMock('../../../main/secrets/data-folder-vault', () => ({
    dataFolderVault: () => options.secrets ?? emptySecrets(),
  }));
  await import('../../../main/index');
  return fake;
}

export async function startReady(options: { secrets?: SecretStore } = {}): Promise<FakeElectron> {
  const fake = await start(options);
  fake.becomeReady();
  await settle();
  return fake;
}

export function onlyWindow(fake: FakeElectron) {
  expect(fake.windows).toHaveLength(1);
  const [window] = fake.windows;
  if (window === undefined) throw new Error('no window');
  return window;
}

export function invoke(fake: FakeElectron, channel: string, senderId: number, input: unknown) {
  const listener = fake.ipcMain.handlers.get(channel);
  if (listener === undefined) throw new Error(`no handler for ${channel}`);
  const mainFrame = { url: 'app://renderer/index.html' };
  return listener({ sender: { id: senderId, mainFrame }, senderFrame: mainFrame }, input);
}
