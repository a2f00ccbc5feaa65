import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { InstanceRecord } from '../../main/registry/instance-record';
import { ROW_HEIGHT } from '../../renderer/features/dashboard/columns';
import { closedUrl } from '../net/closed-url';
import { VIEWPORT } from './chromium';
import { expect, screenshot, test } from './fixtures';

// 500 saved instances read (and failed, for want of a token) at the start: give it room on a busy machine.
test.describe.configure({ timeout: 90_000 });

const COUNT = 500;
/** With 40 px rows, a 900 px window shows about 20; with overscan and the focused row, far fewer than 500 exist. */
const MOST_ROWS_IN_THE_DOM = 40;
const nameOf = (index: number): string => `Fleet ${String(index + 1).padStart(3, '0')}`;

/** Saves `COUNT` instances in the bridge's registry file, as the app would have written them. */
async function seedRegistry(dataDir: string): Promise<void> {
  const url = await closedUrl();
  const instances: InstanceRecord[] = Array.from({ length: COUNT }, (_, index) => ({
    id: randomUUID(),
    name: nameOf(index),
    url,
    customer: index % 2 === 0 ? 'Acme' : null,
    tags: index % 3 === 0 ? ['eu'] : [],
    caPem: null,
    lastInstallId: null,
    lastVersion: null,
    lastRefresh: null,
    overCapacitySince: null,
  }));
  writeFileSync(join(dataDir, 'config.json'), `${JSON.stringify({ instances }, null, '\t')}\n`);
}

const table = (app: Page): Locator => app.getByRole('table', { name: 'Instances' });
/** The body rows the page has made (the header row has no instance). */
const bodyRows = (app: Page): Locator => table(app).locator('[role="row"][data-instance-id]');
const rowHeader = (app: Page, name: string): Locator =>
  table(app).getByRole('rowheader', { name: new RegExp(`^${name}`) });

/** Name of the dashboard row holding keyboard focus, or null. */
const focusedRowName = (app: Page): Promise<string | null> =>
  app.evaluate(
    () => document.activeElement?.closest('[role="row"]')?.querySelector('[role="rowheader"] a')?.textContent ?? null,
  );

async function openSortedByName(app: Page, dataDir: string): Promise<void> {
  await seedRegistry(dataDir);
  await app.reload();
  await expect(table(app)).toHaveAttribute('aria-rowcount', String(COUNT + 1), { timeout: 30_000 });
  // The automatic refresh has read (and failed) every instance.
  await expect(app.getByRole('status').filter({ hasText: `Refreshed ${COUNT} instances` })).toBeVisible({
    timeout: 60_000,
  });
  await table(app).getByRole('button', { name: 'Instance', exact: true }).click();
  await expect(table(app).getByRole('columnheader', { name: /Instance/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(rowHeader(app, nameOf(0))).toBeVisible();
}

test('with 500 instances only the rows in view are in the page; scrolling brings the later ones in', async ({
  app,
  bridge,
}) => {
  await openSortedByName(app, bridge.dataDir);
  // The dashboard fits the window and the table keeps room for rows, whatever the notices below it list
  // (here: 500 instances without a token in the vault).
  const { pageHeight, tableHeight } = await app.evaluate(() => ({
    pageHeight: document.documentElement.scrollHeight,
    tableHeight: document.querySelector('[role="table"][aria-label="Instances"]')?.clientHeight ?? 0,
  }));
  expect(pageHeight).toBeLessThanOrEqual(VIEWPORT.height);
  expect(tableHeight).toBeGreaterThanOrEqual(3 * ROW_HEIGHT);
  await expect(app.getByRole('region', { name: 'Token vault' })).toContainText(
    `${COUNT} saved instances have no API token in the vault`,
  );
  const made = await bodyRows(app).count();
  expect(made).toBeGreaterThan(3);
  expect(made).toBeLessThanOrEqual(MOST_ROWS_IN_THE_DOM);
  await expect(rowHeader(app, nameOf(COUNT - 1))).toHaveCount(0);
  // Screen readers still hear where each row sits among all 500.
  await expect(bodyRows(app).first()).toHaveAttribute('aria-rowindex', '2');

  await table(app).evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(rowHeader(app, nameOf(COUNT - 1))).toBeVisible();
  await expect(rowHeader(app, nameOf(0))).toHaveCount(0);
  await expect(table(app).locator(`[role="row"][aria-rowindex="${COUNT + 1}"]`)).toContainText(nameOf(COUNT - 1));
  expect(await bodyRows(app).count()).toBeLessThanOrEqual(MOST_ROWS_IN_THE_DOM);
  await screenshot(app, 'dashboard-500-scrolled-to-the-end');

  // The middle, too: a jump lands on the rows at that offset.
  await table(app).evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }));
  await expect(rowHeader(app, nameOf(COUNT / 2))).toBeVisible();
  expect(await bodyRows(app).count()).toBeLessThanOrEqual(MOST_ROWS_IN_THE_DOM);
});

test('with 500 instances the keyboard reaches rows that were not in the page, and a focused row stays while scrolled away', async ({
  app,
  bridge,
}) => {
  await openSortedByName(app, bridge.dataDir);
  const initiallyMade = await bodyRows(app).count();
  // A row past the ones the page made at first: Tab must bring it in by scrolling.
  const target = nameOf(initiallyMade + 5);
  await expect(rowHeader(app, target)).toHaveCount(0);

  await rowHeader(app, nameOf(0)).getByRole('link').focus();
  let focused = await focusedRowName(app);
  for (let presses = 0; focused !== target && presses < (initiallyMade + 6) * 12; presses += 1) {
    await app.keyboard.press('Tab');
    focused = await focusedRowName(app);
    // Tab never leaves the table on the way down: every next row is there to take focus.
    expect(focused, `focus left the rows after ${presses + 1} presses`).not.toBeNull();
  }
  expect(focused).toBe(target);
  // Each row starts with its checkbox: the next Tab reaches the name's link.
  await app.keyboard.press('Tab');
  await expect(rowHeader(app, target).getByRole('link')).toBeFocused();
  await expect(rowHeader(app, target)).toBeInViewport();
  expect(await bodyRows(app).count()).toBeLessThanOrEqual(MOST_ROWS_IN_THE_DOM);
  await screenshot(app, 'dashboard-500-keyboard');

  // Scrolled far away, the focused row stays in the page, so focus does not fall back to the page.
  await table(app).evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(rowHeader(app, nameOf(COUNT - 1))).toBeVisible();
  expect(await focusedRowName(app)).toBe(target);
  // Enter opens the focused instance.
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: target })).toBeVisible();
});
