import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { closedUrl } from '../net/closed-url';
import { expect, screenshot, test, type Bridge, type Keys } from './fixtures';
import { filesHolding } from '../integration/keychain/vault-reader';
import { keyFor, newInstallId, rowNamed, savedId, savedInstances, TOKEN, vaultToken } from './instance-helpers';

/** The variable a fleet file names; the bridge (main) inherits it from this process, the page never sees it. */
const TOKEN_VARIABLE = 'AKLM_E2E_IMPORT_TOKEN';
process.env[TOKEN_VARIABLE] = TOKEN;

// Forty connections tested, then forty rows read for the dashboard: room for a busy machine.
test.describe.configure({ timeout: 120_000 });

let folder = '';
test.beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'aklm-import-'));
});
test.afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Writes an import file into the test's temp folder; returns its path. */
function importFile(name: string, lines: string[]): string {
  const path = join(folder, name);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

/** One simulator; the registry lets several saved instances share its address (names must differ). */
async function simUrl(bridge: Bridge, keys: Keys): Promise<string> {
  const installId = newInstallId('7c1e2d3f');
  const { url } = await bridge.startSim({
    installId,
    keys: [keyFor(keys, installId, 200)],
    users: { internal: 10, external: 3, internalJoinedLast30Days: 1 },
  });
  return url;
}

async function chooseImportFile(app: Page, path: string) {
  await app.getByRole('button', { name: 'Import instances…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Import instances' });
  await dialog.getByLabel('Import file').setInputFiles(path);
  return dialog;
}

const customerOf = (index: number): string => `Customer ${String((index % 8) + 1).padStart(2, '0')}`;
const nameOf = (index: number): string => `Tenant ${String(index + 1).padStart(2, '0')}`;

test('imports 40 instances from a CSV with one token for all', async ({ app, bridge, keys }) => {
  const url = await simUrl(bridge, keys);
  const rows = Array.from({ length: 40 }, (_, index) => `${nameOf(index)},${url},${customerOf(index)},"eu;prod"`);
  const dialog = await chooseImportFile(app, importFile('fleet.csv', ['name,url,customer,tags', ...rows]));

  await expect(dialog.getByText('40 instances in the file.')).toBeVisible();
  await expect(dialog.getByRole('row')).toHaveCount(41);
  await dialog.getByLabel('Use the same token for all').check();
  await dialog.getByLabel('API token for all').fill(TOKEN);
  await screenshot(app, 'fleet-import-preview');
  await dialog.getByRole('button', { name: 'Import 40 instances' }).click();

  await expect(dialog.getByRole('heading', { name: 'Added 40 of 40' })).toBeVisible({ timeout: 90_000 });
  await expect(app.getByText('Imported 40 instances')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  expect(savedInstances(bridge).map((instance) => instance.name)).toHaveLength(40);
  await expect(app.getByText('40 instances', { exact: true })).toBeVisible();
  await expect(rowNamed(app, nameOf(0))).toBeVisible();
});

test('refuses a file that carries tokens, with the reason, and adds nothing', async ({ app, bridge, keys }) => {
  const url = await simUrl(bridge, keys);
  const dialog = await chooseImportFile(
    app,
    importFile('with-tokens.csv', ['name,url,api_token', `Leaky,${url},${TOKEN}`]),
  );

  await expect(dialog.getByRole('alert')).toContainText('The file was refused; nothing was imported.');
  await expect(dialog.getByRole('alert')).toContainText('The file has a “api_token” column.');
  await expect(dialog.getByRole('alert')).not.toContainText(TOKEN);
  await expect(dialog.getByRole('button', { name: /^Import / })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(savedInstances(bridge)).toEqual([]);
});

test('adds the rows that connect and reports the one that does not', async ({ app, bridge, keys }) => {
  const url = await simUrl(bridge, keys);
  const unreachable = await closedUrl();
  const dialog = await chooseImportFile(
    app,
    importFile('mixed.csv', ['name,url', `First,${url}`, `Nowhere,${unreachable}`, `Second,${url}`, `First,${url}`]),
  );

  // The repeated name is a problem of its row, shown before anything is tested.
  await expect(dialog.getByRole('list', { name: 'Problems of row 5' })).toContainText('Row 2 has the same name');
  for (const name of ['First', 'Nowhere', 'Second']) await dialog.getByLabel(`API token for ${name}`).fill(TOKEN);
  await dialog.getByRole('button', { name: 'Import 3 instances' }).click();

  await expect(dialog.getByRole('heading', { name: 'Added 2 of 3' })).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('list', { name: 'Not added' })).toContainText('Nowhere');
  expect(
    savedInstances(bridge)
      .map((instance) => instance.name)
      .sort(),
  ).toEqual(['First', 'Second']);
  // Each token went where Add puts it: the token vault, encrypted; no file holds it in the clear.
  expect(vaultToken(bridge, `instance:${savedId(bridge, 'Second')}`)).toBe(TOKEN);
  expect(filesHolding(bridge.dataDir, TOKEN)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(rowNamed(app, 'Second')).toBeVisible();
});

test('imports a fleet file, taking each token from the environment variable it names', async ({
  app,
  bridge,
  keys,
}) => {
  const url = await simUrl(bridge, keys);
  const fleet = [
    { name: 'From env', url, token_env: TOKEN_VARIABLE },
    { name: 'Unset', url, token_env: 'AKLM_E2E_NOT_SET' },
  ];
  const path = join(folder, 'fleet.json');
  writeFileSync(path, JSON.stringify(fleet));
  const dialog = await chooseImportFile(app, path);

  await expect(dialog.getByRole('row', { name: /From env/ })).toContainText(`From the environment (${TOKEN_VARIABLE})`);
  await expect(dialog.getByRole('list', { name: 'Problems of entry 2' })).toContainText('AKLM_E2E_NOT_SET is not set');
  await expect(dialog.locator('input[type="password"]')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Import 1 instance' }).click();

  await expect(dialog.getByRole('heading', { name: 'Added 1 of 1' })).toBeVisible({ timeout: 60_000 });
  expect(savedInstances(bridge).map((instance) => instance.name)).toEqual(['From env']);
  expect(vaultToken(bridge, `instance:${savedId(bridge, 'From env')}`)).toBe(TOKEN);
});
