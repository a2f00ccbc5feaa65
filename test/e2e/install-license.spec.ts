import type { Page } from '@playwright/test';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { expect, screenshot, test, type Bridge, type Keys } from './fixtures';
import type { SimUsageRecord } from '../sim/authentik';
import { usageAfterLapse } from '../seeds/usage-after-lapse';
import { pageDate, rowAction } from './instance-helpers';

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
const keyFor = (keys: Keys, installId: string, days: number, claims: Record<string, unknown> = {}): string =>
  keyExpiringAt(keys, installId, inDays(days), claims);

const isoOf = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');

/** Saves an instance served by a fresh simulator (of `version`, with that usage history); resolves with the simulator's address. */
async function savedInstance(
  app: Page,
  bridge: Bridge,
  name: string,
  setup: { keys: string[]; internalUsers: number; version?: string; usageRecords?: SimUsageRecord[] },
  installId: string,
): Promise<string> {
  const { url } = await bridge.startSim({
    installId,
    keys: setup.keys,
    users: { internal: setup.internalUsers, external: 3, internalJoinedLast30Days: 1 },
    ...(setup.version === undefined ? {} : { version: setup.version }),
    ...(setup.usageRecords === undefined ? {} : { usageRecords: setup.usageRecords }),
  });
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
const row = (app: Page, name: string) =>
  app.getByRole('row').filter({ has: app.getByRole('rowheader', { name: new RegExp(name) }) });

test('installs a renewal through the preflight and the status changes', async ({ app, bridge, keys }) => {
  const id = installId();
  const currentExp = inDays(10);
  await savedInstance(app, bridge, 'Renewing', { keys: [keyExpiringAt(keys, id, currentExp)], internalUsers: 10 }, id);
  await expect(row(app, 'Renewing')).toContainText('Expiring soon');

  await rowAction(app, 'Renewing', 'Install license');
  const dialog = app.getByRole('dialog', { name: 'Install a license on Renewing' });
  const renewalExp = inDays(365);
  const yearOut = await pageDate(app, renewalExp);
  await dialog
    .getByLabel('License key', { exact: true })
    .fill(keyExpiringAt(keys, id, renewalExp, { name: 'Renewal 2027' }));
  await dialog.getByRole('button', { name: 'Check' }).click();

  // One verdict line: what installing changes, authentik's expiry and the seats, before → after.
  await expect(
    dialog.getByRole('heading', { name: /^Ready to install on Renewing: expiry .+ → .+, seats 50 → 100/ }),
  ).toBeVisible();
  const changes = dialog.getByRole('region', { name: 'What changes' });
  await expect(changes.locator(`time[datetime="${isoOf(renewalExp)}"]`)).toContainText(yearOut);
  // The six checks collapsed while they all pass; the certificate and seat details behind Technical details.
  const checks = dialog.locator('details.install-checks');
  await expect(checks.locator('summary')).toHaveText('6 of 6 checks passed');
  await expect(checks).not.toHaveAttribute('open');
  await expect(dialog.locator('[data-state="passed"]')).toHaveCount(6);
  await expect(dialog.getByText('Fingerprint')).toBeHidden();
  await screenshot(app, 'install-preflight');
  await dialog.getByText('Technical details').click();
  await expect(dialog.getByRole('table', { name: 'Users and licensed seats' })).toContainText('100');
  // authentik takes the latest expiry, so it moves a year out; the guide's earliest expiry stays with the 10-day key.
  const authentik = dialog.getByRole('group', { name: 'As authentik computes it' });
  await expect(authentik.locator(`time[datetime="${isoOf(renewalExp)}"]`)).toHaveText(yearOut);
  await expect(authentik).toContainText(', 355 days later');
  await expect(dialog.getByRole('group', { name: 'Per the product guide' })).toContainText('unchanged');

  await dialog.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Installed on Renewing' })).toBeVisible();
  // The outcome: expiry and seats before → after, in the app's date format (no ISO instant outside technical details).
  const outcome = dialog.getByRole('region', { name: 'Installed on Renewing' });
  await expect(outcome.locator(`time[datetime="${isoOf(renewalExp)}"]`)).toContainText(/in 36[45] days/);
  await expect(outcome.locator(`time[datetime="${isoOf(currentExp)}"]`)).toContainText(await pageDate(app, currentExp));
  await expect(outcome).toContainText(/50\s*→\s*to\s*100/);
  await screenshot(app, 'install-done');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(row(app, 'Renewing')).toContainText('Valid');
  await expect(row(app, 'Renewing')).toContainText('100');
});

test('refuses a first key too small for an unlicensed instance until the person accepts read-only', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  const simUrl = await savedInstance(app, bridge, 'Crowded', { keys: [], internalUsers: 30 }, id);
  await expect(row(app, 'Crowded')).toContainText('Unlicensed');

  await rowAction(app, 'Crowded', 'Install license');
  const dialog = app.getByRole('dialog', { name: 'Install a license on Crowded' });
  await dialog.getByLabel('License key', { exact: true }).fill(keyFor(keys, id, 365, { internal_users: 20 }));
  await dialog.getByRole('button', { name: 'Check' }).click();

  await expect(dialog.getByRole('heading', { name: 'Too few seats: Crowded would turn read-only' })).toBeVisible();
  await expect(dialog).toContainText('It turns read-only at once: 30 internal users, 20 seats after this key.');
  await expect(
    dialog.getByRole('heading', { name: 'Installing anyway makes Crowded read-only at once' }),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Install', exact: true })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Install anyway' })).toHaveAttribute('aria-disabled', 'true');
  await screenshot(app, 'install-over-capacity');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await installedOn(simUrl)).toBe(0);
  await expect(row(app, 'Crowded')).toContainText('Unlicensed');
});

