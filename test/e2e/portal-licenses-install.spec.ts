import { SEED } from '../sim/portal';
import { expect, screenshot, test } from './fixtures';
import { keyFor, newInstallId, rowAction, rowNamed, savedInstance } from './instance-helpers';
import { boughtFor, dateIn, licenseRow, openLicenses, signIn } from './portal-licenses-helpers';

const { alice } = SEED.users;
const { acme } = SEED.organizations;

// Purchases wait for the simulator's payment validation and read authentik instances: give them room.
test.describe.configure({ timeout: 120_000 });

test('one click installs a renewed key from the organization’s licenses row, the dashboard’s notice and the dashboard row', async ({
  app,
  bridge,
  keys,
}) => {
  await bridge.startPortalSim({ checkoutDelayMs: 0 });
  const ids = {
    row: newInstallId('a1b2c3d4-0001'),
    notice: newInstallId('a1b2c3d4-0002'),
    dashboard: newInstallId('a1b2c3d4-0003'),
  };
  await savedInstance(app, bridge, 'Berlin', { installId: ids.row, keys: [keyFor(keys, ids.row, 15)] });
  await savedInstance(app, bridge, 'Hamburg', { installId: ids.notice, keys: [keyFor(keys, ids.notice, 15)] });
  await savedInstance(app, bridge, 'Munich', { installId: ids.dashboard, keys: [keyFor(keys, ids.dashboard, 15)] });
  await signIn(app, bridge, alice.email);
  await boughtFor(app, bridge, ids.row, 'Berlin 2027');
  await boughtFor(app, bridge, ids.notice, 'Hamburg 2027');
  await boughtFor(app, bridge, ids.dashboard, 'Munich 2027');

  // The organization's licenses row.
  await openLicenses(app, acme.name);
  const berlin = licenseRow(app, 'Berlin 2027');
  // A new purchase, not a renewal: paid, its key not installed yet.
  await expect(berlin).toContainText('Paid, not installed on Berlin');
  await expect(berlin).not.toContainText('Renewed');
  await berlin.getByRole('button', { name: /^Install into Berlin/ }).click();
  let install = app.getByRole('dialog', { name: 'Install “Berlin 2027” into Berlin' });
  await expect(install.getByRole('heading', { name: /^Ready to install on Berlin: / })).toBeVisible();
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('heading', { name: 'Installed on Berlin' })).toBeVisible();
  await install.getByRole('button', { name: 'Done' }).click();
  await expect(berlin).not.toContainText('Paid, not installed');
  await screenshot(app, 'portal-install-from-licenses-row');

  // The dashboard's notice lists the other two; its button installs one.
  await app.getByRole('link', { name: 'Instances', exact: true }).click();
  const notice = app.getByRole('region', { name: '2 paid licenses are not installed' });
  await expect(notice).toContainText('“Hamburg 2027” (Acme Corp) for Hamburg');
  await expect(notice).toContainText('“Munich 2027” (Acme Corp) for Munich');
  await expect(notice).not.toContainText('Berlin');
  await notice.getByRole('button', { name: /^Install into Hamburg/ }).click();
  install = app.getByRole('dialog', { name: 'Install “Hamburg 2027” into Hamburg' });
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('heading', { name: 'Installed on Hamburg' })).toBeVisible();
  await install.getByRole('button', { name: 'Done' }).click();
  await expect(app.getByRole('region', { name: 'A paid license is not installed' })).toContainText(
    '“Munich 2027” (Acme Corp) for Munich',
  );
  await expect(rowNamed(app, 'Hamburg')).not.toContainText('Not installed');
  await screenshot(app, 'portal-install-from-dashboard-notice');

  // The row's own Install.
  const munich = rowNamed(app, 'Munich');
  await expect(munich).toContainText('Not installed');
  await munich.getByRole('button', { name: 'Install license “Munich 2027” into Munich' }).click();
  install = app.getByRole('dialog', { name: 'Install “Munich 2027” into Munich' });
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('heading', { name: 'Installed on Munich' })).toBeVisible();
  await install.getByRole('button', { name: 'Done' }).click();
  await expect(munich).not.toContainText('Not installed');
  await expect(app.getByRole('region', { name: /(paid|renewed) licenses? (is|are) not installed/ })).toHaveCount(0);
  await expect(munich).toContainText(await dateIn(bridge, 365));
  await screenshot(app, 'portal-install-from-dashboard-row');
});

test('a paid license that cannot be compared with an instance whose last read failed says so, with Refresh, instead of keeping quiet', async ({
  app,
  bridge,
  keys,
}) => {
  await bridge.startPortalSim({ checkoutDelayMs: 0 });
  const installId = newInstallId('b7c8d9e0-0001');
  const { url } = await savedInstance(app, bridge, 'Vienna', { installId, keys: [keyFor(keys, installId, 15)] });
  await signIn(app, bridge, alice.email);
  await boughtFor(app, bridge, installId, 'Vienna 2027');

  // The instance goes away; its next read fails, so what it has installed is unknown.
  await bridge.stopSim(url);
  await app.getByRole('link', { name: 'Instances', exact: true }).click();
  // The dashboard's first opening with instances may read them all itself (the row's Refresh then waits for
  // that read): either way the row ends failed, in words.
  await rowAction(app, 'Vienna', 'Refresh');
  await expect(rowNamed(app, 'Vienna')).toContainText('refused the connection');
  const dashboardNote = app
    .locator('[data-not-compared]')
    .filter({ hasText: '“Vienna 2027” could not be compared with Vienna' });
  await expect(dashboardNote).toContainText('the instance’s last read failed');
  await expect(dashboardNote.getByRole('button', { name: 'Refresh Vienna' })).toBeVisible();
  await expect(app.getByRole('region', { name: /(paid|renewed) licenses? (is|are) not installed/ })).toHaveCount(0);
  await screenshot(app, 'portal-not-compared-dashboard');

  await openLicenses(app, acme.name);
  const vienna = licenseRow(app, 'Vienna 2027');
  await expect(vienna).toContainText('This license could not be compared with Vienna: the instance’s last read failed');
  await expect(vienna).toContainText('so whether its key is installed there is unknown');
  await expect(vienna).not.toContainText('not installed on');
  await screenshot(app, 'portal-not-compared-licenses');
  // Refresh reads the instance again (still unreachable here), and the row says so again.
  await vienna.getByRole('button', { name: 'Refresh Vienna' }).click();
  await expect(vienna.getByRole('button', { name: 'Refresh Vienna' })).toBeVisible();
  await expect(vienna).toContainText('could not be compared with Vienna');
});
