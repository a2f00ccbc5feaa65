import { expect, screenshot, test } from './fixtures';
import {
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
import { licenseRow, licenses } from './instance-page-helpers';

// Each test starts its own bridge, browser and simulators, then walks a whole flow: give it room on a busy machine.
test.describe.configure({ timeout: 60_000 });

const installId = (): string => newInstallId('5e6f7a81-9b0d');

test('installs a key from the instance’s page through the preflight, and the status changes', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  await savedInstance(app, bridge, 'Renewal due', {
    installId: id,
    keys: [keyFor(keys, id, 10, { name: 'Ending soon' })],
  });
  await openInstance(app, 'Renewal due');
  const status = app.getByRole('region', { name: 'Status' });
  await expect(status).toContainText('Expiring soon');
  await expect(licenses(app).getByRole('row')).toHaveCount(2);

  await app
    .getByRole('group', { name: 'Actions on Renewal due' })
    .getByRole('button', { name: 'Install a key…' })
    .click();
  const dialog = app.getByRole('dialog', { name: 'Install a license on Renewal due' });
  await dialog.getByLabel('License key', { exact: true }).fill(keyFor(keys, id, 365, { name: 'Next year' }));
  await dialog.getByRole('button', { name: 'Check' }).click();
  // The decision first: one verdict line with what changes, the checks collapsed, the details behind a disclosure.
  await expect(
    dialog.getByRole('heading', { name: /^Ready to install on Renewal due: expiry .+ → .+, seats 50 → 100/ }),
  ).toBeVisible();
  await expect(dialog.locator('details.install-checks summary')).toHaveText('6 of 6 checks passed');
  await expect(dialog.locator('[data-state="passed"]')).toHaveCount(6);
  await expect(dialog.getByRole('region', { name: 'What changes' })).toContainText(
    /Internal seats\s*50\s*→\s*to\s*100/,
  );
  await dialog.getByText('Technical details').click();
  await expect(
    dialog
      .getByRole('table', { name: 'Users and licensed seats' })
      .getByRole('row', { name: /Licensed after installing/ }),
  ).toContainText('100');
  await expect(dialog.getByText('Cumulative license expiry')).toBeVisible();
  await screenshot(app, 'instance-install-preflight');

  await dialog.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Installed on Renewal due' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);

  // The live status turns Valid at once; authentik's cached one follows when it next records usage, and the card says so.
  await expect(status.getByRole('heading', { name: 'Live: Valid' })).toBeVisible();
  await expect(status.getByRole('heading', { name: 'Cached: Expiring soon' })).toBeVisible();
  await expect(status).toContainText(
    'Licenses were installed, replaced or removed after authentik last computed its cached status',
  );
  await expect(licenses(app).getByRole('row')).toHaveCount(3);
  await expect(licenseRow(app, 'Next year')).toContainText('Valid license key');
  await expect(status.getByRole('meter', { name: 'Internal users' })).toHaveAttribute(
    'aria-valuetext',
    /10 of 100 licensed/,
  );
  await screenshot(app, 'instance-installed');
});

test('replaces a key through the preflight (a renewal) and the new expiry shows', async ({ app, bridge, keys }) => {
  const id = installId();
  await savedInstance(app, bridge, 'Renewing', { installId: id, keys: [keyFor(keys, id, 10, { name: 'Old term' })] });
  await openInstance(app, 'Renewing');
  await expect(licenseRow(app, 'Old term')).toContainText('Expires soon, in 9 days');
  await expect(app.getByRole('region', { name: 'Status' })).toContainText('Expiring soon');

  await licenseRow(app, 'Old term').getByRole('button', { name: 'Replace key… of Old term' }).click();
  const dialog = app.getByRole('dialog', { name: 'Replace the key of “Old term” on Renewing' });
  await dialog.getByLabel('License key', { exact: true }).fill(keyFor(keys, id, 400, { name: 'New term' }));
  await dialog.getByRole('button', { name: 'Check' }).click();
  await expect(dialog.getByRole('heading', { name: /^Ready to replace “Old term” on Renewing: / })).toBeVisible();
  await expect(dialog.locator('[data-state="passed"]')).toHaveCount(6);
  // A renewal replaces the license: its seats are not counted twice.
  await expect(dialog.getByRole('region', { name: 'What changes' })).toContainText(/Internal seats\s*50 \(unchanged\)/);
  await screenshot(app, 'instance-replace-preflight');

  await dialog.getByRole('button', { name: 'Replace key', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Replaced “Old term” on Renewing' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await expect(licenses(app).getByRole('row')).toHaveCount(2);
  // 400 days from when the key was minted: 399 or 400 whole days from when the page last looked at the clock.
  await expect(licenseRow(app, 'New term')).toContainText(/in (399|400) days/);
  await expect(licenseRow(app, 'New term')).not.toContainText('Expires soon');
  await expect(app.getByRole('region', { name: 'Status' })).toContainText('Valid');
  await screenshot(app, 'instance-replaced');
});

test('deletes a license after a confirmation that names it, and its row disappears', async ({ app, bridge, keys }) => {
  const id = installId();
  await savedInstance(app, bridge, 'Trimming', {
    installId: id,
    keys: [
      keyFor(keys, id, 365, { name: 'Main' }),
      keyFor(keys, id, 100, { name: 'Spare seats', internal_users: 7, external_users: 2 }),
    ],
  });
  await openInstance(app, 'Trimming');
  await licenseRow(app, 'Spare seats').getByRole('button', { name: 'Delete… Spare seats' }).click();

  const confirm = app.getByRole('dialog', { name: 'Delete the license “Spare seats”?' });
  await expect(confirm).toContainText('7 internal and 2 external users, expires');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await screenshot(app, 'instance-delete-confirm');
  await confirm.getByRole('button', { name: 'Delete “Spare seats”' }).click();

  await expect(confirm).toHaveCount(0);
  await expect(licenseRow(app, 'Spare seats')).toHaveCount(0);
  await expect(licenseRow(app, 'Main')).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'License “Spare seats” deleted' })).toBeVisible();
  await screenshot(app, 'instance-license-deleted');
});

test('removing the instance from its page deletes its token from the vault and returns to the dashboard', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  await savedInstance(app, bridge, 'Leaving', { installId: id, keys: [keyFor(keys, id, 200)] });
  const saved = savedId(bridge, 'Leaving');
  expect(vaultToken(bridge, `instance:${saved}`)).toBe(TOKEN);
  await openInstance(app, 'Leaving');
  await app.getByRole('button', { name: 'Remove…' }).click();
  const confirm = app.getByRole('dialog', { name: 'Remove Leaving?' });
  await expect(confirm).toBeVisible();
  await screenshot(app, 'instance-remove-confirm');
  await confirm.getByRole('button', { name: 'Remove Leaving' }).click();

  await expect(app.getByRole('heading', { level: 1, name: 'Instances' })).toBeVisible();
  await expect(app.getByText('Removed Leaving and deleted its API token from the token vault.')).toBeVisible();
  await expect(rowNamed(app, 'Leaving')).toHaveCount(0);
  // The vault, opened with the key read from the keychain with secret-tool, no longer holds the token; the registry file no longer the instance.
  expect(vaultToken(bridge, `instance:${saved}`)).toBeNull();
  expect(savedInstances(bridge).map((instance) => instance.id)).not.toContain(saved);
  await screenshot(app, 'instance-removed');
});
