import type { Locator, Page } from '@playwright/test';
import { SEED } from '../sim/portal';
import { expect, test } from '../e2e/fixtures';
import { showTheme, THEMES } from '../e2e/every-screen-helpers';
import { keyFor, rowNamed, savedId } from '../e2e/instance-helpers';
import { openLicenses, signIn } from '../e2e/portal-licenses-helpers';
import { groupByCustomer, savedFleet } from './fleet';

// `npm run screenshots`: the documentation's pictures, in the light and the dark theme, into docs/images/.

const IMAGES = 'docs/images';

/**
 * Photographs the screen in both themes, without a focus ring. With `down to`, the picture runs from the
 * top of the page to the bottom of that element (the instance page's chart), when the page shows one.
 */
async function shoot(app: Page, name: string, downTo?: Locator): Promise<void> {
  await app.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const bottom =
    downTo !== undefined && (await downTo.count()) > 0
      ? await downTo.first().evaluate((element) => element.getBoundingClientRect().bottom + window.scrollY + 24)
      : null;
  for (const theme of THEMES) {
    await showTheme(app, theme);
    // Let the theme's colours settle before the picture.
    await app.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const width = app.viewportSize()?.width ?? 1280;
    await app.screenshot({
      path: `${IMAGES}/${name}-${theme}.png`,
      animations: 'disabled',
      caret: 'hide',
      ...(bottom === null ? {} : { fullPage: true, clip: { x: 0, y: 0, width, height: bottom } }),
    });
  }
  await showTheme(app, 'light');
}

test('the dashboard of a 40-instance fleet, an instance page, a preflight and a purchase, in both themes', async ({
  app,
  bridge,
  keys,
}) => {
  await bridge.startPortalSim();
  const fleet = await savedFleet(app, bridge, keys);
  const unreachable = fleet[22];
  const expiring = fleet[21];
  const crowded = fleet[16];
  if (unreachable === undefined || expiring === undefined || crowded === undefined) throw new Error('fleet too small');
  await bridge.stopSim(unreachable.url);
  await app.reload();
  await expect(rowNamed(app, fleet[0]?.name ?? '')).toBeVisible();
  await app.getByRole('button', { name: /^Refresh all/ }).click();
  await expect(app.getByLabel('Refreshing instances')).toBeHidden({ timeout: 60_000 });
  await groupByCustomer(app);
  await app.mouse.move(0, 0);
  await shoot(app, 'dashboard');

  await app.evaluate((hash) => (window.location.hash = hash), `instance/${savedId(bridge, crowded.name)}`);
  await expect(app.getByRole('heading', { level: 1, name: crowded.name })).toBeVisible();
  await expect(app.getByRole('table', { name: 'Licenses' })).toBeVisible();
  const chart = app
    .getByRole('img', { name: /timeline|chart/i })
    .or(app.getByRole('figure', { name: /timeline|chart/i }));
  await shoot(app, 'instance', chart);

  // From the instance's page: in a grouped fleet of 40 its dashboard row may be out of view.
  await app.evaluate((hash) => (window.location.hash = hash), `instance/${savedId(bridge, expiring.name)}`);
  await expect(app.getByRole('heading', { level: 1, name: expiring.name })).toBeVisible();
  await app.getByRole('button', { name: /^Install a key/ }).click();
  const install = app.getByRole('dialog', { name: `Install a license on ${expiring.name}` });
  await install
    .getByLabel('License key', { exact: true })
    .fill(keyFor(keys, expiring.installId, 380, { name: `${expiring.customer} renewal` }));
  await install.getByRole('button', { name: 'Check' }).click();
  await expect(install.getByRole('button', { name: 'Install', exact: true })).toBeVisible({ timeout: 15_000 });
  await shoot(app, 'preflight');
  await app.keyboard.press('Escape');

  await signIn(app, bridge, SEED.users.alice.email);
  await openLicenses(app, SEED.organizations.acme.name);
  await app.getByRole('button', { name: 'Purchase license' }).click();
  const purchase = app.getByRole('dialog', { name: 'Purchase a license' });
  await purchase.getByLabel('Instance').selectOption({ label: `${crowded.name} — ${crowded.installId}` });
  await expect(purchase.getByLabel('Internal users')).not.toHaveValue('');
  await purchase.getByRole('radio').first().check();
  await shoot(app, 'purchase');
});
