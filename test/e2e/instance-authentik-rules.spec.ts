import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { toIsoUtc } from '../../shared/time/iso';
import { expiryOf, keyFor, newInstallId, openInstance, pageDate, savedInstance } from './instance-helpers';

// What the instance page derives from authentik's rules for the instance's release (the simulator runs
// authentik 2026.5): the dates authentik acts on, and the seats left after a deletion.

// Each test starts its own bridge, browser and simulators, then walks a whole flow: give it room on a busy machine.
test.describe.configure({ timeout: 60_000 });

const installId = (): string => newInstallId('7a1c2e93-4d5f');
const licenseRow = (app: Page, name: string) =>
  app
    .getByRole('table', { name: 'Licenses' })
    .getByRole('row')
    .filter({ has: app.getByRole('rowheader', { name, exact: true }) });

test('the timeline shows what authentik 2026.5 does with users when the last license expires, and names the rules', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  const yearKey = keyFor(keys, id, 365, { name: 'Acme 2027' });
  await savedInstance(app, bridge, 'Lapsing', { installId: id, keys: [yearKey], internalUsers: 12 });
  await openInstance(app, 'Lapsing');

  const timeline = app.getByRole('region', { name: 'Timeline' });
  await timeline.getByText('Show as text and tables').click();
  // Once the last license expires its seats stop counting, so the users exceed them at once, and the weeks
  // count from the last Valid usage record, 2 weeks before the expiry: read-only by 4 weeks after it, not 6.
  const authentikSteps = timeline.getByRole('list', { name: 'What authentik will do' }).getByRole('listitem');
  await expect(authentikSteps).toHaveText([
    /Expiring soon/,
    /The licenses expire and their seats stop counting, so the users exceed them: administrators see “User count exceeded”/,
    /^by .*Every user sees “User count exceeded” \(4 weeks after the last valid usage record\)/,
    /^by .*The instance becomes read-only \(6 weeks after the last valid usage record\)/,
  ]);
  const readOnlyAt = expiryOf(yearKey) + 28 * 24 * 3600;
  await expect(authentikSteps.last().locator(`time[datetime="${toIsoUtc(readOnlyAt * 1000)}"]`)).toHaveText(
    `by ${await pageDate(app, readOnlyAt)}`,
  );
  await expect(timeline).toContainText('rules of authentik 2026.5 or later (the instance runs 2026.5.6)');
  await screenshot(app, 'instance-timeline-by-release');
});

test('the delete confirmation counts seats as the instance’s authentik release does: an expired license’s not at all', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  await savedInstance(app, bridge, 'Counting', {
    installId: id,
    internalUsers: 40,
    keys: [
      keyFor(keys, id, 365, { name: 'Main', internal_users: 5 }),
      keyFor(keys, id, -30, { name: 'Lapsed', internal_users: 30 }),
      keyFor(keys, id, 100, { name: 'Spare', internal_users: 50 }),
    ],
  });
  await openInstance(app, 'Counting');

  await licenseRow(app, 'Spare').getByRole('button', { name: 'Delete… Spare' }).click();
  const spare = app.getByRole('dialog', { name: 'Delete the license “Spare”?' });
  // On authentik 2026.5 an expired license adds no seats (#14451): only Main's 5 remain, not 35.
  await expect(spare.locator('.callout--bad')).toHaveText(
    /would not cover the users in use \(40 internal users against 5 seats\)/,
  );
  await screenshot(app, 'instance-delete-shortfall');
  await spare.getByRole('button', { name: 'Cancel' }).click();
  await expect(spare).toHaveCount(0);

  await licenseRow(app, 'Lapsed').getByRole('button', { name: 'Delete… Lapsed' }).click();
  const lapsed = app.getByRole('dialog', { name: 'Delete the license “Lapsed”?' });
  await expect(lapsed).toContainText('will be deleted from Counting');
  await expect(lapsed.locator('.callout--bad')).toHaveCount(0);
});

test('over the seats on a valid license, authentik keeps recording Valid: the steps wait for the expiry', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  const key = keyFor(keys, id, 365);
  // 60 users on 50 seats; authentik's last usage record, an hour old, said Valid.
  await savedInstance(app, bridge, 'Crowded', {
    installId: id,
    keys: [key],
    internalUsers: 60,
    usageRecords: [{ at: Date.now() - 3_600_000, status: 'valid' }],
  });
  await openInstance(app, 'Crowded');
  await expect(
    app.getByRole('region', { name: 'Status' }).getByRole('meter', { name: 'Internal users' }),
  ).toHaveAttribute('aria-valuetext', /over capacity by 10/);
  const timeline = app.getByRole('region', { name: 'Timeline' });
  // The chart marks the over-capacity steps; the text under it dates them.
  await expect(timeline.locator('[data-marker="capacity-read_only"] text')).toHaveText('Over seats: read-only');
  await timeline.getByText('Show as text and tables').click();
  await expect(timeline.getByRole('heading', { name: 'Over capacity' })).toBeVisible();
  await expect(timeline).toContainText('authentik keeps recording Valid, so nothing happens until then');
  // The last valid record freezes two weeks before the expiry: the admin banner at the expiry, the user banner 2 weeks and read-only 4 weeks after.
  const week = 7 * 86_400;
  const exp = expiryOf(key);
  await expect(timeline.getByRole('list', { name: 'Over capacity' }).getByRole('listitem')).toHaveText([
    `${await pageDate(app, exp)} Administrators see “User count exceeded” (2 weeks after the last valid usage record) (in 364 days)`,
    `${await pageDate(app, exp + 2 * week)} Every user sees “User count exceeded” (4 weeks after it) (in 378 days)`,
    `${await pageDate(app, exp + 4 * week)} The instance becomes read-only (6 weeks after it) (in 392 days)`,
  ]);
  await screenshot(app, 'instance-over-capacity');
});

test('over the seats with no valid usage record, authentik 2026.5 is read-only, and the page says so', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  await savedInstance(app, bridge, 'Locked', { installId: id, keys: [keyFor(keys, id, 365)], internalUsers: 60 });
  await openInstance(app, 'Locked');
  await expect(app.getByRole('region', { name: 'Status' })).toContainText('Read only');
  const timeline = app.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('img', { name: /read-only estimated (today|\d+ days? ago)$/ })).toBeVisible();
  await timeline.getByText('Show as text and tables').click();
  // read_only over capacity proves the last valid record more than six weeks old (with none, authentik takes 1970).
  await expect(timeline).toContainText(
    /From the status authentik reports \(“Read only”\), that record is from before /,
  );
  await expect(timeline).toContainText('authentik is read-only now for as long as the users exceed the seats');
  await expect(timeline).toContainText(/Read-only since .* six weeks after authentik’s last valid usage record/);
  await screenshot(app, 'instance-over-capacity-read-only');
});
