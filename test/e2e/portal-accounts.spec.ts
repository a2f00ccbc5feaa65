import type { Page } from '@playwright/test';
import { SEED } from '../sim/portal';
import { expect, portalAddressReady, screenshot, signInAtPortal, test, type Bridge } from './fixtures';

const { alice, bob, erin } = SEED.users;

// Each test starts a portal simulator (its own PKI and OpenID Provider) and signs in through it.
test.slow();

/** Presses Sign in, sees the app wait for the browser, and signs in there as `email`. */
async function signIn(app: Page, bridge: Bridge, email: string): Promise<void> {
  await portalAddressReady(app);
  await app.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(app.getByText('Continue in your browser…')).toBeVisible();
  await signInAtPortal(app, bridge, email);
}

const accountButton = (app: Page, email: string, portalUrl: string) =>
  app.getByRole('button', { name: `Portal account: ${email} on ${new URL(portalUrl).host}` });

test('signs in through the browser, creates the first organization, edits it and opens the Support center', async ({
  app,
  bridge,
}) => {
  const portalUrl = (await bridge.startPortalSim()).url;
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Customer portal' })).toBeVisible();
  await expect(app.getByLabel('Portal address')).toHaveValue(portalUrl);
  await signIn(app, bridge, erin.email);

  await expect(app.getByRole('heading', { level: 1, name: 'My organizations' })).toBeVisible();
  await expect(accountButton(app, erin.email, portalUrl)).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Create an organization' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Paste the invitation link' })).toBeVisible();

  // Checked before anything is sent: the rules of shared/portal/validation.
  await app.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(app.getByLabel('Organization name')).toHaveAccessibleDescription(
    /Give the organization a name of 1 to 100 characters/,
  );
  await app.getByLabel('Organization name').fill('Evans Labs');
  await app.getByLabel('Notification e-mail').fill('billing@evans');
  await app.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(app.getByLabel('Notification e-mail')).toHaveAccessibleDescription(
    /An e-mail address looks like anna@example.com/,
  );
  await expect(app.getByLabel('Notification e-mail')).toBeFocused();
  await screenshot(app, 'portal-first-run');

  await app.getByLabel('Notification e-mail').fill('billing@evans.test');
  await app.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Evans Labs' })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Created Evans Labs. You are its Owner' })).toBeVisible();
  await expect(app.getByText('Your role: Owner')).toBeVisible();
  await expect(app.getByRole('tab', { name: 'Overview', selected: true })).toBeVisible();
  await expect(app.getByRole('tabpanel')).toContainText('billing@evans.test');
  await screenshot(app, 'portal-org-created');

  // The tabs are one tab stop; the arrow keys, Home and End move between them.
  await app.getByRole('tab', { name: 'Overview' }).focus();
  await app.keyboard.press('ArrowRight');
  await expect(app.getByRole('tab', { name: 'Members', selected: true })).toBeFocused();
  await expect(app).toHaveURL(/#org\/[0-9a-f-]{36}\/members$/);
  await app.keyboard.press('End');
  await expect(app.getByRole('tab', { name: 'Billing', selected: true })).toBeFocused();
  await app.keyboard.press('Home');
  await expect(app.getByRole('tab', { name: 'Overview', selected: true })).toBeFocused();

  await app.getByRole('button', { name: 'Edit organization' }).click();
  const edit = app.getByRole('dialog', { name: 'Edit Evans Labs' });
  await expect(edit.getByLabel('Organization name')).toBeFocused();
  await edit.getByLabel('Organization name').fill('Evans Labs GmbH');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(app.getByRole('heading', { level: 1, name: 'Evans Labs GmbH' })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Saved Evans Labs GmbH.' })).toBeVisible();

  await expect(
    app.getByText('If you need to delete an organization, open a ticket in the Support center.'),
  ).toBeVisible();
  await app.getByRole('button', { name: 'Open the Support center' }).click();
  await expect.poll(async () => (await bridge.state()).openedUrls).toContain(`${portalUrl}/support`);

  await app.getByRole('link', { name: '← My organizations' }).click();
  const row = app.getByRole('row').filter({ has: app.getByRole('rowheader', { name: 'Evans Labs GmbH' }) });
  await expect(row).toContainText('Owner');
});

