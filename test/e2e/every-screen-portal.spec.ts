import type { Api } from '../../shared/ipc/api';
import { SEED } from '../sim/portal';
import { expect, portalAddressReady, test } from './fixtures';
import { checkScreen } from './every-screen-helpers';
import { newInstallId } from './instance-helpers';
import { signIn } from './portal-members-helpers';

// Every screen of the customer portal side, in both themes: axe finds nothing serious and every target is
// 24 × 24 px or more (see every-screen-helpers.ts). One bridge and one portal simulator for the whole walk.

const { alice, erin } = SEED.users;
const { acme } = SEED.organizations;

test.describe.configure({ timeout: 240_000 });

test('the portal screens, an organization’s tabs, the purchase and license dialogs and an invitation pass axe and target size in both themes', async ({
  app,
  bridge,
}) => {
  await bridge.startPortalSim({ checkoutDelayMs: 300 });
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await portalAddressReady(app);
  await checkScreen(app, 'Customer portal, signed out');

  await signIn(app, bridge, alice.email);
  await expect(app.getByRole('link', { name: acme.name, exact: true })).toBeVisible();
  await checkScreen(app, 'My organizations');

  await app.getByRole('link', { name: acme.name, exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: acme.name })).toBeVisible();
  await app.getByRole('tab', { name: 'Overview' }).click();
  await expect(app.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  await checkScreen(app, 'Organization, Overview');

  await app.getByRole('tab', { name: 'Members' }).click();
  await expect(app.getByRole('heading', { name: 'Membership' })).toBeVisible();
  await expect(app.getByRole('rowheader', { name: 'Alice Adams' })).toBeVisible();
  await checkScreen(app, 'Organization, Members');

  await app.getByRole('tab', { name: 'Licenses' }).click();
  await expect(app.getByRole('heading', { name: 'Licenses', exact: true })).toBeVisible();
  await expect(app.getByRole('rowheader', { name: 'Production', exact: true })).toBeVisible();
  await checkScreen(app, 'Organization, Licenses');

  await app.getByRole('button', { name: 'Details of Production' }).click();
  const details = app.getByRole('dialog', { name: 'License “Production”' });
  await expect(details).toBeVisible();
  await checkScreen(app, 'License details dialog');
  await app.keyboard.press('Escape');
  await expect(details).toBeHidden();

  await app.getByRole('button', { name: 'Purchase license' }).click();
  const purchase = app.getByRole('dialog', { name: 'Purchase a license' });
  await expect(purchase.getByRole('radio').first()).toBeVisible();
  const installId = purchase.getByLabel('Install ID');
  if (!(await installId.isVisible()))
    await purchase.getByLabel('Instance').selectOption({ label: 'Another installation: type its Install ID…' });
  await installId.fill(newInstallId('a11e0005-0005'));
  await purchase.getByLabel('License name').fill('Every screen');
  await purchase.getByLabel('Internal users').fill('10');
  await purchase.getByLabel('External users').fill('1');
  await purchase.getByRole('radio').first().check();
  await checkScreen(app, 'Purchase dialog, order form');
  await purchase.getByRole('button', { name: 'Continue' }).click();
  await expect(purchase.getByRole('heading', { name: 'Checkout opened in your browser' })).toBeVisible();
  await checkScreen(app, 'Purchase dialog, payment step');
  await app.keyboard.press('Escape');
  await expect(purchase).toBeHidden();

  await app.getByRole('tab', { name: 'Billing' }).click();
  await expect(app.getByRole('heading', { name: 'Invoice and payment history' })).toBeVisible();
  await expect(app.locator('[aria-busy="true"]')).toHaveCount(0);
  await checkScreen(app, 'Organization, Billing');

  const invited = await app.evaluate(
    ({ org, email }) =>
      (window as unknown as { api: Api }).api.invoke('portal:create-invitation', {
        org,
        invitation: { email, role: 'member' },
      }),
    { org: acme.id, email: erin.email },
  );
  expect(invited.ok).toBe(true);
  const link = (await bridge.portalOutbox()).find((message) => message.to === erin.email)?.link ?? '';
  await app.evaluate((hash) => (window.location.hash = hash), `invitation?link=${encodeURIComponent(link)}`);
  await expect(app.getByRole('region', { name: `Invitation to ${acme.name}` })).toBeVisible();
  await checkScreen(app, 'Invitation');
});