test('says when a key belongs to another saved instance and offers to install it there', async ({
  app,
  bridge,
  keys,
}) => {
  const first = installId();
  const second = installId();
  await savedInstance(app, bridge, 'Alpha', { keys: [keyFor(keys, first, 300)], internalUsers: 1 }, first);
  await savedInstance(app, bridge, 'Beta', { keys: [keyFor(keys, second, 300)], internalUsers: 1 }, second);

  await rowAction(app, 'Alpha', 'Install license');
  const dialog = app.getByRole('dialog', { name: 'Install a license on Alpha' });
  await dialog.getByLabel('License key', { exact: true }).fill(keyFor(keys, second, 365));
  await dialog.getByRole('button', { name: 'Check' }).click();
  await expect(dialog.getByRole('heading', { name: 'Can’t install: Key for another installation' })).toBeVisible();
  // A failed check: the checks are open, not collapsed.
  const checks = dialog.locator('details.install-checks');
  await expect(checks.locator('summary')).toHaveText(/^[0-5] of 6 checks passed$/);
  await expect(checks).toHaveAttribute('open');
  await expect(checks.locator('[data-state="failed"]')).toBeVisible();
  await expect(dialog).toContainText('This key is for Beta’s Install ID.');
  await screenshot(app, 'install-other-instance');
  await dialog.getByRole('button', { name: 'Install on Beta instead' }).click();
  const beta = app.getByRole('dialog', { name: 'Install a license on Beta' });
  await expect(beta.getByRole('heading', { name: /^Ready to install on Beta: / })).toBeVisible();
  await screenshot(app, 'install-other-instance-ready');
});

