import { expect, screenshot, test } from './fixtures';
import { seriousViolations } from './axe';
import { toIsoUtc } from '../../shared/time/iso';
import { expiryOf, keyFor, newInstallId, openInstance, pageDate, rowNamed, savedInstance } from './instance-helpers';
import { licenseRow, licenses } from './instance-page-helpers';

// Each test starts its own bridge, browser and simulators, then walks a whole flow: give it room on a busy machine.
test.describe.configure({ timeout: 60_000 });

const installId = (): string => newInstallId('5e6f7a81-9b0c');

test('opens an instance from its row: status, Install ID, timeline and licenses with their offline verdicts', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  const yearKey = keyFor(keys, id, 365, { name: 'Acme 2027' });
  await savedInstance(app, bridge, 'Acme prod', {
    installId: id,
    keys: [yearKey, keyFor(keys, id, 20, { name: 'Acme add-on', internal_users: 5, external_users: 0 })],
    internalUsers: 12,
  });
  await openInstance(app, 'Acme prod');
  expect(new URL(app.url()).hash).toMatch(/^#instance\/[0-9a-f-]{36}$/);

  await expect(app.getByRole('region', { name: 'Install ID' })).toContainText(id);
  const status = app.getByRole('region', { name: 'Status' });
  await expect(status).toContainText('Valid');
  // All is well: the banner says so briefly, and nothing explains what there is to do.
  await expect(app.getByLabel('Next action')).toHaveAttribute('data-severity', 'ok');
  await expect(app.getByLabel('Next action')).toContainText(/All well: licensed until in 36[45] days/);
  await expect(status).not.toContainText('What to do');
  await expect(status.getByRole('meter', { name: 'Internal users' })).toHaveAttribute(
    'aria-valuetext',
    /12 of 55 licensed/,
  );
  await expect(status.getByRole('table', { name: 'Forecast for the next 12 months' })).toContainText('Internal users');

  await expect(licenseRow(app, 'Acme 2027')).toContainText('Valid license key');
  await expect(licenseRow(app, 'Acme add-on')).toContainText('Expires soon, in 19 days');
  await expect(licenseRow(app, 'Acme add-on')).toContainText('sha256:');

  const timeline = app.getByRole('region', { name: 'Timeline' });
  await expect(
    timeline.getByRole('img', { name: /^Timeline from .*: 2 licenses, 55 internal seats licensed today/ }),
  ).toBeVisible();
  // The same as text and tables, under the chart.
  await timeline.getByText('Show as text and tables').click();
  await expect(timeline.getByRole('heading', { name: 'What authentik will do' })).toBeVisible();
  await expect(timeline.getByRole('heading', { name: 'Per the product guide' })).toBeVisible();
  // The guide's cumulative expiry is the add-on's, 20 days away; capacity steps down from 55 to 50 then.
  await expect(timeline).toContainText(/Cumulative license expiry: .*\(in 19 days\)/);
  await expect(timeline.getByRole('table', { name: 'Licensed seats over time' }).getByRole('row')).toHaveCount(3);
  // The guide's ladder if nothing is renewed, from the last expiry (the year key's): administrators' banner
  // 2 weeks after, users' 2 weeks later, read-only 2 weeks after that.
  const ladder = timeline.getByRole('list', { name: 'If nothing is renewed' });
  const lastExpiry = expiryOf(yearKey);
  for (const [words, days] of [
    ['Administrators see a warning banner', 14],
    ['Users see a warning banner', 28],
    ['The instance becomes read-only', 42],
  ] as const) {
    const at = lastExpiry + days * 24 * 3600;
    await expect(
      ladder
        .getByRole('listitem')
        .filter({ hasText: words })
        .locator(`time[datetime="${toIsoUtc(at * 1000)}"]`),
    ).toHaveText(await pageDate(app, at));
  }
  await expect(app.getByRole('region', { name: /Warnings/ })).toHaveCount(0);
  await screenshot(app, 'instance-page');

  expect(await seriousViolations(app)).toEqual([]);

  // The page survives a reload: its address names the instance.
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'Acme prod' })).toBeVisible();
  await expect(licenseRow(app, 'Acme 2027')).toBeVisible();
});

