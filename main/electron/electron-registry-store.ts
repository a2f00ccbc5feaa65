import Store from 'electron-store';
import type { InstanceRecord } from '../registry/instance-record';
import { CONFIG_NAME, REGISTRY_KEY, RegistryError, type RegistryStore } from '../registry/registry-store';

/**
 * The registry in the desktop app, on electron-store: the same `config.json` in the same data folder
 * that `conf` reads in the CLI, so `aklm status --instance NAME` sees what the app saved. Its errors
 * (a damaged file throws on open and on read) become RegistryErrors that name the file.
 */
export function electronRegistryStore(dataDir: string): RegistryStore {
  const location = `${dataDir}/${CONFIG_NAME}.json`;
  let store: Store<Record<string, unknown>> | undefined;
  const guarded = <T>(what: string, work: (opened: Store<Record<string, unknown>>) => T): T => {
    try {
      store ??= new Store<Record<string, unknown>>({ cwd: dataDir, name: CONFIG_NAME });
      return work(store);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new RegistryError('unreadable', `The settings file ${location} cannot be ${what} (${detail}); fix it, or move it away to start with no saved instances.`);
    }
  };
  return {
    location,
    read: () => guarded('read', (opened) => opened.get(REGISTRY_KEY)),
    write: (instances: readonly InstanceRecord[]) => guarded('written', (opened) => opened.set(REGISTRY_KEY, instances)),
  };
}
