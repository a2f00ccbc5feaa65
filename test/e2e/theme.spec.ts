import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The page's background as drawn: the theme in effect, whatever chose it. */
const background = (app: Page): Promise<string> =>
  app.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
/** A colour token as drawn in the theme in effect (tokens are written as light-dark(light, dark)). */
const token = (app: Page, name: string): Promise<string> =>
  app.evaluate((property) => {
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.color = `var(${property})`;
    const drawn = getComputedStyle(probe).color;
    probe.remove();
    return drawn;
  }, name);

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
  expect(await token(app, '--accent')).toBe('rgb(29, 78, 216)');
  await app.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(app)).toBe(DARK);
  expect(await token(app, '--accent')).toBe('rgb(138, 180, 255)');

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
