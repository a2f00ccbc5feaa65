import { ConfigFileError } from '../settings/config-file';
import { DataLockError } from '../settings/data-lock';
import { settingsFile, warnOnStderr, type RecoveryNotice } from '../settings/settings-file';
import { REGISTRY_KEY } from './stored-instances';

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
  /**
   * Reads the raw `instances` and saves what `change` makes of them, with no other process's write in
   * between (app and CLI alike); `change` returns undefined to save nothing, and may throw to refuse.
   */
  update(change: (instances: unknown) => readonly object[] | undefined): void;
}

/** The file's and the lock's failures as the registry's own, so the app and the CLI report them as before. */
function asRegistryError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ConfigFileError || error instanceof DataLockError)
      throw new RegistryError('unreadable', error.message);
    throw error;
  }
}

/**
 * The registry in `<dir>/config.json`, read afresh on every call so the app's and the CLI's changes are
 * seen. A damaged file is set aside and its last good copy restored; `onRecovered` hears of it in words.
 */
export function confRegistryStore(dir: string, onRecovered: RecoveryNotice = warnOnStderr): RegistryStore {
  const file = settingsFile(dir, onRecovered);
  return {
    location: file.location,
    read: () => asRegistryError(() => file.read()?.[REGISTRY_KEY]),
    update(change) {
      asRegistryError(() =>
        file.update((data) => {
          const instances = change(data[REGISTRY_KEY]);
          return instances === undefined ? undefined : { ...data, [REGISTRY_KEY]: instances };
        }),
      );
    },
  };
}
