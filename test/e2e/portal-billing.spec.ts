import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { SEED } from '../sim/portal';
import { expect, openRecordedUrl, screenshot, signInAtPortal, test, type Bridge } from './fixtures';
import { seriousViolations } from './axe';

const { alice } = SEED.users;
const { acme, globex } = SEED.organizations;

/** Signs in as `email` from the Customer portal screen, answering the portal's sign-in page in the browser. */
async function signIn(app: Page, bridge: Bridge, email: string, portalUrl: string): Promise<void> {
  await app.getByRole('link', { name: 'Customer portal' }).click();
  // The page opened before the simulator started: sign in once it offers the simulator as the portal.
  await expect(app.getByLabel('Portal address')).toHaveValue(portalUrl);
  await app.getByRole('button', { name: 'Sign in', exact: true }).click();
  await signInAtPortal(app, bridge, email);
  await expect(app.getByRole('heading', { level: 1, name: 'My organizations' })).toBeVisible();
}

/** From My organizations, as the guide says: the organization, then its billing ("Manage Billing"). */
async function openBilling(app: Page, organization: string): Promise<void> {
  await app.getByRole('link', { name: organization, exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: organization })).toBeVisible();
  await app.getByRole('tab', { name: 'Billing' }).click();
  await expect(app.getByRole('heading', { level: 2, name: 'Billing' })).toBeVisible();
}

const accountSection = (app: Page) => app.getByRole('region', { name: 'Account information' });

// Signing in answers the portal's pages in a browser window of its own: give each test room.
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ app, bridge }) => {
  const { url } = await bridge.startPortalSim();
  await signIn(app, bridge, alice.email, url);
});

test('an Owner edits the billing account: a bad postal code is refused in place and nothing is saved, a good one is saved', async ({
  app,
}) => {
  await openBilling(app, acme.name);
  const account = accountSection(app);
  const postalCode = account.getByLabel('Postal code');
  await expect(postalCode).toHaveValue('10117');
  await expect(account.getByLabel('Country')).toHaveValue('DE');
  await expect(account.getByRole('option', { name: 'Germany' })).toHaveCount(1);

  await postalCode.fill('1011');
  await account.getByLabel('City').fill('Potsdam');
  await account.getByRole('button', { name: 'Save' }).click();
  const refusal = 'A postal code in Germany has 5 digits, like 10115';
  await expect(postalCode).toHaveAttribute('aria-invalid', 'true');
  await expect(postalCode).toHaveAccessibleDescription(new RegExp(`^${refusal}`));
  await expect(postalCode).toBeFocused();
  await expect(account.getByRole('alert')).toHaveText('Nothing was saved. Correct the marked fields, then save again.');
  expect(await seriousViolations(app)).toEqual([]);
  await screenshot(app, 'portal-billing-bad-postal-code');

  // Nothing reached the portal: read afresh, the account is as it was.
  await app.reload();
  await expect(app.getByRole('heading', { level: 2, name: 'Billing' })).toBeVisible();
  await expect(accountSection(app).getByLabel('Postal code')).toHaveValue('10117');
  await expect(accountSection(app).getByLabel('City')).toHaveValue('Berlin');

  await accountSection(app).getByLabel('City').fill('Potsdam');
  await accountSection(app).getByLabel('Postal code').fill('14467');
  await accountSection(app).getByRole('button', { name: 'Save' }).click();
  await expect(accountSection(app).getByRole('status')).toHaveText('Saved the billing account.');
  await expect(accountSection(app).getByLabel('Postal code')).toHaveAttribute('aria-invalid', 'false');

  await app.reload();
  await expect(accountSection(app).getByLabel('Postal code')).toHaveValue('14467');
  await expect(accountSection(app).getByLabel('City')).toHaveValue('Potsdam');
  await screenshot(app, 'portal-billing-saved');
});

test('a new country re-checks the tax ID against its VAT prefix before anything is sent', async ({ app }) => {
  await openBilling(app, acme.name);
  const account = accountSection(app);
  await account.getByLabel('Country').selectOption({ label: 'Austria' });
  const taxId = account.getByLabel('Tax ID');
  await expect(taxId).toHaveAttribute('aria-invalid', 'true');
  await expect(taxId).toHaveAccessibleDescription(/^A VAT ID in Austria starts with AT, like ATU12345678/);
  await expect(account.getByLabel('Postal code')).toHaveAccessibleDescription(
    /^A postal code in Austria has 4 digits, like 1010/,
  );
  await account.getByLabel('Postal code').fill('1010');
  await taxId.fill('ATU12345678');
  await account.getByLabel('Phone').fill('+43 1 234');
  await account.getByLabel('Phone').blur();
  await expect(account.getByLabel('Phone')).toHaveAccessibleDescription(
    /^Write the phone number in international form/,
  );
  await account.getByLabel('Phone').fill('+431234567');
  await account.getByRole('button', { name: 'Save' }).click();
  await expect(account.getByRole('status')).toHaveText('Saved the billing account.');
  await expect(account.getByLabel('Country')).toHaveValue('AT');
  await expect(taxId).toHaveAttribute('aria-invalid', 'false');
  await screenshot(app, 'portal-billing-new-country');
});

