import { expect, INSTALL_ID, test } from './fixtures';
import { checkScreen, rowAction } from './every-screen-helpers';
import { keyFor, newInstallId, openInstance, rowNamed, savedInstance } from './instance-helpers';

// Every screen of the instances side, in both themes: axe finds nothing serious and every target is
// 24 × 24 px or more (see every-screen-helpers.ts). One bridge for the whole walk, screens in the order a
// person meets them.

test.describe.configure({ timeout: 240_000 });

test('the dashboard, its dialogs, an instance page, the install dialog, Verify and Audit pass axe and target size in both themes', async ({
  app,
  bridge,
  keys,
}) => {
  await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
  await checkScreen(app, 'Instances, empty');

  await app.getByRole('button', { name: 'Add instance' }).first().click();
  const add = app.getByRole('dialog', { name: 'Add an authentik instance' });
  await expect(add).toBeVisible();
  await checkScreen(app, 'Add instance dialog');
  await app.keyboard.press('Escape');
  await expect(add).toBeHidden();

  const healthy = newInstallId('a11e0001-0001');
  const expiring = newInstallId('a11e0002-0002');
  const over = newInstallId('a11e0003-0003');
  const doomed = newInstallId('a11e0004-0004');
  await savedInstance(app, bridge, 'Healthy', { installId: healthy, keys: [keyFor(keys, healthy, 300)] });
  await savedInstance(app, bridge, 'Expiring', { installId: expiring, keys: [keyFor(keys, expiring, 12)] });
  await savedInstance(app, bridge, 'Crowded', {
    installId: over,
    keys: [keyFor(keys, over, 200)],
    internalUsers: 80,
  });
  const { url } = await savedInstance(app, bridge, 'Doomed', { installId: doomed, keys: [keyFor(keys, doomed, 90)] });
  await bridge.stopSim(url);
  await app.getByRole('button', { name: /^Refresh all/ }).click();
  await expect(rowNamed(app, 'Doomed')).toContainText(/unreachable|refused|could not connect|not reach/i, {
    timeout: 20_000,
  });
  await checkScreen(app, 'Instances, with an unreachable one');

  await rowAction(app, rowNamed(app, 'Doomed'), /^Remove/);
  const remove = app.getByRole('dialog', { name: /^Remove Doomed/ });
  await expect(remove).toBeVisible();
  await checkScreen(app, 'Remove confirmation');
  await app.keyboard.press('Escape');
  await expect(remove).toBeHidden();

  await rowAction(app, rowNamed(app, 'Healthy'), /^Install license/);
  const install = app.getByRole('dialog', { name: 'Install a license on Healthy' });
  await expect(install.getByLabel('License key', { exact: true })).toBeVisible();
  await checkScreen(app, 'Install dialog, key step');
  await install.getByLabel('License key', { exact: true }).fill(keyFor(keys, healthy, 400, { name: 'Healthy 2027' }));
  await install.getByRole('button', { name: 'Check' }).click();
  await expect(install.getByRole('button', { name: 'Install', exact: true })).toBeVisible({ timeout: 15_000 });
  await checkScreen(app, 'Install dialog, preflight');
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('heading', { name: 'Installed on Healthy' })).toBeVisible({ timeout: 15_000 });
  await checkScreen(app, 'Install dialog, outcome');
  await install.getByRole('button', { name: 'Done' }).click();
  await expect(install).toBeHidden();

  await openInstance(app, 'Crowded');
  await expect(app.getByRole('table', { name: 'Licenses' })).toBeVisible();
  await checkScreen(app, 'Instance page, over capacity');
  await app.getByRole('button', { name: /^Edit/ }).first().click();
  const edit = app.getByRole('dialog', { name: 'Edit Crowded' });
  await expect(edit).toBeVisible();
  await checkScreen(app, 'Edit dialog');
  await app.keyboard.press('Escape');
  await expect(edit).toBeHidden();

  await app.getByRole('link', { name: 'Verify a key' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Verify a license key' })).toBeVisible();
  await checkScreen(app, 'Verify, empty');
  await app.getByLabel('License key', { exact: true }).fill(keys.valid);
  await app.getByLabel(/^Install ID/).fill(INSTALL_ID);
  await app.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Valid license key' })).toBeVisible();
  await checkScreen(app, 'Verify, a valid key with its timeline');

  await app.getByRole('link', { name: 'Audit', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await expect(app.getByRole('row')).not.toHaveCount(0);
  await checkScreen(app, 'Audit trail');
});
