import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What GNOME Keyring answers when a search reads an item that another client deleted after the search
 * listed it: the item's object path no longer exists ("Object does not exist at path …", or "No such
 * interface … on object at path …" while it is being torn down).
 */
const VANISHED_ITEM = /Object does not exist at path|No such interface .* on object at path|UnknownObject/i;

/** How often a search is tried, and the first pause between tries (doubled each time). */
export const SEARCH_ATTEMPTS = 5;
const FIRST_PAUSE_MS = 10;

/**
 * Runs a keychain search again when it failed only because an item vanished in the middle of it, which
 * says nothing about the keychain but that someone deleted an entry just then. Any other failure, or the
 * same one on every try, is thrown as it came.
 */
export async function retryingVanishedItems<T>(search: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await search();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      if (attempt >= SEARCH_ATTEMPTS || !VANISHED_ITEM.test(detail)) throw error;
      await sleep(FIRST_PAUSE_MS * 2 ** (attempt - 1));
    }
  }
}
