import { SEED } from '../sim/portal';
import { expect, screenshot, test } from './fixtures';
import { keyFor, newInstallId, openInstance, rowNamed, savedInstance } from './instance-helpers';
import { seriousViolations } from './axe';
import { dateIn, licenseRow, openLicenses, pay, signIn } from './portal-licenses-helpers';

const { alice } = SEED.users;
const { acme } = SEED.organizations;

// Purchases wait for the simulator's payment validation and read authentik instances: give them room.
test.describe.configure({ timeout: 120_000 });

test('buys a license for a saved instance (24 seats suggested for 12 users growing by 12), sees it paid-but-not-installed everywhere, installs it and the expiry moves a year out', async ({
  app,
  bridge,
  keys,
}) => {
  const installId = newInstallId('9d1e2f30-4b5c');
  await bridge.startPortalSim({ checkoutDelayMs: 300 });
  await savedInstance(app, bridge, 'Primary SSO', {
    installId,
    keys: [keyFor(keys, installId, 20)],
    internalUsers: 12,
  });
  await signIn(app, bridge, alice.email);
  await openLicenses(app, acme.name);

  // The seeded licenses, each status in words.
  await expect(licenseRow(app, 'Staging')).toContainText('Waiting for payment');
  await expect(licenseRow(app, 'Legacy cluster')).toContainText('Expired');
  await expect(licenseRow(app, 'Production')).toContainText('Valid');
  await expect(licenseRow(app, 'Edge sites')).toContainText(/\d+ days left/);
  expect(await seriousViolations(app, '.org-licenses')).toEqual([]);
  await screenshot(app, 'portal-licenses-list');

  await app.getByRole('button', { name: 'Purchase license' }).click();
  const purchase = app.getByRole('dialog', { name: 'Purchase a license' });
  await expect(purchase.getByRole('radio', { name: 'Enterprise, billed yearly (EUR)' })).toBeVisible();
  await expect(purchase.getByText(/per internal user and .* per external user, per year/).first()).toBeVisible();

  // Nothing is sent while the order breaks the portal's rules.
  await purchase.getByLabel('Instance').selectOption({ label: 'Another installation: type its Install ID…' });
  await purchase.getByLabel('Install ID').fill('not-an-install-id');
  await purchase.getByRole('button', { name: 'Continue' }).click();
  await expect(purchase.getByLabel('Install ID')).toHaveAccessibleDescription(/An Install ID is a UUID/);

  // The saved instance's Install ID, and users from its forecast with the reasoning shown.
  await purchase.getByLabel('Instance').selectOption({ label: `Primary SSO — ${installId}` });
  await expect(purchase.getByText('Suggested from Primary SSO’s forecast')).toBeVisible();
  // 12 internal users today, and 1 joined in the last 30 days: authentik forecasts 12 more in a year.
  await expect(
    purchase.getByText('Internal: 24 suggested: 12 users today + 12 forecast growth in a year.'),
  ).toBeVisible();
  await expect(purchase.getByLabel('Internal users')).toHaveValue('24');
  await expect(purchase.getByLabel('Internal users')).toHaveAccessibleDescription(
    /An internal user is typically a team member/,
  );
  await expect(purchase.getByLabel('External users')).toHaveAccessibleDescription(
    /An external user might be an external consultant or a B2C customer/,
  );
  await expect(purchase.getByLabel('License name')).toHaveValue('Primary SSO');
  await purchase.getByLabel('License name').fill('Primary SSO 2027');
  await purchase.getByRole('radio', { name: 'Enterprise, billed yearly (EUR)' }).check();
  await expect(purchase.getByText(/Each year: 24 internal × .* = /)).toBeVisible();
  expect(await seriousViolations(app, '.purchase-dialog')).toEqual([]);
  await screenshot(app, 'portal-purchase-form');

  const before = (await bridge.state()).openedUrls.length;
  await purchase.getByRole('button', { name: 'Continue' }).click();
  await expect(purchase.getByRole('heading', { name: 'Checkout opened in your browser' })).toBeVisible();
  await expect(purchase).toContainText(
    'Waiting for payment The key appears here once the portal has validated the payment.',
  );
  await expect(purchase).toContainText('Checking the license every 3 seconds');
  await expect(licenseRow(app, 'Primary SSO 2027')).toContainText('Waiting for payment');
  // The checkout page's address, to copy into another browser.
  const checkoutUrl = (await bridge.state()).openedUrls.at(-1) ?? '';
  await expect(purchase.locator('code').filter({ hasText: checkoutUrl })).toBeVisible();
  await purchase.getByRole('button', { name: 'Copy address' }).click();
  await expect(
    purchase.getByRole('status').filter({ hasText: 'Copied the checkout address to the clipboard.' }),
  ).toBeVisible();
  expect((await bridge.state()).clipboard).toBe(checkoutUrl);
  await screenshot(app, 'portal-purchase-waiting');

  await pay(app, bridge, before);
  await expect(purchase.getByRole('heading', { name: 'Payment validated' })).toBeVisible({ timeout: 20_000 });
  const aYearOut = await dateIn(bridge, 365);
  await expect(purchase).toContainText(`“Primary SSO 2027” is active until ${aYearOut}`);
  // The guide's "will appear here once we've validated your payment" was for the wait: it is validated now.
  await expect(purchase).not.toContainText('Waiting for payment');
  await expect(purchase.getByRole('button', { name: 'Install into Primary SSO' })).toBeVisible();
  await screenshot(app, 'portal-purchase-paid');
  await purchase.getByRole('button', { name: 'Close' }).click();

  // Paid, active, later than the installed key, not installed: a new purchase, so "Paid", not "Renewed".
  const bought = licenseRow(app, 'Primary SSO 2027');
  await expect(bought).toContainText('Valid');
  await expect(bought).toContainText('Paid, not installed on Primary SSO');
  await expect(bought).not.toContainText('Renewed');
  // Renew sits on the row (an Owner, once paid), a target of at least 24 × 24 px.
  const renew = bought.getByRole('button', { name: 'Renew Primary SSO 2027' });
  const box = await renew.boundingBox();
  expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(24);
  await expect(bought.getByRole('link', { name: 'Primary SSO' })).toHaveAttribute('href', /^#instance\//);

  await app.getByRole('link', { name: 'Instances', exact: true }).click();
  await expect(rowNamed(app, 'Primary SSO')).toContainText('Not installed');
  await expect(app.getByRole('region', { name: 'A paid license is not installed' })).toContainText(
    '“Primary SSO 2027” (Acme Corp) for Primary SSO',
  );
  await screenshot(app, 'portal-renewed-not-installed-dashboard');

  await openInstance(app, 'Primary SSO');
  const card = app.getByRole('region', { name: 'Paid in the customer portal, not installed' });
  await expect(card).toContainText('“Primary SSO 2027” (Acme Corp)');
  await screenshot(app, 'portal-renewed-not-installed-instance');

  // One click: the key goes through the instance preflight, then one install.
  await card.getByRole('button', { name: /Install into Primary SSO/ }).click();
  const install = app.getByRole('dialog', { name: 'Install “Primary SSO 2027” into Primary SSO' });
  await expect(install.getByRole('heading', { name: /^Ready to install on Primary SSO: expiry / })).toBeVisible();
  await expect(install.locator('details.install-checks summary')).toHaveText('6 of 6 checks passed');
  await install.getByText('Technical details').click();
  await expect(install.getByText('Cumulative license expiry', { exact: true })).toBeVisible();
  await screenshot(app, 'portal-license-install-preflight');
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('heading', { name: 'Installed on Primary SSO' })).toBeVisible();
  await screenshot(app, 'portal-license-installed');
  await install.getByRole('button', { name: 'Done' }).click();
  await expect(card).toHaveCount(0);

  // authentik's own combined expiry (latest_valid) is now the new key's, a year out.
  await app.getByRole('link', { name: 'Instances', exact: true }).click();
  const row = rowNamed(app, 'Primary SSO');
  await expect(row).toContainText(aYearOut);
  await expect(row).toContainText(/in 36[45] days/);
  await expect(row).not.toContainText('Not installed');

  await openLicenses(app, acme.name);
  await expect(licenseRow(app, 'Primary SSO 2027')).toContainText('Valid');
  await expect(licenseRow(app, 'Primary SSO 2027')).not.toContainText('Paid, not installed');
  await screenshot(app, 'portal-licenses-installed');
});

