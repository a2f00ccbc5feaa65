import { describe, expect, it } from 'vitest';
import { retryingVanishedItems, SEARCH_ATTEMPTS } from '../../../main/secrets/vanished-item-retry';

// The messages GNOME Keyring 42 gave through @napi-rs/keyring when an entry was deleted during a search.
const GONE =
  'zbus error: org.freedesktop.DBus.Error.UnknownMethod: Object does not exist at path “/org/freedesktop/secrets/collection/login/7”';
const TORN_DOWN =
  'zbus fdo error: org.freedesktop.DBus.Error.UnknownMethod: No such interface “org.freedesktop.DBus.Properties” on object at path /org/freedesktop/secrets/collection/login/1';

/** A search that fails with each of `failures` in turn, then answers; it counts its tries. */
function search(failures: string[]) {
  let tries = 0;
  return {
    tries: () => tries,
    run: async () => {
      const failure = failures[tries];
      tries += 1;
      if (failure !== undefined) throw new Error(failure);
      return 'found';
    },
  };
}

describe('retryingVanishedItems: a search that met an entry deleted meanwhile is tried again', () => {
  it('answers once a try finds no vanished item', async () => {
    const flaky = search([GONE, TORN_DOWN]);
    await expect(retryingVanishedItems(flaky.run)).resolves.toBe('found');
    expect(flaky.tries()).toBe(3);
  });

  it(`gives up after ${SEARCH_ATTEMPTS} tries with the keychain's own error`, async () => {
    const always = search(Array.from({ length: 10 }, () => GONE));
    await expect(retryingVanishedItems(always.run)).rejects.toThrow(GONE);
    expect(always.tries()).toBe(SEARCH_ATTEMPTS);
  });

  it('does not retry any other failure: a locked keyring is reported at once', async () => {
    const locked = search(['Platform failure: the collection is locked']);
    await expect(retryingVanishedItems(locked.run)).rejects.toThrow('locked');
    expect(locked.tries()).toBe(1);
  });
});
