import type { Api } from '../../shared/ipc/api';
import { SEED } from '../sim/portal';
import { seriousViolations } from './axe';
import { expect, screenshot, test } from './fixtures';
import { openInstance } from './instance-helpers';
import { instanceOnProductionKey, licenseRow, openLicenses, pay, signIn } from './portal-licenses-helpers';

const { alice } = SEED.users;
const { acme, globex } = SEED.organizations;
const DAY_MS = 24 * 3600 * 1000;

// Renewals wait for the simulator's payment validation and read authentik instances: give them room.
test.describe.configure({ timeout: 120_000 });

test('reveals a key only on request, copies it in main, and the clipboard is cleared after a minute', async ({
  app,
  bridge,
}) => {
  await bridge.startPortalSim({ checkoutDelayMs: 300 });
  await signIn(app, bridge, alice.email);
  await openLicenses(app, acme.name);

  await licenseRow(app, 'Production').getByRole('button', { name: 'Details of Production' }).click();
  const details = app.getByRole('dialog', { name: 'License “Production”' });
  await expect(details.getByText('The key is hidden.')).toBeVisible();
  await expect(details).toContainText('••••');
  await expect(details.getByRole('textbox', { name: 'License key' })).toHaveCount(0);

  await details.getByRole('button', { name: 'Reveal' }).click();
  const key = await details.getByRole('textbox', { name: 'License key' }).inputValue();
  expect(key).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(await seriousViolations(app, '.license-details')).toEqual([]);
  await screenshot(app, 'portal-license-key-revealed');
  await details.getByRole('button', { name: 'Hide' }).click();
  await expect(details.getByText('The key is hidden.')).toBeVisible();

  await details.getByRole('button', { name: 'Copy' }).click();
  await expect(
    details.getByRole('status').filter({ hasText: 'Copied; the clipboard is cleared in 60 s.' }),
  ).toBeVisible();
  expect((await bridge.state()).clipboard).toBe(key);
  await screenshot(app, 'portal-license-key-copied');

  await bridge.advanceClock(61_000);
  await expect(details.getByText('The clipboard was cleared: it no longer holds the key.')).toBeVisible();
  expect((await bridge.state()).clipboard).toBe('');

  // Closing hides the key again.
  await details.getByRole('button', { name: 'Reveal' }).click();
  await expect(details.getByRole('textbox', { name: 'License key' })).toBeVisible();
  await details.getByRole('button', { name: 'Close' }).click();
  await licenseRow(app, 'Production').getByRole('button', { name: 'Details of Production' }).click();
  await expect(details.getByText('The key is hidden.')).toBeVisible();
  await expect(details.getByRole('textbox', { name: 'License key' })).toHaveCount(0);
});

test('renames and renews a license as an Owner; a Member sees the key but no Owner actions', async ({
  app,
  bridge,
}) => {
  await bridge.startPortalSim({ checkoutDelayMs: 300 });
  await signIn(app, bridge, alice.email);
  await openLicenses(app, acme.name);

  await licenseRow(app, 'Edge sites').getByRole('button', { name: 'Details of Edge sites' }).click();
  const details = app.getByRole('dialog', { name: 'License “Edge sites”' });
  await details.getByRole('button', { name: 'Rename…' }).click();
  await details.getByLabel('Nickname').fill(' ');
  await details.getByRole('button', { name: 'Save name' }).click();
  await expect(details.getByLabel('Nickname')).toHaveAccessibleDescription(
    /Give the license a name of 1 to 100 characters/,
  );
  await details.getByLabel('Nickname').fill('Edge sites EU');
  await details.getByRole('button', { name: 'Save name' }).click();
  await expect(app.getByRole('dialog', { name: 'License “Edge sites EU”' })).toBeVisible();
  await expect(licenseRow(app, 'Edge sites EU')).toBeAttached();

  const renamed = app.getByRole('dialog', { name: 'License “Edge sites EU”' });
  const oldExpiry = await renamed.locator('time').first().getAttribute('datetime');
  await renamed.getByRole('button', { name: 'Renew…' }).click();
  const renewal = app.getByRole('dialog', { name: 'Renew “Edge sites EU”' });
  await expect(renewal).toContainText('One more year of “Edge sites EU”');
  const before = (await bridge.state()).openedUrls.length;
  await renewal.getByRole('button', { name: 'Continue' }).click();
  await expect(renewal).toContainText(
    'Waiting for payment The key appears here once the portal has validated the payment.',
  );
  await renewal.getByRole('button', { name: 'Stop checking' }).click();
  await expect(renewal).toContainText('Stopped checking.');
  await pay(app, bridge, before);
  await renewal.getByRole('button', { name: 'Refresh' }).click();
  await expect(renewal.getByRole('heading', { name: 'Payment validated' })).toBeVisible({ timeout: 20_000 });
  await expect(renewal).toContainText('Renewed: “Edge sites EU” now runs until');
  await expect(renewal).not.toContainText('Waiting for payment');
  // No saved instance has its Install ID: the app says how to install it instead.
  await expect(renewal).toContainText('No saved instance has this license’s Install ID');
  await screenshot(app, 'portal-license-renewed');
  await renewal.getByRole('button', { name: 'Close' }).click();
  const newExpiry = await licenseRow(app, 'Edge sites EU').locator('time').getAttribute('datetime');
  expect(Date.parse(newExpiry ?? '') - Date.parse(oldExpiry ?? '')).toBeGreaterThan(360 * DAY_MS);

  // In Globex Alice is a Member: she sees the licenses and can reveal a key, but orders and renames nothing.
  await openLicenses(app, globex.name);
  await expect(app.getByText('As a Member you can view the licenses, including their keys.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Purchase license' })).toHaveCount(0);
  await licenseRow(app, 'Globex SSO').getByRole('button', { name: 'Details of Globex SSO' }).click();
  const member = app.getByRole('dialog', { name: 'License “Globex SSO”' });
  await expect(member.getByRole('button', { name: 'Rename…' })).toHaveCount(0);
  await expect(member.getByRole('button', { name: 'Renew…' })).toHaveCount(0);
  await member.getByRole('button', { name: 'Reveal' }).click();
  await expect(member.getByRole('textbox', { name: 'License key' })).toHaveValue(/^eyJ/);
  await screenshot(app, 'portal-licenses-member');
});