test('cancels a sign-in that waits for the browser, and says so when the person declines at the portal', async ({
  app,
  bridge,
}) => {
  await bridge.startPortalSim();
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await portalAddressReady(app);
  await app.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(app.getByText('Continue in your browser…')).toBeVisible();
  await screenshot(app, 'portal-sign-in-waiting');
  await app.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByText('Sign-in cancelled. Nothing was saved.')).toBeVisible();
  await expect(app.getByRole('heading', { level: 1, name: 'Customer portal' })).toBeVisible();
  // The cancelled sign-in's page is gone; the browser gets the new one.
  await app.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect
    .poll(async () => (await bridge.state()).openedUrls.filter((url) => url.includes('/oidc/auth')).length)
    .toBe(2);
  await signInAtPortal(app, bridge, erin.email, { deny: true });
  await expect(app.getByRole('alert')).toContainText('You declined the sign-in');
  await expect(app.getByRole('heading', { level: 1, name: 'Customer portal' })).toBeVisible();
});

test('says when an address is no customer portal', async ({ app, bridge }) => {
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await app.getByLabel('Portal address').fill(bridge.url);
  await app.getByRole('button', { name: 'Sign in', exact: true }).click();
  const problem = app.getByRole('alert');
  await expect(problem).toContainText(
    `${new URL(bridge.url).host} does not implement the customer portal API this app uses`,
  );
  await expect(problem).toContainText(`You can still use the portal's web pages: open ${bridge.url} in your browser.`);
  // Only an https:// portal's pages are opened from the app.
  await expect(app.getByRole('button', { name: 'Open the portal’s web pages' })).toHaveCount(0);
  await expect(app.getByRole('heading', { level: 1, name: 'Customer portal' })).toBeVisible();
  await screenshot(app, 'portal-not-a-portal');
});

test('keeps several accounts: the menu shows the one in use, switches and signs out', async ({ app, bridge }) => {
  const portalUrl = (await bridge.startPortalSim()).url;
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await signIn(app, bridge, alice.email);
  const organizations = app.getByRole('table', { name: 'Your organizations and your role in each' });
  await expect(organizations.getByRole('row').filter({ hasText: 'Acme Corp' })).toContainText('Owner');
  await expect(organizations.getByRole('row').filter({ hasText: 'Globex Inc.' })).toContainText('Member');

  // The guide's "Create an organization" on My organizations, for an account that has some already.
  await app.getByRole('button', { name: 'Create an organization' }).click();
  const create = app.getByRole('dialog', { name: 'Create an organization' });
  await expect(create.getByLabel('Organization name')).toBeFocused();
  await create.getByLabel('Organization name').fill('Adams Consulting');
  await create.getByLabel('Notification e-mail').fill('office@adams.test');
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Adams Consulting' })).toBeVisible();
  await app.getByRole('link', { name: '← My organizations' }).click();
  await expect(organizations.getByRole('row').filter({ hasText: 'Adams Consulting' })).toContainText('Owner');

  await accountButton(app, alice.email, portalUrl).click();
  await app.getByRole('button', { name: 'Add another account' }).click();
  await expect(app.getByRole('heading', { name: 'Sign in with another account' })).toBeVisible();
  await signIn(app, bridge, bob.email);
  await expect(accountButton(app, bob.email, portalUrl)).toBeVisible();
  await expect(organizations.getByRole('row').filter({ hasText: 'Acme Corp' })).toContainText('Member');
  await expect(organizations.getByRole('row').filter({ hasText: 'Globex Inc.' })).toHaveCount(0);

  await accountButton(app, bob.email, portalUrl).click();
  const menu = app.locator('#account-menu-panel');
  await expect(menu.getByRole('listitem')).toHaveCount(2);
  await expect(menu.getByRole('listitem').filter({ hasText: bob.email })).toContainText('In use');
  await screenshot(app, 'portal-account-menu');
  await menu.getByRole('button', { name: `Switch to ${alice.email} on ${new URL(portalUrl).host}` }).click();
  await expect(accountButton(app, alice.email, portalUrl)).toBeVisible();
  await expect(organizations.getByRole('row').filter({ hasText: 'Globex Inc.' })).toContainText('Member');

  await accountButton(app, alice.email, portalUrl).click();
  await menu.getByRole('button', { name: `Sign out ${bob.email} on ${new URL(portalUrl).host}` }).click();
  await expect(
    app.getByText(`Signed out ${bob.email} on ${new URL(portalUrl).host}. The portal revoked its sign-in`),
  ).toBeVisible();
  await accountButton(app, alice.email, portalUrl).click();
  await expect(menu.getByRole('listitem')).toHaveCount(1);

  await menu.getByRole('button', { name: `Sign out ${alice.email} on ${new URL(portalUrl).host}` }).click();
  await expect(app.getByRole('button', { name: 'Sign in to the customer portal' })).toBeVisible();
  await expect(app.getByRole('heading', { level: 1, name: 'Customer portal' })).toBeVisible();
});
