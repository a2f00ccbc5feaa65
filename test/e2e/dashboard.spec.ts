import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { tokenPlaces, vaultJson } from '../integration/keychain/vault-reader';
import { closedUrl } from '../net/closed-url';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { expect, screenshot, test, type Bridge, type Keys } from './fixtures';

const TOKEN = 'sim-admin-token';
const DAY = 24 * 3600;
let nextInstall = 0;

/** Where the token of a saved instance is kept: the bridge's token vault (opened independently), its keychain as an entry of its own, files of its data folder in the clear. */
const tokenPlacesOf = (bridge: Bridge, id: string) =>
  tokenPlaces(bridge.dataDir, `instance:${id}`, TOKEN, bridge.keychainEnv);

function registryText(bridge: Bridge): string {
  const file = join(bridge.dataDir, 'config.json');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function savedIds(bridge: Bridge): { id: string; name: string }[] {
  const text = registryText(bridge);
  return text === '' ? [] : ((JSON.parse(text) as { instances?: { id: string; name: string }[] }).instances ?? []);
}

/** An authentik simulator holding one license that expires in `days`. */
async function simWithLicense(bridge: Bridge, keys: Keys, days: number, users = 10, latencyMs = 0): Promise<string> {
  const installId = `6b3c8a51-2f4e-4d7a-9c1b-${String(++nextInstall).padStart(12, '0')}`;
  const key = mintKey({
    signer: keys.pki.signerP384,
    intermediate: keys.pki.intermediate,
    claims: licenseClaims(installId, Math.floor(Date.now() / 1000) + days * DAY, {
      internal_users: 50,
      external_users: 100,
    }),
  });
  return (
    await bridge.startSim({
      installId,
      keys: [key],
      users: { internal: users, external: 3, internalJoinedLast30Days: 1 },
      latencyMs,
    })
  ).url;
}

async function addInstance(
  app: Page,
  fields: { name: string; url: string; customer?: string; tags?: string },
): Promise<void> {
  const addButton = app.getByRole('button', { name: 'Add instance' }).first();
  await addButton.click();
  const dialog = app.getByRole('dialog', { name: 'Add an authentik instance' });
  await dialog.getByLabel('Name').fill(fields.name);
  await dialog.getByLabel('URL').fill(fields.url);
  await dialog.getByLabel('API token').fill(TOKEN);
  if (fields.customer) await dialog.getByLabel('Customer (optional)').fill(fields.customer);
  if (fields.tags) await dialog.getByLabel('Tags (optional)').fill(fields.tags);
  await dialog.getByRole('button', { name: 'Test and save' }).click();
}

const rowNamed = (app: Page, name: string) =>
  app.getByRole('row').filter({ has: app.getByRole('rowheader', { name: new RegExp(name) }) });

test('adding an instance tests it, then keeps its token in the token vault and nowhere else', async ({
  app,
  bridge,
  keys,
}) => {
  const url = await simWithLicense(bridge, keys, 365);
  await expect(app.getByRole('heading', { name: 'No instances yet' })).toBeVisible();
  await addInstance(app, { name: 'Acme production', url, customer: 'Acme', tags: 'eu, gold' });

  const row = rowNamed(app, 'Acme production');
  await expect(row).toBeVisible();
  await expect(row).toContainText('Valid');
  await expect(row).toContainText('Acme');
  await expect(row).toContainText('2026.5.6');
  await expect(app.getByRole('dialog')).toHaveCount(0);

  const [saved] = savedIds(bridge);
  expect(saved?.name).toBe('Acme production');
  expect(tokenPlacesOf(bridge, saved?.id ?? '')).toEqual({ vault: TOKEN, keychain: null, inClear: [] });
  expect(registryText(bridge)).not.toContain(TOKEN);
  await expect(app.locator('body')).not.toContainText(TOKEN);
  await screenshot(app, 'dashboard-added');
});

test('a failed connection test says why and saves nothing', async ({ app, bridge }) => {
  await addInstance(app, { name: 'Gone', url: await closedUrl() });
  const dialog = app.getByRole('dialog', { name: 'Add an authentik instance' });
  await expect(dialog.getByRole('alert')).toContainText(/refused|could not connect|unreachable|not reach/i);
  expect(savedIds(bridge)).toEqual([]);
  expect(vaultJson(bridge.dataDir)?.entries ?? {}).toEqual({});
  await screenshot(app, 'dashboard-add-failed');
});

test('shows instances worst first, filters and sorts them, and exports them without secrets', async ({
  app,
  bridge,
  keys,
}) => {
  await addInstance(app, { name: 'Healthy', url: await simWithLicense(bridge, keys, 365), customer: 'Acme' });
  await expect(rowNamed(app, 'Healthy')).toBeVisible();
  await addInstance(app, { name: 'Soon', url: await simWithLicense(bridge, keys, 10), customer: 'Globex' });
  await expect(rowNamed(app, 'Soon')).toBeVisible();
  await addInstance(app, {
    name: 'Crowded',
    url: await simWithLicense(bridge, keys, 365, 60),
    customer: 'Acme',
    tags: 'eu',
  });
  await expect(rowNamed(app, 'Crowded')).toBeVisible();

  const names = () => app.getByRole('rowheader').allInnerTexts();
  // Over capacity with no earlier valid record, authentik is read-only at once: critical, so first.
  await expect
    .poll(async () => (await names()).map((text) => text.split('\n')[0]))
    .toEqual(['Crowded', 'Soon', 'Healthy']);
  await expect(rowNamed(app, 'Crowded')).toContainText('Read only');
  await expect(rowNamed(app, 'Soon')).toContainText('Expiring soon');
  await expect(rowNamed(app, 'Healthy')).toContainText('Valid');
  const crowdedInternal = rowNamed(app, 'Crowded').getByRole('meter').first();
  await expect(crowdedInternal).toHaveAttribute('aria-valuetext', /60 of 50/);
  await expect(rowNamed(app, 'Crowded').locator('[data-level]').first()).toHaveAttribute('data-level', 'danger');
  await screenshot(app, 'dashboard-worst-first');

  const firstNames = async () => (await names()).map((text) => text.split('\n')[0]);
  await app.getByLabel('Search').fill('glob');
  await expect.poll(firstNames).toEqual(['Soon']);
  await app.getByLabel('Search').fill('');
  await app.getByLabel('Customer').selectOption('Acme');
  await expect.poll(async () => (await firstNames()).sort()).toEqual(['Crowded', 'Healthy']);
  await app.getByLabel('Customer').selectOption({ index: 0 });
  await app.getByLabel('Tag').selectOption('eu');
  await expect.poll(firstNames).toEqual(['Crowded']);
  await expect(app.getByText('1 of 3 instances')).toBeVisible();
  await app.getByLabel('Tag').selectOption({ index: 0 });
  // authentik's own status, and the monitoring state.
  await app.getByLabel('Status').selectOption({ label: 'Expiring soon' });
  await expect.poll(firstNames).toEqual(['Soon']);
  await app.getByLabel('Status').selectOption({ label: 'Critical' });
  await expect.poll(firstNames).toEqual(['Crowded']);
  await app.getByLabel('Status').selectOption({ label: 'OK' });
  await expect.poll(firstNames).toEqual(['Healthy']);
  await app.getByLabel('Status').selectOption({ label: 'All statuses' });

  await app.getByLabel('Customer').selectOption('Acme');
  await app
    .getByRole('columnheader', { name: /Instance/ })
    .getByRole('button')
    .click();
  await expect(app.getByRole('columnheader', { name: /Instance/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(firstNames).toEqual(['Crowded', 'Healthy']);
  await app
    .getByRole('columnheader', { name: /Instance/ })
    .getByRole('button')
    .click();
  await expect(app.getByRole('columnheader', { name: /Instance/ })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(firstNames).toEqual(['Healthy', 'Crowded']);
  await screenshot(app, 'dashboard-filtered-sorted');
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(firstNames).toEqual(['Soon', 'Healthy', 'Crowded']);

  const csvDownload = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toContain('name,url,customer');
  expect(csv).toContain('Soon');
  expect(csv).not.toContain(TOKEN);

  const jsonDownload = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export JSON' }).click();
  const download = await jsonDownload;
  expect(download.suggestedFilename()).toMatch(/^authentik-instances-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).not.toContain(TOKEN);
  const exported = JSON.parse(text) as Record<string, unknown>[];
  expect(exported.map((entry) => entry.name).sort()).toEqual(['Crowded', 'Healthy', 'Soon']);
  expect(exported.find((entry) => entry.name === 'Crowded')).toMatchObject({
    customer: 'Acme',
    tags: 'eu',
    status: 'read_only',
    status_source: 'live',
    internal_used: 60,
    internal_licensed: 50,
  });
  expect(exported.find((entry) => entry.name === 'Soon')).toMatchObject({
    customer: 'Globex',
    status: 'expiry_soon',
    state: 'warning',
  });
});

test('refresh all shows its progress, and an unreachable instance fails on its own row only', async ({
  app,
  bridge,
  keys,
}) => {
  await addInstance(app, { name: 'Healthy', url: await simWithLicense(bridge, keys, 365, 10, 400) });
  await expect(rowNamed(app, 'Healthy')).toContainText('Valid');
  const doomed = await simWithLicense(bridge, keys, 365);
  await addInstance(app, { name: 'Doomed', url: doomed });
  await expect(rowNamed(app, 'Doomed')).toContainText('Valid');
  await bridge.stopSim(doomed);

  await app.getByRole('button', { name: 'Refresh all' }).click();
  const progress = app.getByLabel('Refreshing instances');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('max', '2');
  await screenshot(app, 'dashboard-refreshing');
  await expect(rowNamed(app, 'Doomed')).toContainText(/refused|could not connect|unreachable|not reach/i);
  // Nothing read before is lost: the row keeps its last known status beside the error, marked as such.
  await expect(rowNamed(app, 'Doomed').locator('.health__badge')).toHaveText(/Unreachable/);
  await expect(rowNamed(app, 'Doomed').locator('.health')).toContainText('last known: Valid');
  await expect(rowNamed(app, 'Healthy')).toContainText('Valid');
  await expect(rowNamed(app, 'Healthy').locator('.health')).not.toContainText('last known');
  await expect(rowNamed(app, 'Healthy')).not.toContainText(/refused|unreachable/i);
  await screenshot(app, 'dashboard-one-unreachable');
});

test('removing an instance deletes its token from the vault', async ({ app, bridge, keys }) => {
  await addInstance(app, { name: 'Temporary', url: await simWithLicense(bridge, keys, 365) });
  await expect(rowNamed(app, 'Temporary')).toBeVisible();
  const [saved] = savedIds(bridge);
  expect(tokenPlacesOf(bridge, saved?.id ?? '').vault).toBe(TOKEN);

  await app.getByRole('button', { name: 'Actions for Temporary' }).click();
  await app.getByRole('menuitem', { name: 'Remove' }).click();
  const confirm = app.getByRole('dialog', { name: 'Remove Temporary?' });
  await expect(confirm).toBeVisible();
  await screenshot(app, 'dashboard-remove-confirm');
  await confirm.getByRole('button', { name: 'Remove Temporary' }).click();
  await expect(rowNamed(app, 'Temporary')).toHaveCount(0);
  await expect(app.getByText('Removed Temporary and deleted its API token from the token vault.')).toBeVisible();
  await expect(app.getByRole('heading', { name: 'No instances yet' })).toBeVisible();
  expect(savedIds(bridge)).toEqual([]);
  expect(tokenPlacesOf(bridge, saved?.id ?? '')).toEqual({ vault: null, keychain: null, inClear: [] });
  await screenshot(app, 'dashboard-removed');
});