test('refuses a key after which a lapsed instance stays read-only, with the dates, until the person confirms that consequence', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  // The newest release, 40 users, its only license (50 seats) expired five weeks ago; authentik recorded
  // `valid` until two weeks before that, so its last valid usage record is about seven weeks old: read-only.
  const { now } = await bridge.state();
  const lapsedExp = Math.floor(now / 1000) - 35 * DAY;
  const lapsed = keyExpiringAt(keys, id, lapsedExp, { name: 'Lapsed', internal_users: 50 });
  const simUrl = await savedInstance(
    app,
    bridge,
    'Lapsed',
    { keys: [lapsed], internalUsers: 40, version: '2026.5.6', usageRecords: usageAfterLapse(lapsedExp * 1000, now) },
    id,
  );
  await expect(row(app, 'Lapsed')).toContainText('Read only');

  await rowAction(app, 'Lapsed', 'Install license');
  const dialog = app.getByRole('dialog', { name: 'Install a license on Lapsed' });
  await dialog
    .getByLabel('License key', { exact: true })
    .fill(keyFor(keys, id, 365, { name: 'Too small', internal_users: 10 }));
  await dialog.getByRole('button', { name: 'Check' }).click();

  await expect(dialog.getByRole('heading', { name: 'Too few seats: Lapsed stays read-only' })).toBeVisible();
  const message = dialog.locator('.install-decision__message');
  await expect(message).toContainText('It stays read-only: 40 internal users, 10 seats after this key.');
  // The date: authentik's last valid usage record is more than 6 weeks old (on the instance's clock, which may lag the bridge's by the seconds the test ran).
  const sixWeeksAgo = [0, 5 * 60_000].map((lag) => new Date(now - 42 * DAY * 1000 - lag).toISOString().slice(0, 10));
  const before = message.locator('time').first();
  await expect(before).toHaveAttribute('datetime', new RegExp(`^(${sixWeeksAgo.join('|')})$`));
  const day = await app.evaluate(
    (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' }),
    (await before.getAttribute('datetime')) ?? '',
  );
  await expect(message).toContainText(
    `authentik's last valid usage record is from before ${day} (it reports read_only now), more than 6 weeks ago`,
  );
  const outlook = dialog.getByRole('region', { name: 'What authentik does with too few seats' });
  await expect(outlook).toContainText(/Last valid usage record\s*before/);
  await expect(outlook.locator('time')).toHaveCount(1);
  await expect(outlook).toContainText(/Right after installing\s*read-only/);
  await expect(dialog.getByRole('button', { name: 'Install', exact: true })).toHaveCount(0);
  const installAnyway = dialog.getByRole('button', { name: 'Install anyway' });
  await expect(installAnyway).toHaveAttribute('aria-disabled', 'true');
  await expect(dialog.getByRole('heading', { name: 'Installing anyway leaves Lapsed read-only' })).toBeVisible();
  await screenshot(app, 'install-read-only-refused');
  await outlook.scrollIntoViewIfNeeded();
  await screenshot(app, 'install-read-only-outlook');
  expect(await installedOn(simUrl)).toBe(1);

  await dialog.getByLabel('I understand that Lapsed stays read-only; install anyway').check();
  await expect(installAnyway).toHaveAttribute('aria-disabled', 'false');
  await installAnyway.click();
  await expect(dialog.getByRole('heading', { name: 'Installed on Lapsed' })).toBeVisible();
  await expect(dialog).toContainText('Installed anyway: it stays read-only.');
  expect(await installedOn(simUrl)).toBe(2);
  await screenshot(app, 'install-read-only-installed-anyway');
});

test('keeps the footer’s Install in view in a small window, however long the preflight', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  await savedInstance(app, bridge, 'Small window', { keys: [keyFor(keys, id, 30)], internalUsers: 10 }, id);
  await app.setViewportSize({ width: 900, height: 600 });
  await rowAction(app, 'Small window', 'Install license');
  const dialog = app.getByRole('dialog', { name: 'Install a license on Small window' });
  await dialog.getByLabel('License key', { exact: true }).fill(keyFor(keys, id, 365, { name: 'Next year' }));
  await dialog.getByRole('button', { name: 'Check' }).click();
  await expect(dialog.getByRole('heading', { name: /^Ready to install on Small window: / })).toBeVisible();
  // Opened in full, the preflight is taller than the window: the dialog's body scrolls, its footer does not.
  await dialog.getByText('Technical details').click();
  const scrolls = await dialog.evaluate((element) => element.scrollHeight > element.clientHeight);
  expect(scrolls).toBe(true);
  const install = dialog.getByRole('button', { name: 'Install', exact: true });
  await expect(install).toBeInViewport();
  await dialog.evaluate((element) => element.scrollTo(0, element.scrollHeight / 2));
  await expect(install).toBeInViewport();
  await screenshot(app, 'install-preflight-small-window');
});