test('a field the portal itself refuses (its 422, by a rule only it knows) is marked in place, and nothing is saved', async ({
  app,
  bridge,
}) => {
  await openBilling(app, acme.name);
  const account = accountSection(app);
  const street = account.getByLabel('Address line 1');
  await expect(street).toHaveValue('Friedrichstraße 68');
  await street.fill('Friedrichstraße 6800');
  // The app's own rules pass; the portal checks the street against its address register and refuses it.
  const refusal = 'The portal found no such address in Berlin; check the street and number';
  await bridge.portalFault({
    method: 'PATCH',
    path: `/api/v1/organizations/${acme.id}/billing/account`,
    status: 422,
    error: {
      code: 'validation_failed',
      message: 'The billing account was not changed: a field was refused.',
      fields: { address_line1: refusal },
    },
  });
  await account.getByRole('button', { name: 'Save' }).click();
  await expect(street).toHaveAttribute('aria-invalid', 'true');
  await expect(street).toHaveAccessibleDescription(new RegExp(`^${refusal}`));
  await expect(account.getByRole('alert')).toHaveText('Nothing was saved: the portal refused the marked fields.');
  await expect(account.getByLabel('Postal code')).toHaveAttribute('aria-invalid', 'false');
  expect(await seriousViolations(app)).toEqual([]);
  await screenshot(app, 'portal-billing-server-field-error');

  // Editing the field clears the portal's message; read afresh, the account is as it was.
  await street.fill('Friedrichstraße 69');
  await expect(street).toHaveAttribute('aria-invalid', 'false');
  await app.reload();
  await expect(accountSection(app).getByLabel('Address line 1')).toHaveValue('Friedrichstraße 68');
});

test('an Owner changes the name and both address lines; they are saved and read back after a reload', async ({
  app,
}) => {
  await openBilling(app, acme.name);
  const account = accountSection(app);
  await expect(account.getByLabel('Name')).toHaveValue('Acme Corp GmbH');
  await expect(account.getByLabel('Address line 2 (optional)')).toHaveValue('');
  await account.getByLabel('Name').fill('Acme Deutschland GmbH');
  await account.getByLabel('Address line 1').fill('Unter den Linden 21');
  await account.getByLabel('Address line 2 (optional)').fill('4. Etage, Buchhaltung');
  await account.getByRole('button', { name: 'Save' }).click();
  await expect(account.getByRole('status')).toHaveText('Saved the billing account.');

  await app.reload();
  const reloaded = accountSection(app);
  await expect(reloaded.getByLabel('Name')).toHaveValue('Acme Deutschland GmbH');
  await expect(reloaded.getByLabel('Address line 1')).toHaveValue('Unter den Linden 21');
  await expect(reloaded.getByLabel('Address line 2 (optional)')).toHaveValue('4. Etage, Buchhaltung');
  await expect(reloaded.getByLabel('City')).toHaveValue('Berlin');
  await screenshot(app, 'portal-billing-name-address-saved');
});

test('a Member sees the billing account read only, with the reason, and no way to add a payment method', async ({
  app,
}) => {
  await openBilling(app, globex.name);
  const account = accountSection(app);
  await expect(
    account.getByText(
      'Only Owners of this organization can change the billing account. You are a Member: ask an Owner to change it.',
    ),
  ).toBeVisible();
  await expect(account.getByRole('textbox')).toHaveCount(0);
  await expect(account.getByText('United States (US)')).toBeVisible();
  await expect(account.getByText('62701')).toBeVisible();
  expect(await seriousViolations(app)).toEqual([]);
  const methods = app.getByRole('region', { name: 'Payment methods' });
  await expect(methods.getByRole('row', { name: /Mastercard/ })).toContainText('4444');
  await expect(methods.getByRole('button', { name: 'Add a payment method' })).toHaveCount(0);
  await expect(methods.getByText('Only Owners of this organization can add payment methods.')).toBeVisible();
  await expect(
    app.getByRole('table', { name: 'Invoices, newest first' }).getByRole('row', { name: /AK-\d{4}-000006/ }),
  ).toContainText('$10,100.00');
  await screenshot(app, 'portal-billing-member');
});

