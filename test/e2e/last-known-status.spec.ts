import { expect, nextSessionBridge, screenshot, test } from './fixtures';
import { keyFor, newInstallId, openInstance, rowNamed, savedInstance, TOKEN } from './instance-helpers';

// Two bridges, a simulator and an instance read twice (once failing, with retries): room on a busy machine.
test.describe.configure({ timeout: 60_000 });

test('the next session shows the last known status at once, marked as such, with the error of the instance now unreachable beside it', async ({
  app,
  bridge,
  keys,
}) => {
  const installId = newInstallId('7e1f2a3b-5c6d');
  const { url } = await savedInstance(app, bridge, 'Branch office', {
    installId,
    keys: [keyFor(keys, installId, 10, { name: 'Branch 2026', license_flags: ['trial'] })],
    internalUsers: 45,
  });
  const live = rowNamed(app, 'Branch office');
  await expect(live).toContainText('Expiring soon');
  await expect(live.locator('[data-source="last_known"]')).toHaveCount(0);
  // The instance goes offline; the app is opened again over the same data folder and keychain.
  await bridge.stopSim(url);

  const next = await nextSessionBridge(keys, bridge);
  const page = await app.context().newPage();
  try {
    await page.addInitScript({ path: 'dist/test-bridge/page-api.js' });
    await page.goto(`${next.bridge.url}/`);
    const row = rowNamed(page, 'Branch office');
    // This session's read fails (refused) and the row says so, keeping what the last read showed.
    await expect(
      page.getByRole('status').filter({ hasText: 'Refreshed 1 instance; 1 instance could not be read' }),
    ).toBeVisible({ timeout: 20_000 });
    await expect(row).toHaveAttribute('data-state', 'unknown');
    // The read failed: the Health column says Unreachable, with what was last known as secondary text.
    const health = row.locator('.health');
    await expect(health).toHaveAttribute('data-source', 'last_known');
    await expect(health.locator('.health__badge')).toHaveText(/Unreachable/);
    await expect(health).toContainText('last known: Expiring soon');
    await expect(row.getByRole('meter', { name: 'Internal users' })).toHaveAttribute('aria-valuetext', /45 of 50/);
    await expect(row.getByRole('meter', { name: 'External users' })).toHaveAttribute('aria-valuetext', /3 of 100/);
    await expect(row).toContainText('Trial');
    await expect(row).toContainText(/Failed just now/);
    await expect(row).toContainText(/refused the connection/);
    await expect(row).toContainText(/Status as of (just now|\d+ minutes? ago)/);
    await screenshot(page, 'dashboard-last-known-unreachable');

    // Its page's header says the status is the last known one; the page explains what it shows.
    await openInstance(page, 'Branch office');
    await expect(page.getByText(/the status shown is the last known, as of/)).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toContainText(
      'Shown below is its last known status, read',
    );
    const status = page.getByRole('region', { name: 'Status' });
    await expect(status).toContainText(/The last known status, read .*: the latest read failed\./);
    await expect(status.locator('.status-badge[data-source="last_known"]')).toContainText('Expiring soon');
    await screenshot(page, 'instance-last-known-unreachable');
  } finally {
    await page.close();
    await next.stop();
  }
});

test("a last known status shows as soon as the dashboard opens, until this session's read of the instance replaces it", async ({
  app,
  bridge,
  keys,
}) => {
  const installId = newInstallId('7e1f2a3b-5c6e');
  // A slow instance (every request takes a while), so its read in the next session is still running when the page shows.
  const { url } = await bridge.startSim({
    installId,
    keys: [keyFor(keys, installId, 365)],
    users: { internal: 12, external: 3, internalJoinedLast30Days: 1 },
    latencyMs: 700,
  });
  await app.getByRole('button', { name: 'Add instance' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add an authentik instance' });
  await dialog.getByLabel('Name').fill('Head office');
  await dialog.getByLabel('URL').fill(url);
  await dialog.getByLabel('API token').fill(TOKEN);
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  await expect(rowNamed(app, 'Head office')).toContainText('Valid', { timeout: 30_000 });

  const next = await nextSessionBridge(keys, bridge);
  const page = await app.context().newPage();
  try {
    await page.addInitScript({ path: 'dist/test-bridge/page-api.js' });
    await page.goto(`${next.bridge.url}/`);
    const row = rowNamed(page, 'Head office');
    const health = row.locator('.health');
    await expect(health).toHaveAttribute('data-source', 'last_known');
    await expect(health).toHaveText(/Valid.*last known/);
    await expect(row).toContainText(/As of (just now|\d+ minutes? ago)\s*not read this session yet/);
    await expect(row.getByRole('meter', { name: 'Internal users' })).toHaveAttribute('aria-valuetext', /12 of 50/);
    await expect(page.getByLabel('Refreshing instances')).toBeVisible();
    await screenshot(page, 'dashboard-last-known-before-read');

    await expect(page.getByRole('status').filter({ hasText: 'Refreshed 1 instance.' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(health).not.toHaveAttribute('data-source', 'last_known');
    await expect(health.locator('.health__badge')).toHaveText(/^✓\s*Valid$/);
    await expect(row).not.toContainText('not read this session yet');
  } finally {
    await page.close();
    await next.stop();
  }
});
