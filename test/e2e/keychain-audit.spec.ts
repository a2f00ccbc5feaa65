import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, screenshot, test } from './fixtures';
import {
  keychainEntry,
  keyFor,
  newInstallId,
  rowNamed,
  savedId,
  savedInstance,
  storeKeychainEntry,
  TOKEN,
  vaultToken,
} from './instance-helpers';

// Each test starts its own bridge, browser and simulators, then walks a whole flow: give it room on a busy machine.
test.describe.configure({ timeout: 60_000 });

const installId = (): string => newInstallId('2c3d4e5f-6a7b');

test('an instance without a token in the vault is reported, and Edit puts one back', async ({ app, bridge, keys }) => {
  const id = installId();
  await savedInstance(app, bridge, 'Tokenless', { installId: id, keys: [keyFor(keys, id, 200)] });
  const saved = savedId(bridge, 'Tokenless');
  await bridge.vaultEntry(`instance:${saved}`, null);

  await app.reload();
  const notice = app.getByRole('region', { name: 'Token vault' });
  await expect(notice).toContainText('1 saved instance has no API token in the vault');
  await expect(notice.getByRole('listitem').filter({ hasText: 'Tokenless' })).toBeVisible();
  await screenshot(app, 'keychain-missing-token');

  await notice.getByRole('button', { name: 'Edit Tokenless to enter a token…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit Tokenless' });
  await expect(dialog).toContainText('No token in the token vault — enter one.');
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  await expect(dialog.getByLabel('API token')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('API token').fill(TOKEN);
  await dialog.getByRole('button', { name: 'Test and save' }).click();

  await expect(dialog).toHaveCount(0);
  await expect(app.getByText('Saved Tokenless. The new API token is stored in the token vault only.')).toBeVisible();
  expect(vaultToken(bridge, `instance:${saved}`)).toBe(TOKEN);
  expect(keychainEntry(bridge, `instance:${saved}`)).toBeNull();
  await expect(notice.getByText('no API token in the vault')).toHaveCount(0);
  await expect(rowNamed(app, 'Tokenless')).toContainText('Valid');
});

test('tokens in the vault that belong to no saved instance are reported and deleted after a confirmation', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  await savedInstance(app, bridge, 'Kept', { installId: id, keys: [keyFor(keys, id, 200)] });
  const kept = `instance:${savedId(bridge, 'Kept')}`;
  const orphans = [`instance:${randomUUID()}`, `instance:${randomUUID()}`];
  for (const account of orphans) await bridge.vaultEntry(account, 'left-behind-token');

  await app.reload();
  const notice = app.getByRole('region', { name: 'Token vault' });
  await expect(notice).toContainText('2 tokens in the vault belong to no saved instance.');
  await expect(notice).not.toContainText('left-behind-token');
  await screenshot(app, 'keychain-orphans');

  await notice.getByRole('button', { name: 'Delete 2 orphaned tokens…' }).click();
  const confirm = app.getByRole('dialog', { name: 'Delete 2 orphaned tokens?' });
  for (const account of orphans) await expect(confirm).toContainText(account);
  await expect(confirm).not.toContainText(kept);
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await screenshot(app, 'keychain-orphans-confirm');
  await confirm.getByRole('button', { name: 'Delete 2 tokens' }).click();

  await expect(confirm).toHaveCount(0);
  await expect(notice).toContainText('Deleted 2 orphaned tokens.');
  await expect(notice.getByRole('button', { name: /orphaned token/ })).toHaveCount(0);
  for (const account of orphans) expect(vaultToken(bridge, account)).toBeNull();
  expect(vaultToken(bridge, kept)).toBe(TOKEN);

  await notice.getByRole('button', { name: 'Dismiss the token vault notice' }).click();
  await expect(notice).toHaveCount(0);
});

test('an instance an older version saved, its token a keychain entry of its own: the app moves the token into the vault and reads the instance', async ({
  page,
  bridge,
  keys,
}) => {
  const id = installId();
  const { url } = await bridge.startSim({
    installId: id,
    keys: [keyFor(keys, id, 200)],
    users: { internal: 10, external: 3, internalJoinedLast30Days: 1 },
  });
  const older = randomUUID();
  // The registry file and the keychain entry as the version before the vault left them; the app has not started on them yet.
  const record = {
    id: older,
    name: 'From before',
    url,
    customer: null,
    tags: [],
    caPem: null,
    lastInstallId: null,
    lastVersion: null,
    lastRefresh: null,
    overCapacitySince: null,
  };
  writeFileSync(join(bridge.dataDir, 'config.json'), JSON.stringify({ instances: [record] }, null, '\t'));
  storeKeychainEntry(bridge, `instance:${older}`, TOKEN);

  await page.addInitScript({ path: 'dist/test-bridge/page-api.js' });
  await page.goto(`${bridge.url}/`);
  await expect(rowNamed(page, 'From before')).toContainText('Valid');
  await expect(page.getByRole('region', { name: 'Token vault' })).toHaveCount(0);
  expect(vaultToken(bridge, `instance:${older}`)).toBe(TOKEN);
  expect(keychainEntry(bridge, `instance:${older}`)).toBeNull();
});
