import type { Page } from '@playwright/test';
import type { Api } from '../../shared/ipc/api';
import { SEED } from '../sim/portal';
import { expect, openRecordedUrl, portalAddressReady, signInAtPortal, type Bridge } from './fixtures';
import { savedInstance } from './instance-helpers';

// What the portal licenses specs share: signing in, opening an organization's licenses, paying on the
// checkout page the app opened, and the instance that runs Acme's "Production" key.

const { acme } = SEED.organizations;
const DAY_MS = 24 * 3600 * 1000;

/** Signs in from the Customer portal screen, answering the portal's sign-in page in the browser as `email`. */
export async function signIn(app: Page, bridge: Bridge, email: string): Promise<void> {
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await portalAddressReady(app);
  await app.getByRole('button', { name: 'Sign in', exact: true }).click();
  await signInAtPortal(app, bridge, email);
  await expect(app.getByRole('heading', { level: 1, name: 'My organizations' })).toBeVisible();
}

/** Opens an organization's Licenses tab from "My organizations". */
export async function openLicenses(app: Page, organization: string): Promise<void> {
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await app.getByRole('link', { name: organization, exact: true }).click();
  await app.getByRole('tab', { name: 'Licenses' }).click();
  await expect(app.getByRole('heading', { name: 'Licenses', exact: true })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Loading the licenses…' })).toHaveCount(0);
}

/** Plays the person paying on the checkout page the app opened in their browser after `before` URLs. */
export async function pay(app: Page, bridge: Bridge, before: number): Promise<void> {
  const opened = (await bridge.state()).openedUrls.slice(0, before);
  const checkout = await openRecordedUrl(app, bridge, (url) => url.includes('/checkout/') && !opened.includes(url));
  await checkout.getByRole('button', { name: 'Pay' }).click();
  await expect(checkout.getByRole('status')).toContainText('Payment');
  await checkout.close();
}

/**
 * Orders a license for `installId` through the app's own API (the screens' purchase has its own tests) and
 * pays it on the checkout page the app opened in the browser.
 */
export async function boughtFor(app: Page, bridge: Bridge, installId: string, name: string): Promise<void> {
  const before = (await bridge.state()).openedUrls.length;
  const order = { plan: SEED.plans.yearlyEur.id, name, install_id: installId, internal_users: 20, external_users: 1 };
  const result = await app.evaluate(
    ({ org, order }) => (window as unknown as { api: Api }).api.invoke('portal:checkout', { org, order }),
    { org: acme.id, order },
  );
  expect(result.ok).toBe(true);
  await pay(app, bridge, before);
}

export const licenseRow = (app: Page, nickname: string) =>
  app.getByRole('row').filter({ has: app.getByRole('rowheader', { name: nickname, exact: true }) });

/**
 * The date `days` after the bridge's business clock, as the app writes it (the reader's locale, medium).
 * The portal simulator dates a paid license from that clock, which stands still from the bridge's start:
 * a date taken from this test's own clock would be a day off once midnight passed during the test.
 */
export async function dateIn(bridge: Bridge, days: number): Promise<string> {
  const { now } = await bridge.state();
  return new Date(now + days * DAY_MS).toLocaleDateString('en-US', { dateStyle: 'medium' });
}

/**
 * Saves "Acme production", an instance running the portal's "Production" key (read as a person would,
 * revealed in its details), and opens Acme's licenses again, where the row links to it.
 */
export async function instanceOnProductionKey(app: Page, bridge: Bridge): Promise<void> {
  await openLicenses(app, acme.name);
  await licenseRow(app, 'Production').getByRole('button', { name: 'Details of Production' }).click();
  const details = app.getByRole('dialog', { name: 'License “Production”' });
  await details.getByRole('button', { name: 'Reveal' }).click();
  const key = await details.getByRole('textbox', { name: 'License key' }).inputValue();
  await details.getByRole('button', { name: 'Close' }).click();
  await app.getByRole('link', { name: 'Instances', exact: true }).click();
  await savedInstance(app, bridge, 'Acme production', {
    installId: SEED.licenses.acmeProduction.installId,
    keys: [key],
    internalUsers: 40,
  });
  await openLicenses(app, acme.name);
  await expect(licenseRow(app, 'Production').getByRole('link', { name: 'Acme production' })).toBeVisible();
}
