import type { AsyncEntry, EntryOptions } from '@napi-rs/keyring';
import { KEYCHAIN_SERVICE, KeychainUnavailableError, type SecretStore } from './secret-store';
import { retryingVanishedItems } from './vanished-item-retry';

type Keyring = typeof import('@napi-rs/keyring');

/**
 * Pins Linux to the Secret Service. Without it @napi-rs/keyring silently falls back to the kernel
 * keyring, which forgets every secret on reboot; pinned, an unreachable Secret Service is an error.
 */
export const KEYRING_ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

const HOW_TO_FIX_LINUX = 'install and unlock GNOME Keyring or KWallet, or run inside a desktop session';

/** keyring-rs reports an unusable store as PlatformFailure ("Platform failure: …") or NoStorageAccess ("Couldn't access platform storage: …"); zbus errors come from the credential search. */
const UNAVAILABLE = /^(?:Platform failure|Couldn't access platform|zbus error)|D-?Bus error/i;

/** What an error from @napi-rs/keyring means for the user: a KeychainUnavailableError in words, or the error as it is. */
export function keychainError(error: unknown, platform: NodeJS.Platform = process.platform): Error {
  const detail = error instanceof Error ? error.message : String(error);
  if (!UNAVAILABLE.test(detail)) return error instanceof Error ? error : new Error(detail);
  if (platform !== 'linux') {
    return new KeychainUnavailableError(
      'failure',
      `The OS keychain cannot be used (${detail}); unlock it or allow this app to use it, then try again. Tokens are kept only in the keychain.`,
    );
  }
  if (/org\.freedesktop\.secrets|ServiceUnknown|not provided by any/i.test(detail)) {
    return new KeychainUnavailableError(
      'no-secret-service',
      `No Secret Service is running on the D-Bus session, so there is no keychain for the API tokens: ${HOW_TO_FIX_LINUX}. (${detail})`,
    );
  }
  if (
    /DBUS_SESSION_BUS_ADDRESS|autolaunch|Failed to connect|No such file|Connection refused|session bus/i.test(detail)
  ) {
    return new KeychainUnavailableError(
      'no-session-bus',
      `No D-Bus session bus is reachable, so the keychain (Secret Service) cannot be used: run inside a desktop session, or start a session bus with an unlocked keyring (dbus-run-session, then gnome-keyring-daemon --unlock) and set DBUS_SESSION_BUS_ADDRESS. (${detail})`,
    );
  }
  if (/no result found|locked|prompt|dismiss|Couldn't access platform/i.test(detail)) {
    return new KeychainUnavailableError(
      'locked',
      `The Secret Service keyring is locked or has no default keyring: unlock it (log in to the desktop session, or use Passwords and Keys / Seahorse, or gnome-keyring-daemon --unlock) and try again. (${detail})`,
    );
  }
  return new KeychainUnavailableError(
    'failure',
    `The keychain (Secret Service) failed: ${detail}. Check that GNOME Keyring or KWallet is running and unlocked.`,
  );
}

// One count for the process: a process leaves the bus once, whichever store made the call.
let inFlight = 0;
const waiters: (() => void)[] = [];

/** Counts a keychain call from its start to its end, and wakes keyringCallsSettled() once none is left. */
async function tracked<T>(call: () => Promise<T>): Promise<T> {
  inFlight += 1;
  try {
    return await call();
  } finally {
    inFlight -= 1;
    if (inFlight === 0) for (const wake of waiters.splice(0)) wake();
  }
}

/**
 * Resolves once no keychain call of this process is in flight and none started in the turn after the last
 * one ended (at once when none is). A process waits for it before it exits, after it stopped taking work:
 * GNOME Keyring 42 aborts (SIGTRAP, taking every other client's keyring with it) when a client leaves the
 * bus in the middle of a call.
 */
export async function keyringCallsSettled(): Promise<void> {
  while (inFlight > 0) {
    await new Promise<void>((resolve) => waiters.push(resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The OS keychain through @napi-rs/keyring (keytar's maintained N-API successor), service `authentik-license-manager`. */
export function keyringSecretStore(): SecretStore {
  let binding: Promise<Keyring> | undefined;
  const load = (): Promise<Keyring> =>
    (binding ??= import('@napi-rs/keyring').catch((error: unknown) => {
      binding = undefined;
      const detail = error instanceof Error ? error.message : String(error);
      throw new KeychainUnavailableError(
        'failure',
        `The keychain binding @napi-rs/keyring cannot be loaded on this system (${detail}).`,
      );
    }));
  /** Runs one keychain call; the entry is created inside, since creating it already connects (and can throw). */
  const withEntry = <T>(account: string, work: (entry: AsyncEntry) => Promise<T>): Promise<T> =>
    tracked(async () => {
      const keyring = await load();
      try {
        return await work(new keyring.AsyncEntry(KEYCHAIN_SERVICE, account, KEYRING_ENTRY_OPTIONS));
      } catch (error) {
        throw keychainError(error);
      }
    });
  return {
    get: (account) => withEntry(account, (entry) => entry.getPassword()),
    set: (account, secret) => withEntry(account, (entry) => entry.setPassword(secret)),
    delete: (account) => withEntry(account, (entry) => entry.deleteCredential()),
    async accounts() {
      return [...(await this.entries()).keys()].sort();
    },
    entries: () =>
      tracked(async () => {
        const keyring = await load();
        try {
          const credentials = await retryingVanishedItems(() => keyring.findCredentialsAsync(KEYCHAIN_SERVICE));
          return new Map(credentials.map((credential) => [credential.account, credential.password]));
        } catch (error) {
          throw keychainError(error);
        }
      }),
  };
}
