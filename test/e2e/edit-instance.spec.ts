import AxeBuilder from '@axe-core/playwright';
import { expect, screenshot, test } from './fixtures';
import {
  keychainEntry,
  keyFor,
  newInstallId,
  openInstance,
  rowNamed,
  savedId,
  savedInstance,
  savedInstances,
  TOKEN,
  vaultToken,
} from './instance-helpers';

// Each test starts its own bridge, browser and simulators, then walks a whole flow: give it room on a busy machine.
test.describe.configure({ timeout: 60_000 });

const installId = (): string => newInstallId('8d9e0f12-3a4b');

test('renames an instance and replaces its token: the new token is in the token vault, never in the page', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  await savedInstance(app, bridge, 'Rotating', { installId: id, keys: [keyFor(keys, id, 200)] });
  const saved = savedId(bridge, 'Rotating');
  // The token was revoked in authentik and the vault still holds the old one: reads now fail.
  await bridge.vaultEntry(`instance:${saved}`, 'revoked-token');
  await openInstance(app, 'Rotating');
  await app.getByRole('button', { name: 'Refresh' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'Rotating could not be read' })).toBeVisible();

  await app.getByRole('button', { name: 'Edit…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit Rotating' });
  await expect(dialog.getByLabel('Name')).toHaveValue('Rotating');
  await expect(dialog.getByLabel('API token')).toHaveValue('');
  await expect(dialog).toContainText('A token is saved in the token vault; leave empty to keep it.');
  await dialog.getByLabel('Name').fill('Rotated');
  await dialog.getByLabel('API token').fill(TOKEN);
  await expect(dialog.getByRole('button', { name: 'Test and save' })).toBeVisible();
  await screenshot(app, 'edit-instance');
  await dialog.getByRole('button', { name: 'Test and save' }).click();

  await expect(dialog).toHaveCount(0);
  await expect(app.getByRole('heading', { level: 1, name: 'Rotated' })).toBeVisible();
  await expect(app.getByText('Saved Rotated. The new API token is stored in the token vault only.')).toBeVisible();
  await expect(app.getByRole('alert').filter({ hasText: 'could not be read' })).toHaveCount(0);
  expect(vaultToken(bridge, `instance:${saved}`)).toBe(TOKEN);
  expect(keychainEntry(bridge, `instance:${saved}`)).toBeNull();
  expect(savedInstances(bridge).find((instance) => instance.id === saved)?.name).toBe('Rotated');
  await expect(app.locator('body')).not.toContainText(TOKEN);
  await screenshot(app, 'edit-instance-saved');

  await app.getByRole('link', { name: 'All instances' }).click();
  await expect(rowNamed(app, 'Rotated')).toContainText('Valid');
});

test('a token authentik refuses is shown in words and changes nothing', async ({ app, bridge, keys }) => {
  const id = installId();
  await savedInstance(app, bridge, 'Steady', { installId: id, keys: [keyFor(keys, id, 200)] });
  const saved = savedId(bridge, 'Steady');
  await openInstance(app, 'Steady');

  await app.getByRole('button', { name: 'Edit…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit Steady' });
  await dialog.getByLabel('Name').fill('Should not stick');
  await dialog.getByLabel('API token').fill('wrong-token');
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText('Nothing was changed.');
  await expect(refusal).toContainText(/token|authenticat|unauthori[sz]ed|forbidden|refused/i);
  await expect(refusal).not.toContainText('wrong-token');
  await screenshot(app, 'edit-instance-bad-token');

  expect(vaultToken(bridge, `instance:${saved}`)).toBe(TOKEN);
  expect(savedInstances(bridge).find((instance) => instance.id === saved)?.name).toBe('Steady');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Steady' })).toBeVisible();
});

test('moving an instance to an address with another Install ID alerts that its keys stop matching', async ({
  app,
  bridge,
  keys,
}) => {
  const before = installId();
  const after = installId();
  const key = keyFor(keys, before, 200, { name: 'Issued for the old ID' });
  await savedInstance(app, bridge, 'Restored', { installId: before, keys: [key] });
  // The same database restored elsewhere: a new Install ID, the old key still installed.
  const { url } = await bridge.startSim({
    installId: after,
    keys: [key],
    users: { internal: 10, external: 3, internalJoinedLast30Days: 1 },
  });
  await openInstance(app, 'Restored');

  await app.getByRole('button', { name: 'Edit…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit Restored' });
  await dialog.getByLabel('URL').fill(url);
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  await expect(dialog).toHaveCount(0);

  const card = app.getByRole('region', { name: 'Install ID' });
  await expect(card).toContainText(after);
  await expect(card.getByRole('alert')).toContainText(`The Install ID changed. It was ${before}`);
  await expect(
    app.getByRole('region', { name: /Warnings/ }).getByRole('heading', { name: 'The Install ID changed' }),
  ).toBeVisible();
  await expect(app.getByRole('table', { name: 'Licenses' })).toContainText('Key for another installation');
  await screenshot(app, 'edit-instance-install-id-changed');
});

test('checks the fields before anything is sent, and the dialog has no serious accessibility violations', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  await savedInstance(app, bridge, 'Checked', { installId: id, keys: [keyFor(keys, id, 200)] });
  await savedInstance(app, bridge, 'Taken', { installId: installId(), keys: [] });
  await openInstance(app, 'Checked');
  await app.getByRole('button', { name: 'Edit…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit Checked' });

  const { violations } = await new AxeBuilder({ page: app }).include('dialog[open]').analyze();
  expect(
    violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => violation.id),
  ).toEqual([]);

  await dialog.getByLabel('Name').fill('taken');
  await dialog.getByLabel('URL').fill('ftp://auth.example.com');
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('An instance named “taken” already exists');
  await expect(dialog).toContainText('The address starts with https:// (or http://)');
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await screenshot(app, 'edit-instance-problems');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(
    savedInstances(bridge)
      .map((instance) => instance.name)
      .sort(),
  ).toEqual(['Checked', 'Taken']);
});
