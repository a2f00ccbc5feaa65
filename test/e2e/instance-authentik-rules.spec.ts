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
  app.getByRole('table', { name: 'Licenses' }).getByRole('row').filter({ has: app.getByRole('rowheader', { name, exact: true }) });

test('the timeline shows what authentik 2026.5 does with users when the last license expires, and names the rules', async ({ app, bridge, keys }) => {
  const id = installId();
  const yearKey = keyFor(keys, id, 365, { name: 'Acme 2027' });
  await savedInstance(app, bridge, 'Lapsing', { installId: id, keys: [yearKey], internalUsers: 12 });
  await openInstance(app, 'Lapsing');

  const timeline = app.getByRole('region', { name: 'Timeline' });
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
  await expect(authentikSteps.last().locator(`time[datetime="${toIsoUtc(readOnlyAt * 1000)}"]`)).toHaveText(`by ${await pageDate(app, readOnlyAt)}`);
  await expect(timeline).toContainText('rules of authentik 2026.5 or later (the instance runs 2026.5.6)');
  await screenshot(app, 'instance-timeline-by-release');
});

test('the delete confirmation counts seats as the instance’s authentik release does: an expired license’s not at all', async ({ app, bridge, keys }) => {
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
  await expect(spare.locator('.callout--bad')).toHaveText(/would not cover the users in use \(40 internal users against 5 seats\)/);
  await screenshot(app, 'instance-delete-shortfall');
  await spare.getByRole('button', { name: 'Cancel' }).click();
  await expect(spare).toHaveCount(0);

  await licenseRow(app, 'Lapsed').getByRole('button', { name: 'Delete… Lapsed' }).click();
  const lapsed = app.getByRole('dialog', { name: 'Delete the license “Lapsed”?' });
  await expect(lapsed).toContainText('will be deleted from Counting');
  await expect(lapsed.locator('.callout--bad')).toHaveCount(0);
});

test('an instance over capacity shows authentik’s 2, 4 and 6-week steps, labelled as an estimate', async ({ app, bridge, keys }) => {
  const id = installId();
  await savedInstance(app, bridge, 'Crowded', { installId: id, keys: [keyFor(keys, id, 365)], internalUsers: 60 });
  await openInstance(app, 'Crowded');
  await expect(app.getByRole('region', { name: 'Status' })).toContainText('Read only');
  await expect(app.getByRole('region', { name: 'Status' }).getByRole('meter', { name: 'Internal users' })).toHaveAttribute('aria-valuetext', /over capacity by 10/);
  const timeline = app.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('heading', { name: 'Over capacity — an estimate' })).toBeVisible();
  const steps = timeline.getByRole('list', { name: 'Over capacity — an estimate' }).getByRole('listitem');
  await expect(steps).toHaveText([
    // Anchored at the refresh that added it, moments ago: whole days left are rounded down.
    /First seen over capacity by this app \(passed, today\)/,
    /Administrators see “User count exceeded” \(2 weeks over capacity\) \(in 13 days\)/,
    /Every user sees “User count exceeded” \(4 weeks over capacity\) \(in 27 days\)/,
    /The instance becomes read-only \(6 weeks over capacity\) \(in 41 days\)/,
  ]);
  await expect(timeline).toContainText('the real dates can be earlier');
  await screenshot(app, 'instance-over-capacity');
});
