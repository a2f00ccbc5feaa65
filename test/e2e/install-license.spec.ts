import type { Page } from '@playwright/test';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { expect, screenshot, test, type Bridge, type Keys } from './fixtures';
import { pageDate } from './instance-helpers';

const TOKEN = 'sim-admin-token';
const DAY = 24 * 3600;
let nextInstall = 100;

function keyExpiringAt(keys: Keys, installId: string, exp: number, claims: Record<string, unknown> = {}): string {
  return mintKey({
    signer: keys.pki.signerP384,
    intermediate: keys.pki.intermediate,
    claims: licenseClaims(installId, exp, { internal_users: 50, external_users: 100, ...claims }),
  });
}

const inDays = (days: number): number => Math.floor(Date.now() / 1000) + days * DAY;
const keyFor = (keys: Keys, installId: string, days: number, claims: Record<string, unknown> = {}): string => keyExpiringAt(keys, installId, inDays(days), claims);

const isoOf = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');

/** Saves an instance served by a fresh simulator; resolves with the simulator's address. */
async function savedInstance(app: Page, bridge: Bridge, name: string, setup: { keys: string[]; internalUsers: number }, installId: string): Promise<string> {
  const { url } = await bridge.startSim({ installId, keys: setup.keys, users: { internal: setup.internalUsers, external: 3, internalJoinedLast30Days: 1 } });
  await app.getByRole('button', { name: 'Add instance' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add an authentik instance' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('URL').fill(url);
  await dialog.getByLabel('API token').fill(TOKEN);
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  await expect(app.getByRole('rowheader', { name: new RegExp(name) })).toBeVisible();
  return url;
}

/** How many licenses the simulator holds, asked over its own API, not through the app. */
async function installedOn(simUrl: string): Promise<number> {
  const answer = await fetch(`${simUrl}/api/v3/enterprise/license/`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return ((await answer.json()) as { pagination: { count: number } }).pagination.count;
}

const installId = (): string => `7c4d9b62-3e5f-4a8b-8c1d-${String(++nextInstall).padStart(12, '0')}`;
const row = (app: Page, name: string) => app.getByRole('row').filter({ has: app.getByRole('rowheader', { name: new RegExp(name) }) });

test('installs a renewal through the preflight and the status changes', async ({ app, bridge, keys }) => {
  const id = installId();
  const currentExp = inDays(10);
  await savedInstance(app, bridge, 'Renewing', { keys: [keyExpiringAt(keys, id, currentExp)], internalUsers: 10 }, id);
  await expect(row(app, 'Renewing')).toContainText('Expiring soon');

  await app.getByRole('button', { name: 'Install license on Renewing' }).click();
  const dialog = app.getByRole('dialog', { name: 'Install a license on Renewing' });
  const renewalExp = inDays(365);
  const yearOut = await pageDate(app, renewalExp);
  await dialog.getByLabel('License key', { exact: true }).fill(keyExpiringAt(keys, id, renewalExp, { name: 'Renewal 2027' }));
  await dialog.getByRole('button', { name: 'Check' }).click();

  await expect(dialog.getByRole('heading', { name: 'Ready to install on Renewing' })).toBeVisible();
  await expect(dialog.locator('[data-state="passed"]')).toHaveCount(6);
  await expect(dialog.getByRole('table', { name: 'Users and licensed seats' })).toContainText('100');
  // authentik takes the latest expiry, so it moves a year out; the guide's earliest expiry stays with the 10-day key.
  const authentik = dialog.getByRole('group', { name: 'As authentik computes it' });
  await expect(authentik.locator(`time[datetime="${isoOf(renewalExp)}"]`)).toHaveText(yearOut);
  await expect(authentik).toContainText(', 355 days later');
  await expect(dialog.getByRole('group', { name: 'Per the product guide' })).toContainText('unchanged');
  await screenshot(app, 'install-preflight');

  await dialog.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Installed on Renewing' })).toBeVisible();
  const expiry = dialog.getByText(/Cumulative license expiry, as authentik reports it now/);
  await expect(expiry.locator(`time[datetime="${isoOf(renewalExp)}"]`)).toHaveText(yearOut);
  await expect(expiry).toContainText(/in 36[45] days/);
  await expect(dialog.getByText(/^Per the product guide \(/).locator(`time[datetime="${isoOf(currentExp)}"]`)).toHaveText(await pageDate(app, currentExp));
  await screenshot(app, 'install-done');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(row(app, 'Renewing')).toContainText('Valid');
  await expect(row(app, 'Renewing')).toContainText('100');
});

test('refuses a first key too small for an unlicensed instance until the person accepts read-only', async ({ app, bridge, keys }) => {
  const id = installId();
  const simUrl = await savedInstance(app, bridge, 'Crowded', { keys: [], internalUsers: 30 }, id);
  await expect(row(app, 'Crowded')).toContainText('Unlicensed');

  await app.getByRole('button', { name: 'Install license on Crowded' }).click();
  const dialog = app.getByRole('dialog', { name: 'Install a license on Crowded' });
  await dialog.getByLabel('License key', { exact: true }).fill(keyFor(keys, id, 365, { internal_users: 20 }));
  await dialog.getByRole('button', { name: 'Check' }).click();

  await expect(dialog.getByRole('heading', { name: 'Too few seats: Crowded would turn read-only' })).toBeVisible();
  await expect(dialog).toContainText('30 internal users exceed the 20 licensed');
  await expect(dialog.getByRole('button', { name: 'Install', exact: true })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Install anyway' })).toHaveAttribute('aria-disabled', 'true');
  await screenshot(app, 'install-over-capacity');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await installedOn(simUrl)).toBe(0);
  await expect(row(app, 'Crowded')).toContainText('Unlicensed');
});

test('says when a key belongs to another saved instance and offers to install it there', async ({ app, bridge, keys }) => {
  const first = installId();
  const second = installId();
  await savedInstance(app, bridge, 'Alpha', { keys: [keyFor(keys, first, 300)], internalUsers: 1 }, first);
  await savedInstance(app, bridge, 'Beta', { keys: [keyFor(keys, second, 300)], internalUsers: 1 }, second);

  await app.getByRole('button', { name: 'Install license on Alpha' }).click();
  const dialog = app.getByRole('dialog', { name: 'Install a license on Alpha' });
  await dialog.getByLabel('License key', { exact: true }).fill(keyFor(keys, second, 365));
  await dialog.getByRole('button', { name: 'Check' }).click();
  await expect(dialog.getByRole('heading', { name: 'Not installable: Key for another installation' })).toBeVisible();
  await expect(dialog).toContainText('This key is for Beta’s Install ID.');
  await screenshot(app, 'install-other-instance');
  await dialog.getByRole('button', { name: 'Install on Beta instead' }).click();
  const beta = app.getByRole('dialog', { name: 'Install a license on Beta' });
  await expect(beta.getByRole('heading', { name: 'Ready to install on Beta' })).toBeVisible();
  await screenshot(app, 'install-other-instance-ready');
});