test('a purchase whose dialog was closed before paying is followed on the organization page: waiting for payment, then the license with Install', async ({
  app,
  bridge,
  keys,
}) => {
  const installId = newInstallId('5c2d7e14-8a3b');
  await bridge.startPortalSim({ checkoutDelayMs: 300 });
  await savedInstance(app, bridge, 'Lab SSO', { installId, keys: [keyFor(keys, installId, 20)], internalUsers: 4 });
  await signIn(app, bridge, alice.email);
  await openLicenses(app, acme.name);

  await app.getByRole('button', { name: 'Purchase license' }).click();
  const purchase = app.getByRole('dialog', { name: 'Purchase a license' });
  await purchase.getByLabel('Instance').selectOption({ label: `Lab SSO — ${installId}` });
  await expect(purchase.getByText('Suggested from Lab SSO’s forecast')).toBeVisible();
  await purchase.getByLabel('License name').fill('Lab SSO 2027');
  const before = (await bridge.state()).openedUrls.length;
  await purchase.getByRole('button', { name: 'Continue' }).click();
  await expect(purchase.getByRole('heading', { name: 'Checkout opened in your browser' })).toBeVisible();
  // Closed before paying: the organization's page keeps the guide's message and keeps checking.
  await purchase.getByRole('button', { name: 'Close' }).click();
  await expect(purchase).toBeHidden();
  const followed = app.getByRole('region', { name: 'Purchase of “Lab SSO 2027”' });
  await expect(followed).toContainText(
    'Waiting for payment The key appears here once the portal has validated the payment.',
  );
  await expect(followed).toContainText('Checking the license again in');
  await expect(licenseRow(app, 'Lab SSO 2027')).toContainText('Waiting for payment');
  await screenshot(app, 'portal-purchase-followed-waiting');
  // The same checkout page opens again from here: no second order.
  const opened = (await bridge.state()).openedUrls;
  await followed.getByRole('button', { name: 'Open checkout again for “Lab SSO 2027”' }).click();
  await expect.poll(async () => (await bridge.state()).openedUrls.length).toBe(opened.length + 1);
  expect((await bridge.state()).openedUrls.at(-1)).toBe(opened.at(-1));
  await expect(app.getByRole('rowheader', { name: 'Lab SSO 2027', exact: true })).toHaveCount(1);
  // The row opens the same checkout page too, and says so in a toast.
  await licenseRow(app, 'Lab SSO 2027').getByRole('button', { name: 'Open checkout for “Lab SSO 2027”' }).click();
  await expect.poll(async () => (await bridge.state()).openedUrls.length).toBe(opened.length + 2);
  expect((await bridge.state()).openedUrls.at(-1)).toBe(opened.at(-1));
  await expect(app.getByText('Opened the checkout of “Lab SSO 2027” in your browser')).toBeVisible();

  // Paid in the browser; the page notices by itself (its checks back off to at most once a minute; the first come within seconds).
  await pay(app, bridge, before);
  await expect(followed).toContainText(
    `“Lab SSO 2027” is active until ${await dateIn(bridge, 365)}: its key is ready.`,
    { timeout: 30_000 },
  );
  await expect(followed).not.toContainText('Waiting for payment');
  await expect(licenseRow(app, 'Lab SSO 2027')).toContainText('Valid');
  await screenshot(app, 'portal-purchase-followed-paid');

  await followed.getByRole('button', { name: /^Install into Lab SSO/ }).click();
  const install = app.getByRole('dialog', { name: 'Install “Lab SSO 2027” into Lab SSO' });
  await expect(install.getByRole('heading', { name: /^Ready to install on Lab SSO: / })).toBeVisible();
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('heading', { name: 'Installed on Lab SSO' })).toBeVisible();
  await install.getByRole('button', { name: 'Done' }).click();
  await expect(licenseRow(app, 'Lab SSO 2027')).not.toContainText('Paid, not installed');
  await followed.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(followed).toHaveCount(0);
  await expect(licenseRow(app, 'Lab SSO 2027')).toContainText('Valid');
  await screenshot(app, 'portal-purchase-followed-installed');
});

