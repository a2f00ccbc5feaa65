import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { Api } from '../../shared/ipc/api';
import type { ChannelName } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { SEED } from '../sim/portal';
import { expect, openRecordedUrl, screenshot, signInAtPortal, test } from './fixtures';
import { rowNamed } from './instance-helpers';

/*
 * The bridge's portal plumbing, driven through the page's own window.api (the screens have their own
 * specs): the portal simulator inside the bridge, a sign-in answered in Chromium and redirected to the
 * app's loopback server, the outbox, the recorded browser URLs and opened files, and keys the portal
 * issues being trusted by authentik simulators started afterwards.
 */

const { alice: ALICE } = SEED.users;
const { acme: ACME } = SEED.organizations;
const YEAR_MS = 365 * 86_400_000;

function call<C extends ChannelName>(app: Page, channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  return app.evaluate(
    ([name, payload]) => (window as unknown as { api: Api }).api.invoke(name as C, payload as ChannelInput<C>),
    [channel, input] as const,
  ) as Promise<Result<ChannelOutput<C>>>;
}

async function ok<C extends ChannelName>(app: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await call(app, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function signIn(app: Page, bridge: Parameters<typeof signInAtPortal>[1], email: string): Promise<void> {
  const signingIn = call(app, 'portal:sign-in', { portalUrl: null });
  await signInAtPortal(app, bridge, email);
  expect(await signingIn).toMatchObject({ ok: true, value: { account: { email, active: true } } });
}

test("signs in at the bridge's portal simulator in Chromium, then reads its outbox and opens an invoice PDF", async ({
  app,
  bridge,
}) => {
  const { url } = await bridge.startPortalSim();
  expect((await ok(app, 'portal:list-accounts', {})).defaultPortalUrl).toBe(url);
  await signIn(app, bridge, ALICE.email);
  expect((await ok(app, 'portal:list-organizations', {})).organizations.map(({ name }) => name).sort()).toEqual([
    'Acme Corp',
    'Globex Inc.',
  ]);

  await ok(app, 'portal:create-invitation', {
    org: ACME.id,
    invitation: { email: 'new.hire@acme.test', role: 'member' },
  });
  const mail = (await bridge.portalOutbox()).find((entry) => entry.to === 'new.hire@acme.test');
  expect(mail?.link).toMatch(new RegExp(`^${url}/invitations/accept\\?token=`));

  const invoice = (await ok(app, 'portal:list-invoices', { org: ACME.id })).invoices[0];
  if (invoice === undefined) throw new Error('the seed has invoices');
  await ok(app, 'portal:open-invoice', { org: ACME.id, id: invoice.id });
  const [opened = ''] = (await bridge.state()).openedFiles;
  expect(readFileSync(opened).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The screens see the same sign-in: the account menu and My organizations.
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await expect(app.getByRole('button', { name: /^Portal account: / })).toContainText(ALICE.email);
  await expect(app.getByRole('heading', { level: 1, name: 'My organizations' })).toBeVisible();
  await expect(app.getByRole('link', { name: 'Acme Corp', exact: true })).toBeVisible();
  await expect(app.getByRole('link', { name: 'Globex Inc.', exact: true })).toBeVisible();
  await screenshot(app, 'portal-bridge-signed-in');
});

test('a key bought at the portal simulator (checkout paid in Chromium) installs on an authentik simulator', async ({
  app,
  bridge,
}) => {
  await bridge.startPortalSim({ checkoutDelayMs: 200 });
  await signIn(app, bridge, ALICE.email);
  const installId = randomUUID();
  const sim = await bridge.startSim({ installId });
  const { instance } = await ok(app, 'instances:add', {
    name: 'Bought',
    url: sim.url,
    token: 'sim-admin-token',
    customer: null,
    tags: [],
    caPem: null,
  });

  const plan = (await ok(app, 'portal:list-plans', {})).plans[0];
  if (plan === undefined) throw new Error('the simulator sells plans');
  const { licenseId } = await ok(app, 'portal:checkout', {
    org: ACME.id,
    order: { plan: plan.id, name: 'Bought', install_id: installId, internal_users: 5, external_users: 1 },
  });
  const checkout = await openRecordedUrl(app, bridge, (url) => url.includes('/checkout/'));
  await checkout.getByRole('button', { name: 'Pay' }).click();
  await expect(checkout.getByRole('status')).toContainText('Payment received.');
  await checkout.close();
  await expect
    .poll(async () => (await ok(app, 'portal:get-license', { org: ACME.id, id: licenseId })).license.status)
    .toBe('active');

  const installed = await ok(app, 'portal:install-license', {
    org: ACME.id,
    id: licenseId,
    instanceId: instance.id,
    allowOverCapacity: false,
    replaces: null,
  });
  expect(installed).toMatchObject({ installed: true, reason: 'ok' });
  expect(Date.parse(installed.cumulativeExpiry ?? '')).toBeGreaterThan(Date.now() + YEAR_MS - 2 * 86_400_000);

  // The dashboard shows the instance running on the bought key, a year out.
  await app.getByRole('link', { name: 'Instances', exact: true }).click();
  const row = rowNamed(app, 'Bought');
  await expect(row).toContainText('Valid');
  await expect(row).toContainText(/in 36[45] days/);
  await screenshot(app, 'portal-bridge-bought-installed');
});
