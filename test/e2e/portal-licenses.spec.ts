import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Api } from '../../shared/ipc/api';
import { SEED } from '../sim/portal';
import { expect, openRecordedUrl, portalAddressReady, screenshot, signInAtPortal, test, type Bridge } from './fixtures';
import { keyFor, newInstallId, openInstance, rowNamed, savedInstance } from './instance-helpers';

const { alice } = SEED.users;
const { acme, globex } = SEED.organizations;
const DAY_MS = 24 * 3600 * 1000;

// Purchases wait for the simulator's payment validation and read authentik instances: give them room.
test.describe.configure({ timeout: 120_000 });

/** Signs in from the Customer portal screen, answering the portal's sign-in page in the browser as `email`. */
async function signIn(app: Page, bridge: Bridge, email: string): Promise<void> {
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await portalAddressReady(app);
  await app.getByRole('button', { name: 'Sign in', exact: true }).click();
  await signInAtPortal(app, bridge, email);
  await expect(app.getByRole('heading', { level: 1, name: 'My organizations' })).toBeVisible();
}

/** Opens an organization's Licenses tab from "My organizations". */
async function openLicenses(app: Page, organization: string): Promise<void> {
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await app.getByRole('link', { name: organization, exact: true }).click();
  await app.getByRole('tab', { name: 'Licenses' }).click();
  await expect(app.getByRole('heading', { name: 'Licenses', exact: true })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Loading the licenses…' })).toHaveCount(0);
}

/** Plays the person paying on the checkout page the app opened in their browser after `before` URLs. */
async function pay(app: Page, bridge: Bridge, before: number): Promise<void> {
  const opened = (await bridge.state()).openedUrls.slice(0, before);
  const checkout = await openRecordedUrl(app, bridge, (url) => url.includes('/checkout/') && !opened.includes(url));
  await checkout.getByRole('button', { name: 'Pay' }).click();
  await expect(checkout.getByRole('status')).toContainText('Payment');
  await checkout.close();
}

/** Serious and critical accessibility problems in `part` of the page (a CSS selector) as it is now. */
async function seriousViolations(app: Page, part: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: app }).include(part).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`);
}

/**
 * Orders a license for `installId` through the app's own API (the screens' purchase has its own tests) and
 * pays it on the checkout page the app opened in the browser.
 */
async function boughtFor(app: Page, bridge: Bridge, installId: string, name: string): Promise<void> {
  const before = (await bridge.state()).openedUrls.length;
  const order = { plan: SEED.plans.yearlyEur.id, name, install_id: installId, internal_users: 20, external_users: 1 };
  const result = await app.evaluate(({ org, order }) => (window as unknown as { api: Api }).api.invoke('portal:checkout', { org, order }), { org: acme.id, order });
  expect(result.ok).toBe(true);
  await pay(app, bridge, before);
}

const licenseRow = (app: Page, nickname: string) => app.getByRole('row').filter({ has: app.getByRole('rowheader', { name: nickname, exact: true }) });

/**
 * The date `days` after the bridge's business clock, as the app writes it (the reader's locale, medium).
 * The portal simulator dates a paid license from that clock, which stands still from the bridge's start:
 * a date taken from this test's own clock would be a day off once midnight passed during the test.
 */
async function dateIn(bridge: Bridge, days: number): Promise<string> {
  const { now } = await bridge.state();
  return new Date(now + days * DAY_MS).toLocaleDateString('en-US', { dateStyle: 'medium' });
}

test('buys a license for a saved instance, sees it renewed-but-not-installed everywhere, installs it and the expiry moves a year out', async ({ app, bridge, keys }) => {
  const installId = newInstallId('9d1e2f30-4b5c');
  await bridge.startPortalSim({ checkoutDelayMs: 300 });
  await savedInstance(app, bridge, 'Primary SSO', { installId, keys: [keyFor(keys, installId, 20)], internalUsers: 12 });
  await signIn(app, bridge, alice.email);
  await openLicenses(app, acme.name);

  // The seeded licenses, each status in words.
  await expect(licenseRow(app, 'Staging')).toContainText('Pending payment');
  await expect(licenseRow(app, 'Legacy cluster')).toContainText('Expired');
  await expect(licenseRow(app, 'Production')).toContainText('Active');
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
  await expect(purchase.getByText(/Internal: 12 users today/)).toBeVisible();
  await expect(purchase.getByLabel('Internal users')).toHaveAccessibleDescription(/An internal user is typically a team member/);
  await expect(purchase.getByLabel('External users')).toHaveAccessibleDescription(/An external user might be an external consultant or a B2C customer/);
  const internal = Number(await purchase.getByLabel('Internal users').inputValue());
  expect(internal).toBeGreaterThanOrEqual(12);
  await expect(purchase.getByLabel('License name')).toHaveValue('Primary SSO');
  await purchase.getByLabel('License name').fill('Primary SSO 2027');
  await purchase.getByRole('radio', { name: 'Enterprise, billed yearly (EUR)' }).check();
  await expect(purchase.getByText(/Each year: \d+ internal × .* = /)).toBeVisible();
  expect(await seriousViolations(app, '.purchase-dialog')).toEqual([]);
  await screenshot(app, 'portal-purchase-form');

  const before = (await bridge.state()).openedUrls.length;
  await purchase.getByRole('button', { name: 'Continue' }).click();
  await expect(purchase.getByRole('heading', { name: 'Checkout opened in your browser' })).toBeVisible();
  await expect(purchase).toContainText("Successful purchase. Your license will appear here once we've validated your payment. If it doesn't, please contact us.");
  await expect(purchase).toContainText('Checking the license every 3 seconds');
  await expect(licenseRow(app, 'Primary SSO 2027')).toContainText('Pending payment');
  // The checkout page's address, to copy into another browser.
  const checkoutUrl = (await bridge.state()).openedUrls.at(-1) ?? '';
  await expect(purchase.locator('code').filter({ hasText: checkoutUrl })).toBeVisible();
  await purchase.getByRole('button', { name: 'Copy address' }).click();
  await expect(purchase.getByRole('status').filter({ hasText: 'Copied the checkout address to the clipboard.' })).toBeVisible();
  expect((await bridge.state()).clipboard).toBe(checkoutUrl);
  await screenshot(app, 'portal-purchase-waiting');

  await pay(app, bridge, before);
  await expect(purchase.getByRole('heading', { name: 'Payment validated' })).toBeVisible({ timeout: 20_000 });
  const aYearOut = await dateIn(bridge, 365);
  await expect(purchase).toContainText(`“Primary SSO 2027” is active until ${aYearOut}`);
  // The guide's "will appear here once we've validated your payment" was for the wait: it is validated now.
  await expect(purchase).not.toContainText('Successful purchase.');
  await expect(purchase.getByRole('button', { name: 'Install into Primary SSO' })).toBeVisible();
  await screenshot(app, 'portal-purchase-paid');
  await purchase.getByRole('button', { name: 'Close' }).click();

  // Paid, active, later than the installed key, not installed: renewed-but-not-installed, everywhere.
  const bought = licenseRow(app, 'Primary SSO 2027');
  await expect(bought).toContainText('Active');
  await expect(bought).toContainText('Renewed, not installed on Primary SSO');
  await expect(bought.getByRole('link', { name: 'Primary SSO' })).toHaveAttribute('href', /^#instance\//);

  await app.getByRole('link', { name: 'Instances', exact: true }).click();
  await expect(rowNamed(app, 'Primary SSO')).toContainText('Not installed');
  await expect(app.getByRole('region', { name: /renewed license is not installed/ })).toContainText('“Primary SSO 2027” (Acme Corp) for Primary SSO');
  await screenshot(app, 'portal-renewed-not-installed-dashboard');

  await openInstance(app, 'Primary SSO');
  const card = app.getByRole('region', { name: 'Renewed in the customer portal, not installed' });
  await expect(card).toContainText('“Primary SSO 2027” (Acme Corp)');
  await screenshot(app, 'portal-renewed-not-installed-instance');

  // One click: the key goes through the instance preflight, then one install.
  await card.getByRole('button', { name: /Install into Primary SSO/ }).click();
  const install = app.getByRole('dialog', { name: 'Install “Primary SSO 2027” into Primary SSO' });
  await expect(install.getByRole('heading', { name: 'Ready to install on Primary SSO' })).toBeVisible();
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
  await expect(licenseRow(app, 'Primary SSO 2027')).toContainText('Active');
  await expect(licenseRow(app, 'Primary SSO 2027')).not.toContainText('Renewed, not installed');
  await screenshot(app, 'portal-licenses-installed');
});

test('a purchase whose dialog was closed before paying is followed on the organization page: the guide’s message, then the license with Install', async ({ app, bridge, keys }) => {
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
  await expect(followed).toContainText("Successful purchase. Your license will appear here once we've validated your payment. If it doesn't, please contact us.");
  await expect(followed).toContainText('Checking the license again in');
  await expect(licenseRow(app, 'Lab SSO 2027')).toContainText('Pending payment');
  await screenshot(app, 'portal-purchase-followed-waiting');
  // The same checkout page opens again from here: no second order.
  const opened = (await bridge.state()).openedUrls;
  await followed.getByRole('button', { name: 'Open checkout again for “Lab SSO 2027”' }).click();
  await expect.poll(async () => (await bridge.state()).openedUrls.length).toBe(opened.length + 1);
  expect((await bridge.state()).openedUrls.at(-1)).toBe(opened.at(-1));
  await expect(app.getByRole('rowheader', { name: 'Lab SSO 2027', exact: true })).toHaveCount(1);

  // Paid in the browser; the page notices by itself (its checks back off to at most once a minute; the first come within seconds).
  await pay(app, bridge, before);
  await expect(followed).toContainText(`“Lab SSO 2027” is active until ${await dateIn(bridge, 365)}: its key is ready.`, { timeout: 30_000 });
  await expect(followed).not.toContainText('Successful purchase.');
  await expect(licenseRow(app, 'Lab SSO 2027')).toContainText('Active');
  await screenshot(app, 'portal-purchase-followed-paid');

  await followed.getByRole('button', { name: /^Install into Lab SSO/ }).click();
  const install = app.getByRole('dialog', { name: 'Install “Lab SSO 2027” into Lab SSO' });
  await expect(install.getByRole('heading', { name: 'Ready to install on Lab SSO' })).toBeVisible();
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('heading', { name: 'Installed on Lab SSO' })).toBeVisible();
  await install.getByRole('button', { name: 'Done' }).click();
  await expect(licenseRow(app, 'Lab SSO 2027')).not.toContainText('Renewed, not installed');
  await followed.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(followed).toHaveCount(0);
  await expect(licenseRow(app, 'Lab SSO 2027')).toContainText('Active');
  await screenshot(app, 'portal-purchase-followed-installed');
});

test('buys a license for an installation that is not saved here, by its typed Install ID, through the checkout', async ({ app, bridge }) => {
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
  await expect(licenseRow(app, 'Offsite DR')).toContainText('Pending payment');
  await pay(app, bridge, before);
  await expect(purchase.getByRole('heading', { name: 'Payment validated' })).toBeVisible({ timeout: 20_000 });
  await expect(purchase).toContainText(`“Offsite DR” is active until ${await dateIn(bridge, 365)}`);
  await expect(purchase).toContainText('No saved instance has this license’s Install ID');
  await expect(purchase.getByRole('button', { name: /^Install into/ })).toHaveCount(0);
  await screenshot(app, 'portal-purchase-typed-install-id-paid');
  await purchase.getByRole('button', { name: 'Close' }).click();

  const bought = licenseRow(app, 'Offsite DR');
  await expect(bought).toContainText('Active');
  await expect(bought).toContainText('No saved instance');
  await expect(bought).toContainText('15');
  await expect(bought.getByText(`(Install ID ${installId.toUpperCase()})`)).toBeAttached();
});

test('one click installs a renewed key from the organization’s licenses row, the dashboard’s notice and the dashboard row', async ({ app, bridge, keys }) => {
  await bridge.startPortalSim({ checkoutDelayMs: 0 });
  const ids = { row: newInstallId('a1b2c3d4-0001'), notice: newInstallId('a1b2c3d4-0002'), dashboard: newInstallId('a1b2c3d4-0003') };
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
  await expect(berlin).toContainText('Renewed, not installed on Berlin');
  await berlin.getByRole('button', { name: /^Install into Berlin/ }).click();
  let install = app.getByRole('dialog', { name: 'Install “Berlin 2027” into Berlin' });
  await expect(install.getByRole('heading', { name: 'Ready to install on Berlin' })).toBeVisible();
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('heading', { name: 'Installed on Berlin' })).toBeVisible();
  await install.getByRole('button', { name: 'Done' }).click();
  await expect(berlin).not.toContainText('Renewed, not installed');
  await screenshot(app, 'portal-install-from-licenses-row');

  // The dashboard's notice lists the other two; its button installs one.
  await app.getByRole('link', { name: 'Instances', exact: true }).click();
  const notice = app.getByRole('region', { name: '2 renewed licenses are not installed' });
  await expect(notice).toContainText('“Hamburg 2027” (Acme Corp) for Hamburg');
  await expect(notice).toContainText('“Munich 2027” (Acme Corp) for Munich');
  await expect(notice).not.toContainText('Berlin');
  await notice.getByRole('button', { name: /^Install into Hamburg/ }).click();
  install = app.getByRole('dialog', { name: 'Install “Hamburg 2027” into Hamburg' });
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('heading', { name: 'Installed on Hamburg' })).toBeVisible();
  await install.getByRole('button', { name: 'Done' }).click();
  await expect(app.getByRole('region', { name: 'A renewed license is not installed' })).toContainText('“Munich 2027” (Acme Corp) for Munich');
  await expect(rowNamed(app, 'Hamburg')).not.toContainText('Not installed');
  await screenshot(app, 'portal-install-from-dashboard-notice');

  // The row's own Install.
  const munich = rowNamed(app, 'Munich');
  await expect(munich).toContainText('Not installed');
  await munich.getByRole('button', { name: 'Install renewed license “Munich 2027” into Munich' }).click();
  install = app.getByRole('dialog', { name: 'Install “Munich 2027” into Munich' });
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('heading', { name: 'Installed on Munich' })).toBeVisible();
  await install.getByRole('button', { name: 'Done' }).click();
  await expect(munich).not.toContainText('Not installed');
  await expect(app.getByRole('region', { name: /renewed licenses? (is|are) not installed/ })).toHaveCount(0);
  await expect(munich).toContainText(await dateIn(bridge, 365));
  await screenshot(app, 'portal-install-from-dashboard-row');
});

test('a paid license that cannot be compared with an instance whose last read failed says so, with Refresh, instead of keeping quiet', async ({ app, bridge, keys }) => {
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
  await rowNamed(app, 'Vienna').getByRole('button', { name: 'Refresh Vienna' }).click();
  await expect(rowNamed(app, 'Vienna')).toContainText('refused the connection');
  const dashboardNote = app.locator('[data-not-compared]').filter({ hasText: '“Vienna 2027” could not be compared with Vienna' });
  await expect(dashboardNote).toContainText('the instance’s last read failed');
  await expect(dashboardNote.getByRole('button', { name: 'Refresh Vienna' })).toBeVisible();
  await expect(app.getByRole('region', { name: /renewed licenses? (is|are) not installed/ })).toHaveCount(0);
  await screenshot(app, 'portal-not-compared-dashboard');

  await openLicenses(app, acme.name);
  const vienna = licenseRow(app, 'Vienna 2027');
  await expect(vienna).toContainText('This license could not be compared with Vienna: the instance’s last read failed');
  await expect(vienna).toContainText('so whether its key is installed there is unknown');
  await expect(vienna).not.toContainText('Renewed, not installed');
  await screenshot(app, 'portal-not-compared-licenses');
  // Refresh reads the instance again (still unreachable here), and the row says so again.
  await vienna.getByRole('button', { name: 'Refresh Vienna' }).click();
  await expect(vienna.getByRole('button', { name: 'Refresh Vienna' })).toBeVisible();
  await expect(vienna).toContainText('could not be compared with Vienna');
});

test('reveals a key only on request, copies it in main, and the clipboard is cleared after a minute', async ({ app, bridge }) => {
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
  await expect(details.getByRole('status').filter({ hasText: 'Copied; the clipboard is cleared in 60 s.' })).toBeVisible();
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

test('renames and renews a license as an Owner; a Member sees the key but no Owner actions', async ({ app, bridge }) => {
  await bridge.startPortalSim({ checkoutDelayMs: 300 });
  await signIn(app, bridge, alice.email);
  await openLicenses(app, acme.name);

  await licenseRow(app, 'Edge sites').getByRole('button', { name: 'Details of Edge sites' }).click();
  const details = app.getByRole('dialog', { name: 'License “Edge sites”' });
  await details.getByRole('button', { name: 'Rename…' }).click();
  await details.getByLabel('Nickname').fill(' ');
  await details.getByRole('button', { name: 'Save name' }).click();
  await expect(details.getByLabel('Nickname')).toHaveAccessibleDescription(/Give the license a name of 1 to 100 characters/);
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
  await expect(renewal).toContainText("Successful purchase. Your license will appear here once we've validated your payment. If it doesn't, please contact us.");
  await renewal.getByRole('button', { name: 'Stop checking' }).click();
  await expect(renewal).toContainText('Stopped checking.');
  await pay(app, bridge, before);
  await renewal.getByRole('button', { name: 'Check again' }).click();
  await expect(renewal.getByRole('heading', { name: 'Payment validated' })).toBeVisible({ timeout: 20_000 });
  await expect(renewal).toContainText('Renewed: “Edge sites EU” now runs until');
  await expect(renewal).not.toContainText('Successful purchase.');
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

/**
 * Saves "Acme production", an instance running the portal's "Production" key (read as a person would,
 * revealed in its details), and opens Acme's licenses again, where the row links to it.
 */
async function instanceOnProductionKey(app: Page, bridge: Bridge): Promise<void> {
  await openLicenses(app, acme.name);
  await licenseRow(app, 'Production').getByRole('button', { name: 'Details of Production' }).click();
  const details = app.getByRole('dialog', { name: 'License “Production”' });
  await details.getByRole('button', { name: 'Reveal' }).click();
  const key = await details.getByRole('textbox', { name: 'License key' }).inputValue();
  await details.getByRole('button', { name: 'Close' }).click();
  await app.getByRole('link', { name: 'Instances', exact: true }).click();
  await savedInstance(app, bridge, 'Acme production', { installId: SEED.licenses.acmeProduction.installId, keys: [key], internalUsers: 40 });
  await openLicenses(app, acme.name);
  await expect(licenseRow(app, 'Production').getByRole('link', { name: 'Acme production' })).toBeVisible();
}

test('renews a license installed on an instance: the paid renewal replaces the key it renews, in place', async ({ app, bridge }) => {
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
  await expect(install.getByRole('heading', { name: /^Ready to replace “.+” on Acme production$/ })).toBeVisible();
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

test('a renewal paid on the portal’s website is installed in place of the key it renews, with one click on the licenses row', async ({ app, bridge }) => {
  await bridge.startPortalSim({ checkoutDelayMs: 0 });
  await signIn(app, bridge, alice.email);
  await instanceOnProductionKey(app, bridge);

  // Renewed and paid outside the app's dialogs, as on the portal's website: nothing in the page remembers the old key.
  const before = (await bridge.state()).openedUrls.length;
  const renewal = await app.evaluate((input) => (window as unknown as { api: Api }).api.invoke('portal:renew-license', input), { org: acme.id, id: SEED.licenses.acmeProduction.id });
  expect(renewal.ok).toBe(true);
  await pay(app, bridge, before);
  await app.reload();
  await openLicenses(app, acme.name);
  const production = licenseRow(app, 'Production');
  await expect(production).toContainText('Renewed, not installed on Acme production');

  await production.getByRole('button', { name: /^Install into Acme production/ }).click();
  const install = app.getByRole('dialog', { name: 'Install “Production” into Acme production' });
  await expect(install.getByRole('heading', { name: 'Ready to replace “Production” on Acme production' })).toBeVisible();
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
