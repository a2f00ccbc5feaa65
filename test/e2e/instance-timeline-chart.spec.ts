import { expect, screenshot, test } from './fixtures';
import { seriousViolations } from './axe';
import { keyFor, newInstallId, openInstance, savedInstance } from './instance-helpers';

// The timeline drawn: one chart on the instance page and, for an offline key, on the Verify screen.

// Each test starts its own bridge, browser and simulators, then walks a whole flow: give it room on a busy machine.
test.describe.configure({ timeout: 60_000 });

test('the instance page draws its two licenses, the seats the meter shows, today and authentik’s steps', async ({
  app,
  bridge,
  keys,
}) => {
  const id = newInstallId('c4a7e1d2-3b5f');
  await savedInstance(app, bridge, 'Charted', {
    installId: id,
    keys: [
      keyFor(keys, id, 365, { name: 'Acme 2027' }),
      keyFor(keys, id, 20, { name: 'Acme add-on', internal_users: 5, external_users: 0 }),
    ],
    internalUsers: 12,
  });
  await openInstance(app, 'Charted');
  await expect(
    app.getByRole('region', { name: 'Status' }).getByRole('meter', { name: 'Internal users' }),
  ).toHaveAttribute('aria-valuetext', /12 of 55 licensed/);

  const timeline = app.getByRole('region', { name: 'Timeline' });
  const chart = timeline.getByRole('img', { name: /^Timeline from / });
  // The chart counts the seats as the meter does: 55 internal today.
  await expect(chart).toHaveAttribute(
    'aria-label',
    /^Timeline from \w{3} \d{4} to \w{3} \d{4}: 2 licenses, 55 internal seats licensed today, 12 internal users, read-only estimated in \d+ days$/,
  );
  const bars = chart.locator('[data-license]');
  await expect(bars).toHaveCount(2);
  await expect(bars.locator('text')).toHaveText([
    'Acme 2027 · 50 internal, 100 external',
    'Acme add-on · 5 internal, 0 external',
  ]);
  await expect(chart.locator('[data-today]')).toHaveCount(1);
  await expect(chart.locator('[data-today] text')).toHaveText('Today');
  await expect(chart.locator('[data-seats]').first()).toHaveText('55 seats');
  // authentik 2026.5: the user banner and read-only count from a usage record the API does not show.
  await expect(chart.locator('[data-marker="expiry-read_only_capacity"]')).toHaveAttribute('data-estimated', 'true');
  await expect(chart.locator('[data-marker="expiry-read_only_capacity"] text')).toHaveText('Read-only (estimated)');
  await expect(chart.locator('[data-marker="expiry-expiry_soon"]')).toHaveAttribute('data-estimated', 'false');

  // The same facts stay available as text and tables, for reading aloud and copying.
  await timeline.getByText('Show as text and tables').click();
  const seats = timeline.getByRole('table', { name: 'Licensed seats over time' });
  await expect(seats.getByRole('row').nth(1)).toContainText('55');
  await screenshot(app, 'instance-timeline-chart');
  expect(await seriousViolations(app)).toEqual([]);
  await app.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app, 'instance-timeline-chart-dark');
  expect(await seriousViolations(app)).toEqual([]);
});

test('the Verify screen draws the same chart for a key checked offline', async ({ app, keys }) => {
  await app.getByRole('link', { name: 'Verify a key' }).click();
  await app.getByLabel('License key', { exact: true }).fill(keys.valid);
  await app.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Valid license key' })).toBeVisible();

  const timeline = app.getByRole('region', { name: 'If this key is not renewed' });
  const chart = timeline.getByRole('img', { name: /^Timeline from / });
  await expect(chart).toHaveAttribute(
    'aria-label',
    /^Timeline from \w{3} \d{4} to \w{3} \d{4}: 1 license, 100 internal seats licensed today, read-only in \d+ days$/,
  );
  await expect(chart.locator('[data-license]')).toHaveCount(1);
  await expect(chart.locator('[data-license] text')).toHaveText(/ · 100 internal, 1,000 external$/);
  await expect(chart.locator('[data-today]')).toHaveCount(1);
  await expect(chart.locator('[data-marker]')).toHaveCount(5);
  await expect(chart.locator('[data-marker="readOnly"] text')).toHaveText('Read-only');
  await screenshot(app, 'verify-timeline-chart');
  expect(await seriousViolations(app)).toEqual([]);
  await app.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(app)).toEqual([]);
});