test('buys a license for an installation that is not saved here, by its typed Install ID, through the checkout', async ({
  app,
  bridge,
}) => {
  await bridge.startPortalSim({ checkoutDelayMs: 300 });
  await signIn(app, bridge, alice.email);
  await openLicenses(app, acme.name);
  const installId = newInstallId('7e6f5a4b-3c2d');

  await app.getByRole('button', { name: 'Purchase license' }).click();
  const purchase = app.getByRole('dialog', { name: 'Purchase a license' });
  await purchase.getByLabel('Instance').selectOption({ label: 'Another installation: type its Install ID…' });
  await purchase.getByLabel('Install ID').fill(installId.toUpperCase());
  await purchase.getByLabel('License name').fill('Offsite DR');
  await purchase.getByLabel('Internal users').fill('15');
  await purchase.getByLabel('External users').fill('5');
  await purchase.getByRole('radio', { name: 'Enterprise, billed yearly (EUR)' }).check();
  await expect(purchase.getByText(/Each year: 15 internal × .* = /)).toBeVisible();
  await screenshot(app, 'portal-purchase-typed-install-id');

  const before = (await bridge.state()).openedUrls.length;
  await purchase.getByRole('button', { name: 'Continue' }).click();
  await expect(purchase.getByRole('heading', { name: 'Checkout opened in your browser' })).toBeVisible();
  await expect(licenseRow(app, 'Offsite DR')).toContainText('Waiting for payment');
  await pay(app, bridge, before);
  await expect(purchase.getByRole('heading', { name: 'Payment validated' })).toBeVisible({ timeout: 20_000 });
  await expect(purchase).toContainText(`“Offsite DR” is active until ${await dateIn(bridge, 365)}`);
  await expect(purchase).toContainText('No saved instance has this license’s Install ID');
  await expect(purchase.getByRole('button', { name: /^Install into/ })).toHaveCount(0);
  await screenshot(app, 'portal-purchase-typed-install-id-paid');
  await purchase.getByRole('button', { name: 'Close' }).click();

  const bought = licenseRow(app, 'Offsite DR');
  await expect(bought).toContainText('Valid');
  await expect(bought).toContainText('No saved instance');
  await expect(bought).toContainText('15');
  await expect(bought.getByText(`(Install ID ${installId.toUpperCase()})`)).toBeAttached();
});
