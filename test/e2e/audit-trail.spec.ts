import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, screenshot, test } from './fixtures';
import { keyFor, newInstallId, rowAction, rowNamed, savedInstance } from './instance-helpers';

// Adds and installs through the app, then reads, filters, exports and tampers: give it room on a busy machine.
test.describe.configure({ timeout: 60_000 });

test('the Audit screen lists what was done, filters and exports it, and names the first altered entry', async ({
  app,
  bridge,
  keys,
}) => {
  await expect(app.locator('.audit-status')).toHaveText('intact');
  const installId = newInstallId('5e6f7a8b-9c0d');
  await savedInstance(app, bridge, 'Audited', { installId, keys: [] });
  await rowAction(app, 'Audited', 'Install license');
  const dialog = app.getByRole('dialog', { name: 'Install a license on Audited' });
  // A year and half a day: the dashboard's clock ticks every 30 s, and whether it ticks between the key being made
  // and the row being read must not decide between "in 365 days" and "in 364 days".
  const key = keyFor(keys, installId, 365.5, { name: 'Audited 2027' });
  await dialog.getByLabel('License key', { exact: true }).fill(key);
  await dialog.getByRole('button', { name: 'Check' }).click();
  await dialog.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Installed on Audited' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  // The row is read again: the installed key's year shows (authentik's cached status may lag: a warning, not "Valid").
  await expect(rowNamed(app, 'Audited')).toContainText('in 365 days');

  // From the top navigation, with the keyboard.
  await app.getByRole('link', { name: 'Audit', exact: true }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeFocused();
  const summary = app.getByRole('region', { name: 'Chain: Intact' });
  await expect(summary).toContainText(
    '4 entries, each linked to the one before, and the newest is the one the OS keychain records.',
  );
  const table = app.getByRole('region', { name: 'Audit entries' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText(
    /4.*License installed.*"Audited".*license "Audited 2027".*Succeeded.*sha256:[0-9a-f]{64}.*ok: Installed "Audited 2027"/,
  );
  await expect(rows.nth(4)).toContainText(/1.*\(this computer\).*Instance added.*"Audited".*Attempted/);
  const { violations } = await new AxeBuilder({ page: app }).include('.audit').analyze();
  expect(violations).toEqual([]);
  await screenshot(app, 'audit-trail');

  await app.getByLabel('Action', { exact: true }).selectOption({ label: 'Instance added' });
  await expect(app.getByText('2 of 4 entries')).toBeVisible();
  await expect(rows).toHaveCount(3);
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8').split('\r\n');
  expect(csv[0]).toMatch(/^line,time,actor_kind,actor,action,result,instance,/);
  expect(csv.slice(1, -1).map((line) => line.split(',').slice(4, 7))).toEqual([
    ['instance.add', 'attempted', 'Audited'],
    ['instance.add', 'succeeded', 'Audited'],
  ]);
  await expect(
    app
      .getByRole('status')
      .filter({ hasText: /^Exported the audit trail as authentik-audit-\d{4}-\d{2}-\d{2}\.csv\.×$/ }),
  ).toBeVisible();
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(5);

  // Someone edits the second entry in the file: the next start says where the trail stops being trustworthy.
  const file = join(bridge.dataDir, 'audit.jsonl');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"result":"succeeded"', '"result":"failed"'));
  await app.getByRole('link', { name: 'Instances' }).click();
  await app.reload();
  await expect(app.locator('.audit-status')).toHaveText('altered');
  const alert = app.getByRole('alert').filter({ hasText: 'Entry 3 does not follow entry 2' });
  await expect(alert).toContainText('entry 2 was changed, or entries were removed or inserted between them.');
  await alert.getByRole('button', { name: 'Open the audit trail' }).click();
  await expect(app.getByRole('region', { name: 'Chain: Altered' })).toContainText(
    'nothing from entry 2 on can be relied on',
  );
  await expect(rows.nth(3)).toContainText('2 first altered');
  await expect(rows.nth(3)).toContainText('Failed');
  await screenshot(app, 'audit-trail-altered');
});
