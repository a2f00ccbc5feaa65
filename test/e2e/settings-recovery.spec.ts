import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { closedUrl } from '../net/closed-url';
import { instanceRecord } from '../seeds/instance-record';
import { replaceFile } from '../seeds/replace-file';
import { expect, test } from './fixtures';
import { rowNamed } from './instance-helpers';

test('a damaged settings file: the dashboard lists the last good copy and says what happened and where the damaged file is', async ({
  app,
  bridge,
}) => {
  const kept = instanceRecord({ name: 'Kept', url: await closedUrl() });
  replaceFile(
    join(bridge.dataDir, 'config.json.bak'),
    JSON.stringify({ instances: [kept], schemaVersion: 1 }, undefined, '\t'),
  );
  replaceFile(join(bridge.dataDir, 'config.json'), '"hello"');
  await app.reload();

  const notice = app.getByRole('alert').filter({ has: app.getByRole('heading', { name: 'Settings file repaired' }) });
  await expect(notice).toContainText(
    `The settings file ${join(bridge.dataDir, 'config.json')} was damaged: it holds a string instead of the settings object.`,
  );
  const aside = readdirSync(bridge.dataDir).find((name) => name.startsWith('config.json.damaged-')) ?? 'none';
  await expect(notice).toContainText(`It was moved to ${join(bridge.dataDir, aside)}, and the last good copy`);
  // When the copy was saved, in the reader's zone: aklm prints the ISO 8601 instant, the page does not.
  const saved = notice.locator('time');
  const savedAt = (await saved.getAttribute('datetime')) ?? '';
  expect(savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  const local = await app.evaluate(
    (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
    savedAt,
  );
  await expect(notice).toContainText(`(${join(bridge.dataDir, 'config.json.bak')}, saved ${local}) was restored.`);
  await expect(app.getByRole('table', { name: 'Instances' }).getByRole('rowheader', { name: /^Kept/ })).toBeVisible();
  // The dashboard's first read of Kept (its address is closed) writes the outcome to the settings file: let it
  // land first, or that read-and-write could put the good settings back over the damage made below.
  await expect(rowNamed(app, 'Kept')).toContainText('Unreachable since');

  await notice.getByRole('button', { name: 'Dismiss the settings file notice' }).click();
  await expect(notice).toBeHidden();
  // A dismissed notice stays dismissed when the list is read again; a new repair is told.
  replaceFile(join(bridge.dataDir, 'config.json'), 'null');
  await app.getByRole('link', { name: 'Verify a key' }).click();
  await app.getByRole('link', { name: 'Instances', exact: true }).click();
  await expect(notice).toContainText('was damaged: it holds null instead of the settings object.');
  await expect(notice).not.toContainText('it holds a string');
  await expect(app.getByRole('table', { name: 'Instances' }).getByRole('rowheader', { name: /^Kept/ })).toBeVisible();
});
