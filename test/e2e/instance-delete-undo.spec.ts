import { expect, screenshot, test } from './fixtures';
import { keyFor, newInstallId, openInstance, savedInstance } from './instance-helpers';
import { licenseRow } from './instance-page-helpers';

// Each test starts its own bridge, browser and simulators, then walks a whole flow: give it room on a busy machine.
test.describe.configure({ timeout: 60_000 });

const installId = (): string => newInstallId('5e6f7a81-9b0e');

test('Undo in the toast puts a deleted license back, through the install preflight', async ({ app, bridge, keys }) => {
  const id = installId();
  await savedInstance(app, bridge, 'Undoing', {
    installId: id,
    keys: [keyFor(keys, id, 365, { name: 'Main' }), keyFor(keys, id, 100, { name: 'Spare seats', internal_users: 7 })],
  });
  await openInstance(app, 'Undoing');
  await licenseRow(app, 'Spare seats').getByRole('button', { name: 'Delete… Spare seats' }).click();
  const confirm = app.getByRole('dialog', { name: 'Delete the license “Spare seats”?' });
  await confirm.getByRole('button', { name: 'Delete “Spare seats”' }).click();
  await expect(licenseRow(app, 'Spare seats')).toHaveCount(0);

  const toast = app.getByRole('status').filter({ hasText: 'License “Spare seats” deleted' });
  await expect(toast).toBeVisible();
  await screenshot(app, 'instance-license-deleted-undo');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'License “Spare seats” is back on Undoing' })).toBeVisible();
  await expect(licenseRow(app, 'Spare seats')).toBeVisible();
  await expect(licenseRow(app, 'Spare seats')).toContainText('Valid license key');
});

test('Undo past its 10 seconds answers that it is too late, and installs nothing', async ({ app, bridge, keys }) => {
  const id = installId();
  await savedInstance(app, bridge, 'Too late', {
    installId: id,
    keys: [keyFor(keys, id, 365, { name: 'Main' }), keyFor(keys, id, 100, { name: 'Spare seats', internal_users: 7 })],
  });
  await openInstance(app, 'Too late');
  await licenseRow(app, 'Spare seats').getByRole('button', { name: 'Delete… Spare seats' }).click();
  await app
    .getByRole('dialog', { name: 'Delete the license “Spare seats”?' })
    .getByRole('button', { name: 'Delete “Spare seats”' })
    .click();
  const toast = app.getByRole('status').filter({ hasText: 'License “Spare seats” deleted' });
  await expect(toast).toBeVisible();
  // main's clock moves past the window; the toast (on the page's own clock) still offers Undo.
  await bridge.advanceClock(11_000);
  await toast.getByRole('button', { name: 'Undo' }).click();
  const refused = app.getByRole('alert').filter({ hasText: 'License “Spare seats” was not put back' });
  await expect(refused).toBeVisible();
  await refused.getByText('Why?').click();
  await expect(refused).toContainText('Too late to undo');
  await expect(licenseRow(app, 'Spare seats')).toHaveCount(0);
});

test('deleting a license that leaves users uncovered needs consent first', async ({ app, bridge, keys }) => {
  const id = installId();
  await savedInstance(app, bridge, 'Crowded', {
    installId: id,
    internalUsers: 40,
    keys: [
      keyFor(keys, id, 365, { name: 'Main', internal_users: 30 }),
      keyFor(keys, id, 100, { name: 'Extra seats', internal_users: 20 }),
    ],
  });
  await openInstance(app, 'Crowded');
  await licenseRow(app, 'Extra seats').getByRole('button', { name: 'Delete… Extra seats' }).click();
  const confirm = app.getByRole('dialog', { name: 'Delete the license “Extra seats”?' });
  await expect(confirm).toContainText('40 internal users against 30 seats');
  const remove = confirm.getByRole('button', { name: 'Delete “Extra seats”' });
  await expect(remove).toHaveAttribute('aria-disabled', 'true');
  // Pressed anyway (it is only marked unavailable, so it stays focusable): nothing is deleted.
  await remove.dispatchEvent('click');
  await expect(confirm).toBeVisible();
  await expect(licenseRow(app, 'Extra seats')).toBeVisible();
  await screenshot(app, 'instance-delete-consent');

  await confirm.getByLabel('I understand that users on Crowded are left without a license; delete anyway').check();
  await expect(remove).toHaveAttribute('aria-disabled', 'false');
  await remove.click();
  await expect(confirm).toHaveCount(0);
  await expect(licenseRow(app, 'Extra seats')).toHaveCount(0);
});