test('renews a license installed on an instance: the paid renewal replaces the key it renews, in place', async ({
  app,
  bridge,
}) => {
  await bridge.startPortalSim({ checkoutDelayMs: 300 });
  await signIn(app, bridge, alice.email);
  await instanceOnProductionKey(app, bridge);
  const production = licenseRow(app, 'Production');
  await expect(production).not.toContainText('Renewed, not installed');
  const oldExpiry = Date.parse((await production.locator('time').getAttribute('datetime')) ?? '');

  await production.getByRole('button', { name: 'Details of Production' }).click();
  const details = app.getByRole('dialog', { name: 'License “Production”' });
  await details.getByRole('button', { name: 'Renew…' }).click();
  const renewal = app.getByRole('dialog', { name: 'Renew “Production”' });
  const before = (await bridge.state()).openedUrls.length;
  await renewal.getByRole('button', { name: 'Continue' }).click();
  await pay(app, bridge, before);
  await expect(renewal.getByRole('heading', { name: 'Payment validated' })).toBeVisible({ timeout: 20_000 });
  await renewal.getByRole('button', { name: 'Install into Acme production' }).click();

  const install = app.getByRole('dialog', { name: 'Install “Production” into Acme production' });
  await expect(install).toContainText('The renewed key replaces');
  await expect(install.getByRole('heading', { name: /^Ready to replace “.+” on Acme production: / })).toBeVisible();
  await screenshot(app, 'portal-renewal-replace-preflight');
  await install.getByRole('button', { name: 'Replace key' }).click();
  await expect(install.getByRole('heading', { name: /^Replaced “.+” on Acme production$/ })).toBeVisible();
  await install.getByRole('button', { name: 'Done' }).click();

  const renewed = Date.parse((await licenseRow(app, 'Production').locator('time').getAttribute('datetime')) ?? '');
  expect(renewed - oldExpiry).toBeGreaterThan(360 * DAY_MS);
  await expect(licenseRow(app, 'Production')).not.toContainText('Renewed, not installed');
  // One license on the instance: the renewal took the old key's place.
  await app.getByRole('link', { name: 'Instances', exact: true }).click();
  await openInstance(app, 'Acme production');
  await expect(app.getByRole('table', { name: 'Licenses' }).getByRole('row')).toHaveCount(2);
  await screenshot(app, 'portal-renewal-replaced-instance');
});

test('a renewal paid on the portal’s website is installed in place of the key it renews, with one click on the licenses row', async ({
  app,
  bridge,
}) => {
  await bridge.startPortalSim({ checkoutDelayMs: 0 });
  await signIn(app, bridge, alice.email);
  await instanceOnProductionKey(app, bridge);

  // Renewed and paid outside the app's dialogs, as on the portal's website: nothing in the page remembers the old key.
  const before = (await bridge.state()).openedUrls.length;
  const renewal = await app.evaluate(
    (input) => (window as unknown as { api: Api }).api.invoke('portal:renew-license', input),
    { org: acme.id, id: SEED.licenses.acmeProduction.id },
  );
  expect(renewal.ok).toBe(true);
  await pay(app, bridge, before);
  await app.reload();
  await openLicenses(app, acme.name);
  const production = licenseRow(app, 'Production');
  await expect(production).toContainText('Renewed, not installed on Acme production');

  await production.getByRole('button', { name: /^Install into Acme production/ }).click();
  const install = app.getByRole('dialog', { name: 'Install “Production” into Acme production' });
  await expect(
    install.getByRole('heading', { name: /^Ready to replace “Production” on Acme production: / }),
  ).toBeVisible();
  await expect(install).toContainText('The renewed key replaces “Production”, the key it renews, in place');
  await expect(install).toContainText('would replace the key of "Production"');
  await screenshot(app, 'portal-website-renewal-replace-preflight');
  await install.getByRole('button', { name: 'Replace key' }).click();
  await expect(install.getByRole('heading', { name: 'Replaced “Production” on Acme production' })).toBeVisible();
  await install.getByRole('button', { name: 'Done' }).click();
  await expect(production).not.toContainText('Renewed, not installed');

  // Still one license on the instance: the renewal took the old key's place instead of adding its seats.
  await app.getByRole('link', { name: 'Instances', exact: true }).click();
  await openInstance(app, 'Acme production');
  await expect(app.getByRole('table', { name: 'Licenses' }).getByRole('row')).toHaveCount(2);
  await expect(app.getByRole('region', { name: 'Renewed in the customer portal, not installed' })).toHaveCount(0);
  await screenshot(app, 'portal-website-renewal-replaced');
});
