import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The page's background as drawn: the theme in effect, whatever chose it. */
const background = (app: Page): Promise<string> =>
  app.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const token = (app: Page, name: string): Promise<string> =>
  app.evaluate((property) => getComputedStyle(document.documentElement).getPropertyValue(property).trim(), name);

const LIGHT = 'rgb(247, 247, 249)';
const DARK = 'rgb(22, 24, 29)';

test('the theme follows the system until Light or Dark is chosen, and the choice is kept for the next run', async ({
  app,
}) => {
  const theme = app.getByRole('banner').getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'system');

  await app.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(app)).toBe(LIGHT);
  expect(await token(app, '--accent')).toBe('#1d4ed8');
  await app.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(app)).toBe(DARK);

  // A choice holds against the system's preference, either way.
  await theme.selectOption({ label: 'Light' });
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => background(app)).toBe(LIGHT);
  await theme.selectOption({ label: 'Dark' });
  await app.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(app)).toBe(DARK);

  // The next run starts dark, before anything is drawn: the choice is applied from storage, not by a component.
  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.getByRole('banner').getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  expect(await background(app)).toBe(DARK);
});
