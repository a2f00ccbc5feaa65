import { existsSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { InstanceRecord } from './instance-record';

/** The key in the data folder's `config.json` that holds the saved instances. */
export const REGISTRY_KEY = 'instances';
/** electron-store's defaults, which `conf` must match to share the app's file. */
export const CONFIG_NAME = 'config';
export const PROJECT_NAME = 'authentik-license-manager';

export type RegistryErrorCode = 'unreadable' | 'corrupt' | 'duplicate_name' | 'not_found' | 'invalid_record';

/** The registry cannot be read or refuses a change; the message says what and where, in words. */
export class RegistryError extends Error {
  override name = 'RegistryError';

  constructor(
    readonly code: RegistryErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Where the registry is kept: the raw `instances` array of the data folder's `config.json`. The desktop
 * app, the CLI, tests and the bridge all use `confRegistryStore`, which writes the tab-indented file
 * electron-store would. Validation is the registry's job, not the store's.
 */
export interface RegistryStore {
  /** The file, for messages. */
  readonly location: string;
  /** The raw `instances` value, unvalidated; undefined when none was ever saved. Throws RegistryError when the file is unreadable. */
  read(): unknown;
  write(instances: readonly InstanceRecord[]): void;
}

/** The registry in `<dir>/config.json` through `conf`, electron-store's base; the file is read on every call, so the app's and the CLI's changes are seen. */
export function confRegistryStore(dir: string): RegistryStore {
  const location = path.join(dir, `${CONFIG_NAME}.json`);
  let conf: Conf<Record<string, unknown>> | undefined;
  const unreadable = (error: unknown): RegistryError => {
    const detail = error instanceof Error ? error.message : String(error);
    const what = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
    return new RegistryError('unreadable', `The settings file ${location} ${what} (${detail}); fix it, or move it away to start with no saved instances.`);
  };
  const open = (): Conf<Record<string, unknown>> => {
    try {
      conf ??= new Conf<Record<string, unknown>>({ cwd: dir, configName: CONFIG_NAME, projectName: PROJECT_NAME });
      return conf;
    } catch (error) {
      throw unreadable(error);
    }
  };
  return {
    location,
    read() {
      // Reading never creates the data folder (conf would): a CLI run with no saved instances leaves no trace.
      if (conf === undefined && !existsSync(location)) return undefined;
      const store = open();
      try {
        return store.get(REGISTRY_KEY);
      } catch (error) {
        throw unreadable(error);
      }
    },
    write(instances) {
      const store = open();
      try {
        store.set(REGISTRY_KEY, instances);
      } catch (error) {
        if (error instanceof SyntaxError) throw unreadable(error);
        const detail = error instanceof Error ? error.message : String(error);
        throw new RegistryError('unreadable', `The settings file ${location} cannot be written (${detail}); check that its folder is writable.`);
      }
    },
  };
}