test('back returns to the dashboard with its filter and sort kept', async ({ app, bridge, keys }) => {
  const first = installId();
  const second = installId();
  await savedInstance(app, bridge, 'Alpha site', { installId: first, keys: [keyFor(keys, first, 365)] });
  await savedInstance(app, bridge, 'Beta site', { installId: second, keys: [keyFor(keys, second, 365)] });
  await app.getByLabel('Search').fill('site');
  await app
    .getByRole('columnheader', { name: /Instance/ })
    .getByRole('button')
    .click();
  await app
    .getByRole('columnheader', { name: /Instance/ })
    .getByRole('button')
    .click();
  await expect(app.getByRole('columnheader', { name: /Instance/ })).toHaveAttribute('aria-sort', 'descending');

  await openInstance(app, 'Alpha site');
  await app.getByRole('link', { name: 'All instances' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Instances' })).toBeVisible();
  await expect(app.getByLabel('Search')).toHaveValue('site');
  await expect(app.getByRole('columnheader', { name: /Instance/ })).toHaveAttribute('aria-sort', 'descending');
  await expect
    .poll(async () => (await app.getByRole('rowheader').allInnerTexts()).map((text) => text.split('\n')[0]))
    .toEqual(['Beta site', 'Alpha site']);
  await screenshot(app, 'instance-back-to-dashboard');

  // The browser's own back and forward work too.
  await openInstance(app, 'Beta site');
  await app.goBack();
  await expect(app.getByLabel('Search')).toHaveValue('site');
  await app.goForward();
  await expect(app.getByRole('heading', { level: 1, name: 'Beta site' })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Status' })).toContainText('Valid');
  await screenshot(app, 'instance-forward-again');
});

test('copies the Install ID and opens the customer portal with the Install ID and the instance address', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  const { url } = await savedInstance(app, bridge, 'Portal', { installId: id, keys: [keyFor(keys, id, 365)] });
  await openInstance(app, 'Portal');
  const card = app.getByRole('region', { name: 'Install ID' });

  await card.getByRole('button', { name: 'Copy Install ID' }).click();
  await expect(card.getByRole('button', { name: 'Copied' })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Copied the Install ID' })).toBeVisible();
  expect((await bridge.state()).clipboard).toBe(id);

  await card.getByRole('button', { name: 'Open customer portal' }).click();
  await expect(app.getByText('The customer portal opened in your browser')).toBeVisible();
  const opened = new URL((await bridge.state()).openedUrls.at(-1) ?? '');
  expect(opened.searchParams.get('install_id')).toBe(id);
  expect(opened.searchParams.get('authentik_url')).toBe(url.replace(/\/$/, ''));
  await screenshot(app, 'instance-install-id-copied');
});

test('warns about a key installed twice, and marks both copies', async ({ app, bridge, keys }) => {
  const id = installId();
  const key = keyFor(keys, id, 200, { name: 'Twice' });
  await savedInstance(app, bridge, 'Doubled', { installId: id, keys: [key, key] });
  await openInstance(app, 'Doubled');
  const warnings = app.getByRole('region', { name: /Warnings/ });
  await expect(warnings.getByRole('heading', { name: 'A key is installed twice' })).toBeVisible();
  await expect(warnings).toContainText('What to do');
  await expect(licenses(app).getByText('Installed twice')).toHaveCount(2);
  await screenshot(app, 'instance-duplicate-key');
});

test('warns when the server’s clock is more than 5 minutes off', async ({ app, bridge, keys }) => {
  const id = installId();
  await savedInstance(app, bridge, 'Drifting', {
    installId: id,
    keys: [keyFor(keys, id, 200)],
    clockOffsetMs: 20 * 60_000,
  });
  await openInstance(app, 'Drifting');
  const warnings = app.getByRole('region', { name: /Warnings/ });
  await expect(
    warnings.getByRole('heading', { name: /The server’s clock is off: 20 minutes ahead of this computer’s clock/ }),
  ).toBeVisible();
  await expect(warnings).toContainText('NTP');
  await screenshot(app, 'instance-clock-skew');
});

test('shows the live and the cached status side by side when they differ, and why', async ({ app, bridge, keys }) => {
  const id = installId();
  await savedInstance(app, bridge, 'Lagging', { installId: id, keys: [keyFor(keys, id, 15)] });
  // Two days on, the live status turns "Expiring soon"; authentik's cached status is recomputed later.
  await bridge.advanceClock(2 * 24 * 3600 * 1000);
  await openInstance(app, 'Lagging');
  await app.getByRole('button', { name: 'Refresh' }).click();
  const status = app.getByRole('region', { name: 'Status' });
  await expect(status.locator('dl.status-pair')).toHaveText(
    /Live \(computed now\).*Expiring soon.*Cached \(what authentik enforces\).*Valid/,
  );
  // The reason read from the data: the combined expiry came within two weeks after the cache was computed.
  await expect(status.locator('.status-card__why')).toHaveText(
    /^Why they differ: The combined expiry, .+, came within two weeks on .+, after authentik last computed its cached status\. authentik enforces its cached status .*follow “Valid”; afterwards they follow “Expiring soon”\.$/,
  );
  await expect(status.getByRole('heading', { name: 'Cached: Valid' })).toBeVisible();
  await expect(status.getByRole('heading', { name: 'Live: Expiring soon' })).toBeVisible();
  await expect(status).toContainText('One or more license(s) will expire within the next 2 weeks.');
  await screenshot(app, 'instance-live-and-cached');
});

test('a failed read says why and keeps what was read before', async ({ app, bridge, keys }) => {
  const id = installId();
  const { url } = await savedInstance(app, bridge, 'Flaky', {
    installId: id,
    keys: [keyFor(keys, id, 200, { name: 'Still here' })],
  });
  await openInstance(app, 'Flaky');
  await expect(licenseRow(app, 'Still here')).toBeVisible();
  await bridge.stopSim(url);

  await app.getByRole('button', { name: 'Refresh' }).click();
  const alert = app.getByRole('alert').filter({ hasText: 'Flaky could not be read' });
  await expect(alert).toContainText(/refused|could not connect|unreachable|not reach/i);
  await expect(alert).toContainText('Shown below is what was read');
  await expect(licenseRow(app, 'Still here')).toBeVisible();
  // What was read before is no longer the latest read: the status says it is the last known one.
  await expect(
    app.getByRole('region', { name: 'Status' }).locator('.status-badge[data-source="last_known"]'),
  ).toHaveText(/Valid\s*last known/);
  await screenshot(app, 'instance-read-failed');

  await app.getByRole('link', { name: 'All instances' }).click();
  await expect(rowNamed(app, 'Flaky')).toContainText(/refused|could not connect|unreachable|not reach/i);
  await expect(rowNamed(app, 'Flaky').locator('.health__badge')).toHaveText(/Unreachable/);
  await expect(rowNamed(app, 'Flaky').locator('.health')).toContainText('last known: Valid');
});