test('invoices show their amount in their currency and status in words, Open PDF opens the downloaded PDF and Pay the portal’s payment page', async ({
  app,
  bridge,
}) => {
  await openBilling(app, acme.name);
  const invoices = app.getByRole('region', { name: 'Invoice and payment history' });
  const invoiceTable = invoices.getByRole('table', { name: 'Invoices, newest first' });
  const staging = invoiceTable.getByRole('row', { name: /AK-\d{4}-000005/ });
  await expect(staging).toContainText('€50.00');
  await expect(staging).toContainText('Open: not paid yet');
  await expect(invoiceTable.getByRole('row', { name: /AK-\d{4}-000003/ })).toContainText('Void: cancelled');
  const production = invoiceTable.getByRole('row', { name: /AK-\d{4}-000002/ });
  await expect(production).toContainText('€5,200.00');
  await expect(production).toContainText('Paid');
  // The payment history: how each was paid, for which invoice, and the declined and refunded ones in words.
  const payments = invoices
    .getByRole('table', { name: 'Payment history, newest first' })
    .getByRole('row', { name: /Visa ending in 4242/ });
  await expect(payments).toHaveCount(5);
  await expect(payments.filter({ hasText: 'Failed' })).toContainText('€1,250.00');
  await expect(payments.filter({ hasText: 'Refunded' })).toContainText(/AK-\d{4}-000003/);

  const number = ((await staging.getByRole('rowheader').textContent()) ?? '').trim();
  await staging.getByRole('button', { name: `Open PDF of invoice ${number}` }).click();
  await expect(app.getByText(`Opened invoice ${number}`, { exact: true })).toBeVisible();
  const { openedFiles } = await bridge.state();
  expect(openedFiles).toHaveLength(1);
  const file = openedFiles[0] as string;
  expect(file.endsWith(`${number}.pdf`)).toBe(true);
  expect(existsSync(file)).toBe(true);
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await screenshot(app, 'portal-billing-invoices');

  // Pay on the open invoice opens the portal's payment page for it in the browser; paid there, it reads Paid.
  const earlier = (await bridge.state()).openedUrls;
  const pay = staging.getByRole('button', { name: `Pay invoice ${number}` });
  const box = await pay.boundingBox();
  expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(24);
  await pay.click();
  await expect(app.getByText(`Opened the payment page of invoice ${number} in your browser`)).toBeVisible();
  const browser = await openRecordedUrl(app, bridge, (url) => url.includes('/invoices/') && !earlier.includes(url));
  await browser.getByRole('button', { name: 'Pay' }).click();
  await expect(browser.getByRole('status')).toContainText(`invoice ${number} is paid`);
  await browser.close();
  await invoices.getByRole('button', { name: 'Refresh invoices' }).click();
  await expect(staging).toContainText('Paid');
  await expect(staging.getByRole('button', { name: `Pay invoice ${number}` })).toHaveCount(0);
});

/** Presses "Add a payment method" and adds `card` on the portal page the app opened in the (test's) browser. */
async function addCardInBrowser(app: Page, bridge: Bridge, card: string): Promise<void> {
  const methods = app.getByRole('region', { name: 'Payment methods' });
  const earlier = (await bridge.state()).openedUrls;
  await methods.getByRole('button', { name: 'Add a payment method' }).click();
  await expect(methods.getByRole('status')).toContainText('open in your browser');
  const browser = await openRecordedUrl(
    app,
    bridge,
    (url) => url.includes('/billing/setup/') && !earlier.includes(url),
  );
  await browser.getByLabel('Card number').fill(card);
  await browser.getByRole('button', { name: 'Add card' }).click();
  await expect(browser.getByRole('status')).toContainText('Card added');
  await browser.close();
}

test('an Owner adds payment methods on the portal page the app opened, and sees them after Refresh or on coming back', async ({
  app,
  bridge,
}) => {
  await openBilling(app, acme.name);
  const methods = app.getByRole('region', { name: 'Payment methods' });
  await expect(methods.getByRole('row')).toHaveCount(3);
  await expect(methods.getByRole('row', { name: /Visa/ })).toContainText('Default');

  await addCardInBrowser(app, bridge, '5105 1051 0510 5100');
  await expect(methods.getByRole('row', { name: /Mastercard/ })).toHaveCount(0);
  await methods.getByRole('button', { name: 'Refresh payment methods' }).click();
  const added = methods.getByRole('row', { name: /Mastercard/ });
  await expect(added).toContainText('5100');
  await expect(added).toContainText('No');
  await expect(methods.getByRole('status')).toHaveText(/^Added Mastercard ending in 5100, expires 12\/\d{4}\.$/);

  // Coming back to the app's window from the browser is enough.
  await addCardInBrowser(app, bridge, '3782 822463 10005');
  await expect(methods.getByRole('row', { name: /American Express/ })).toHaveCount(0);
  await app.bringToFront();
  await app.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(methods.getByRole('row', { name: /American Express/ })).toContainText('0005');
  await expect(methods.getByRole('status')).toHaveText(/^Added American Express ending in 0005, expires 12\/\d{4}\.$/);
  await expect(methods.getByRole('row')).toHaveCount(5);
  await screenshot(app, 'portal-billing-payment-method');
});
