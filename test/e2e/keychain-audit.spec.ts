import { randomUUID } from 'node:crypto';
import { expect, screenshot, test } from './fixtures';
import { clearKeychainSecret, keychainSecret, keyFor, newInstallId, rowNamed, savedId, savedInstance, storeKeychainSecret, TOKEN } from './instance-helpers';

// Each test starts its own bridge, browser and simulators, then walks a whole flow: give it room on a busy machine.
test.describe.configure({ timeout: 60_000 });

const installId = (): string => newInstallId('2c3d4e5f-6a7b');

test('an instance without a token in the keychain is reported, and Edit puts one back', async ({ app, bridge, keys }) => {
  const id = installId();
  await savedInstance(app, bridge, 'Tokenless', { installId: id, keys: [keyFor(keys, id, 200)] });
  const saved = savedId(bridge, 'Tokenless');
  clearKeychainSecret(`instance:${saved}`, bridge.keychainEnv);

  await app.reload();
  const notice = app.getByRole('region', { name: 'OS keychain' });
  await expect(notice).toContainText('1 saved instance has no API token in the keychain');
  await expect(notice.getByRole('listitem').filter({ hasText: 'Tokenless' })).toBeVisible();
  await screenshot(app, 'keychain-missing-token');

  await notice.getByRole('button', { name: 'Edit Tokenless to enter a token…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit Tokenless' });
  await expect(dialog).toContainText('No token in the keychain — enter one.');
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  await expect(dialog.getByLabel('API token')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('API token').fill(TOKEN);
  await dialog.getByRole('button', { name: 'Test and save' }).click();

  await expect(dialog).toHaveCount(0);
  await expect(app.getByText('Saved Tokenless. The new API token is stored in the OS keychain only.')).toBeVisible();
  expect(keychainSecret(`instance:${saved}`, bridge.keychainEnv)).toBe(TOKEN);
  await expect(notice.getByText('no API token in the keychain')).toHaveCount(0);
  await expect(rowNamed(app, 'Tokenless')).toContainText('Valid');
});

test.describe('in a keychain of its own', () => {
  // Deleting orphaned entries deletes every entry this bridge does not own: safe, as every bridge has a keychain of its own.

  test('keychain entries that belong to no saved instance are reported and deleted after a confirmation', async ({ app, bridge, keys }) => {
    const id = installId();
    await savedInstance(app, bridge, 'Kept', { installId: id, keys: [keyFor(keys, id, 200)] });
    const kept = `instance:${savedId(bridge, 'Kept')}`;
    const orphans = [`instance:${randomUUID()}`, `instance:${randomUUID()}`];
    for (const account of orphans) storeKeychainSecret(account, 'left-behind-token', bridge.keychainEnv);

    await app.reload();
    const notice = app.getByRole('region', { name: 'OS keychain' });
    await expect(notice).toContainText('2 keychain entries belong to no saved instance.');
    await expect(notice).not.toContainText('left-behind-token');
    await screenshot(app, 'keychain-orphans');

    await notice.getByRole('button', { name: 'Delete 2 orphaned keychain entries…' }).click();
    const confirm = app.getByRole('dialog', { name: 'Delete 2 orphaned keychain entries?' });
    for (const account of orphans) await expect(confirm).toContainText(account);
    await expect(confirm).not.toContainText(kept);
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await screenshot(app, 'keychain-orphans-confirm');
    await confirm.getByRole('button', { name: 'Delete 2 entries' }).click();

    await expect(confirm).toHaveCount(0);
    await expect(notice).toContainText('Deleted 2 orphaned keychain entries.');
    await expect(notice.getByRole('button', { name: /orphaned keychain/ })).toHaveCount(0);
    for (const account of orphans) expect(keychainSecret(account, bridge.keychainEnv)).toBeNull();
    expect(keychainSecret(kept, bridge.keychainEnv)).toBe(TOKEN);

    await notice.getByRole('button', { name: 'Dismiss the keychain notice' }).click();
    await expect(notice).toHaveCount(0);
  });
});
