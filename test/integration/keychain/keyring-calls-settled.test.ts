import { expect, test } from 'vitest';
import { keyringCallsSettled, keyringSecretStore } from '../../../main/secrets/keyring-secret-store';
import { requireKeychain, trackedKeychain, uniqueToken } from './keychain-fixtures';

requireKeychain();
const secrets = trackedKeychain();

test('keyringCallsSettled waits for the calls of every store of the process, started before it or in the turn after one ends', async () => {
  const done: string[] = [];
  const account = `settled:${uniqueToken()}`;
  void secrets.set(account, 'first').then(() => {
    done.push('set');
    // Started as the last call ends: still waited for.
    void keyringSecretStore()
      .get(account)
      .then((secret) => void done.push(`get ${secret}`));
  });
  void keyringSecretStore()
    .accounts()
    .then(() => void done.push('accounts'));
  expect(done).toEqual([]);
  await keyringCallsSettled();
  expect(done.sort()).toEqual(['accounts', 'get first', 'set']);
});

test('keyringCallsSettled resolves at once when no call is in flight', async () => {
  await expect(keyringCallsSettled()).resolves.toBeUndefined();
});
