import type { Page } from '@playwright/test';
import { expect, screenshot, test, type Bridge, type Keys } from './fixtures';
import { keyFor, newInstallId, rowNamed, savedInstances, TOKEN } from './instance-helpers';

/** A simulator holding one license that expires in `days`. */
async function simWithLicense(bridge: Bridge, keys: Keys, days: number): Promise<string> {
  const installId = newInstallId('7c2d9e40-1a3b');
  const { url } = await bridge.startSim({
    installId,
    keys: [keyFor(keys, installId, days)],
    users: { internal: 10, external: 3, internalJoinedLast30Days: 1 },
  });
  return url;
}

async function addInstance(app: Page, fields: { name: string; url: string; customer?: string }): Promise<void> {
  await app.getByRole('button', { name: 'Add instance' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add an authentik instance' });
  await dialog.getByLabel('Name').fill(fields.name);
  await dialog.getByLabel('URL').fill(fields.url);
  await dialog.getByLabel('API token').fill(TOKEN);
  if (fields.customer !== undefined) await dialog.getByLabel('Customer (optional)').fill(fields.customer);
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  await expect(rowNamed(app, fields.name)).toBeVisible({ timeout: 15_000 });
}

/** When each saved instance was last read, as main recorded it in the registry file. */
function lastReads(bridge: Bridge): Record<string, string | undefined> {
  const saved = savedInstances(bridge) as { name: string; lastRefresh?: { at: string } | null }[];
  return Object.fromEntries(saved.map((instance) => [instance.name, instance.lastRefresh?.at]));
}

const bodyRowNames = (app: Page) =>
  app.locator('.fleet__row--body[data-instance-id]').locator('.instance-cell__name').allInnerTexts();

test('an unreachable instance is Unreachable in the Health column and the summary strip, and its chip filters to it', async ({
  app,
  bridge,
  keys,
}) => {
  await addInstance(app, { name: 'Alpha', url: await simWithLicense(bridge, keys, 365) });
  const doomed = await simWithLicense(bridge, keys, 365);
  await addInstance(app, { name: 'Bravo', url: doomed });
  await expect(rowNamed(app, 'Bravo').locator('.health__badge')).toHaveText(/Valid/);
  const unreachableChip = app.getByRole('button', { name: /^Unreachable/ });
  await expect(unreachableChip).toContainText('0');

  await bridge.stopSim(doomed);
  await app.getByRole('button', { name: 'Refresh all' }).click();
  const health = rowNamed(app, 'Bravo').locator('.health');
  await expect(health.locator('.health__badge')).toHaveText(/Unreachable/);
  // Never green after a failed read: its last known status is secondary text, not the badge.
  await expect(health.locator('.health__badge')).not.toHaveClass(/health__badge--ok/);
  await expect(health).toContainText(/Unreachable since \S+/);
  await expect(health).toContainText('last known: Valid');
  await expect(rowNamed(app, 'Alpha').locator('.health__badge')).toHaveText(/Valid/);
  await expect(unreachableChip).toContainText('1');
  await screenshot(app, 'dashboard-triage-unreachable');

  await unreachableChip.click();
  await expect(unreachableChip).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => bodyRowNames(app)).toEqual(['Bravo']);
  await unreachableChip.click();
  await expect(unreachableChip).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await bodyRowNames(app)).sort()).toEqual(['Alpha', 'Bravo']);
});

test('bulk Refresh reads only the selected instances; bulk Tag and Remove act on them alone', async ({
  app,
  bridge,
  keys,
}) => {
  for (const name of ['One', 'Two', 'Three'])
    await addInstance(app, { name, url: await simWithLicense(bridge, keys, 365) });
  await expect.poll(() => Object.values(lastReads(bridge)).filter(Boolean).length).toBe(3);
  const before = lastReads(bridge);
  // The app's clock is the bridge's: moved on, a read now is told apart from every earlier one.
  await bridge.advanceClock(60_000);

  await app.getByRole('checkbox', { name: 'Select One' }).check();
  await app.getByRole('checkbox', { name: 'Select Three' }).check();
  const bar = app.getByRole('region', { name: 'Selected instances' });
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('button', { name: 'Refresh' }).click();
  await expect(app.getByText('Refreshed 2 instances.')).toBeVisible();

  const after = lastReads(bridge);
  expect(after.One).not.toBe(before.One);
  expect(after.Three).not.toBe(before.Three);
  expect(after.Two).toBe(before.Two);

  // Tag adds one tag to every selected instance; Remove removes them after one confirmation naming the count.
  await bar.getByRole('button', { name: 'Tag…' }).click();
  await bar.getByLabel('Tag', { exact: true }).fill('eu');
  await bar.getByRole('button', { name: 'Add tag' }).click();
  await expect(app.getByText('Tagged 2 instances: “eu”.')).toBeVisible();
  await expect(rowNamed(app, 'One').locator('.tag')).toHaveText(['eu']);
  await expect(rowNamed(app, 'Three').locator('.tag')).toHaveText(['eu']);
  await expect(rowNamed(app, 'Two').locator('.tag')).toHaveCount(0);
  await bar.getByRole('button', { name: 'Remove…' }).click();
  const confirm = app.getByRole('dialog', { name: 'Remove 2 instances?' });
  await confirm.getByRole('button', { name: 'Remove 2 instances' }).click();
  await expect(app.getByText('Removed 2 instances and deleted their API tokens.')).toBeVisible();
  await expect.poll(() => bodyRowNames(app)).toEqual(['Two']);
  expect(savedInstances(bridge).map((instance) => instance.name)).toEqual(['Two']);
});

test('the row menu opens from the keyboard, and grouping by customer shows each group with its roll-up', async ({
  app,
  bridge,
  keys,
}) => {
  await addInstance(app, { name: 'Acme prod', url: await simWithLicense(bridge, keys, 365), customer: 'Acme' });
  await addInstance(app, { name: 'Acme lab', url: await simWithLicense(bridge, keys, 10), customer: 'Acme' });
  await addInstance(app, { name: 'Loner', url: await simWithLicense(bridge, keys, 365) });

  const menuButton = app.getByRole('button', { name: 'Actions for Loner' });
  await menuButton.focus();
  await app.keyboard.press('Enter');
  const menu = app.getByRole('menu', { name: 'Actions for Loner' });
  await expect(menu.getByRole('menuitem', { name: 'Refresh' })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();

  const grouping = app.getByRole('button', { name: 'Group by customer' });
  await grouping.click();
  await expect(grouping).toHaveAttribute('aria-pressed', 'true');
  const acme = app.locator('[data-group="Acme"]');
  await expect(acme).toContainText('2 instances');
  await expect(acme).toContainText('Worst: Warning');
  await expect(acme).toContainText('0 critical · 1 warning');
  await expect(acme).toContainText(/Nearest expiry in (9|10) days/);
  const none = app.locator('[data-group="No customer"]');
  await expect(none).toContainText('1 instance');
  await expect(none).toContainText('Worst: OK');
  const order = await app
    .locator('.fleet__row--body')
    .evaluateAll((rows) =>
      rows
        .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
        .map((row) => row.getAttribute('data-group') ?? row.querySelector('.instance-cell__name')?.textContent),
    );
  expect(order).toEqual(['Acme', 'Acme lab', 'Acme prod', 'No customer', 'Loner']);
  await screenshot(app, 'dashboard-grouped-by-customer');
});
