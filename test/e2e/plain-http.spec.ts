import AxeBuilder from '@axe-core/playwright';
import { expect, screenshot, test } from './fixtures';
import { keyFor, newInstallId, openInstance, rowNamed, savedInstances, TOKEN } from './instance-helpers';

test.describe.configure({ timeout: 60_000 });

test('plain http:// to another computer is saved only when allowed, and is marked on its row and page', async ({
  app,
  bridge,
  keys,
}) => {
  const installId = newInstallId('5c6d7e8f-9a0b');
  const { url } = await bridge.startSim({
    installId,
    keys: [keyFor(keys, installId, 200)],
    users: { internal: 10, external: 3, internalJoinedLast30Days: 1 },
  });
  // 0.0.0.0 is not a loopback address by the rule (127.0.0.0/8, ::1, localhost), so the token needs
  // permission to go there; Linux still delivers it to this computer, where the simulator listens.
  const elsewhere = url.replace('127.0.0.1', '0.0.0.0');

  await app.getByRole('button', { name: 'Add instance' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add an authentik instance' });
  await dialog.getByLabel('Name').fill('Lab');
  await dialog.getByLabel('URL').fill(elsewhere);
  await dialog.getByLabel('API token', { exact: true }).fill(TOKEN);
  const allow = dialog.getByLabel('Allow plain HTTP (the API token is sent unencrypted)');
  await expect(allow).not.toBeChecked();

  await dialog.getByRole('button', { name: 'Test and save' }).click();
  await expect(dialog.getByLabel('URL')).toHaveAccessibleDescription(
    /This address is plain http:\/\/, so the API token would cross the network unencrypted/,
  );
  expect(savedInstances(bridge)).toEqual([]);
  const { violations } = await new AxeBuilder({ page: app }).include('dialog[open]').analyze();
  expect(
    violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => violation.id),
  ).toEqual([]);
  await screenshot(app, 'add-instance-plain-http');

  await allow.check();
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  const row = rowNamed(app, 'Lab');
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row.getByText('Plain HTTP')).toBeVisible();
  await screenshot(app, 'dashboard-plain-http');
  expect(savedInstances(bridge)).toEqual([expect.objectContaining({ name: 'Lab', url: elsewhere, allowHttp: true })]);

  await openInstance(app, 'Lab');
  await expect(app.getByRole('note')).toContainText(
    'Plain HTTP is allowed for this instance: its API token is sent unencrypted',
  );
  await screenshot(app, 'instance-plain-http');
});

test('a loopback http:// address asks for no permission and carries no mark', async ({ app, bridge, keys }) => {
  const installId = newInstallId('5c6d7e8f-9a0c');
  const { url } = await bridge.startSim({
    installId,
    keys: [keyFor(keys, installId, 200)],
    users: { internal: 10, external: 3, internalJoinedLast30Days: 1 },
  });
  await app.getByRole('button', { name: 'Add instance' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add an authentik instance' });
  await dialog.getByLabel('URL').fill(url);
  await expect(dialog.getByLabel('Allow plain HTTP (the API token is sent unencrypted)')).toHaveCount(0);
  await dialog.getByLabel('Name').fill('Local');
  await dialog.getByLabel('API token', { exact: true }).fill(TOKEN);
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  await expect(rowNamed(app, 'Local')).toBeVisible({ timeout: 15_000 });
  await expect(rowNamed(app, 'Local').getByText('Plain HTTP')).toHaveCount(0);
});
