import type { Page } from '@playwright/test';
import type { SimUsageRecord } from '../sim/authentik';
import { expect, screenshot, test, type Bridge, type Keys } from './fixtures';
import { keyFor, newInstallId, openInstance, rowNamed, savedId, savedInstance } from './instance-helpers';

// Every instance state the authentik simulator offers, one row each, on one bridge: the next-action banner at
// the top of the instance page is never empty, and never "all well" while anything on the page is amber or red.

// One bridge and one browser for every state: adding ~17 instances and opening each takes a while.
test.describe.configure({ timeout: 300_000 });

/** Each instance's simulator address, for the rows that stop it. */
const simUrls = new Map<string, string>();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const installId = (): string => newInstallId('9b2d4f60-1c3e');

interface Context {
  app: Page;
  bridge: Bridge;
  keys: Keys;
}

interface StateRow {
  /** The instance's name (each unique, and no name a prefix of another's). */
  name: string;
  severity: 'critical' | 'warning' | 'ok';
  /** A word the banner's headline says. */
  word: RegExp;
  /** The banner's one button, or null when all is well. */
  button: string | null;
  /** Starts the simulator and adds the instance. */
  setup: (context: Context, name: string) => Promise<void>;
  /** Runs on the instance's page before the banner is checked. */
  onPage?: (context: Context, name: string) => Promise<void>;
}

/** An instance on a simulator with these keys (for its own Install ID), users and usage history. */
function simulated(
  keysFor: (keys: Keys, id: string) => string[],
  options: { internalUsers?: number; usageRecords?: SimUsageRecord[]; clockOffsetMs?: number } = {},
) {
  return async ({ app, bridge, keys }: Context, name: string): Promise<void> => {
    const id = installId();
    const { url } = await savedInstance(app, bridge, name, { installId: id, keys: keysFor(keys, id), ...options });
    simUrls.set(name, url);
  };
}

const validRecord = (ago: number): SimUsageRecord[] => [{ at: Date.now() - ago, status: 'valid' }];
const headerButton = (app: Page, name: string) =>
  app.getByRole('group', { name: /^Actions on / }).getByRole('button', { name, exact: true });

const ROWS: StateRow[] = [
  {
    name: 'Alpha valid',
    severity: 'ok',
    word: /All well/,
    button: null,
    setup: simulated((keys, id) => [keyFor(keys, id, 365)]),
  },
  {
    name: 'Bravo expiring',
    severity: 'warning',
    word: /Expiring soon/,
    button: 'Renew',
    setup: simulated((keys, id) => [keyFor(keys, id, 10)]),
  },
  {
    name: 'Charlie expired',
    severity: 'critical',
    word: /Expired/,
    button: 'Renew',
    // A valid usage record an hour old: authentik reports Expired, not yet read-only.
    setup: simulated((keys, id) => [keyFor(keys, id, -10)], { usageRecords: validRecord(HOUR) }),
  },
  {
    name: 'Delta long expired',
    severity: 'critical',
    word: /Read only/,
    button: 'Renew',
    setup: simulated((keys, id) => [keyFor(keys, id, -60)], { usageRecords: validRecord(50 * DAY) }),
  },
  {
    name: 'Echo over seats locked',
    severity: 'critical',
    word: /Read only/,
    button: 'Buy seats',
    setup: simulated((keys, id) => [keyFor(keys, id, 365)], { internalUsers: 60 }),
  },
  {
    name: 'Foxtrot admins warned',
    severity: 'warning',
    word: /Administrators see/,
    button: 'Buy seats',
    setup: simulated((keys, id) => [keyFor(keys, id, 365)], { internalUsers: 60, usageRecords: validRecord(15 * DAY) }),
  },
  {
    name: 'Golf users warned',
    severity: 'critical',
    word: /Every user sees/,
    button: 'Buy seats',
    setup: simulated((keys, id) => [keyFor(keys, id, 365)], { internalUsers: 60, usageRecords: validRecord(30 * DAY) }),
  },
  {
    name: 'Hotel over seats in grace',
    severity: 'warning',
    word: /exceed the licensed seats/,
    button: 'Buy seats',
    setup: simulated((keys, id) => [keyFor(keys, id, 365)], { internalUsers: 60, usageRecords: validRecord(HOUR) }),
  },
  {
    name: 'India unlicensed',
    severity: 'warning',
    word: /Unlicensed/,
    button: 'Install a license key',
    setup: simulated(() => []),
  },
  {
    name: 'Juliet clock ahead',
    severity: 'warning',
    word: /clock is off/,
    button: 'Refresh',
    setup: simulated((keys, id) => [keyFor(keys, id, 365)], { clockOffsetMs: 20 * 60_000 }),
  },
  {
    name: 'Kilo doubled',
    severity: 'warning',
    word: /installed twice/,
    button: 'Review licenses',
    setup: simulated((keys, id) => {
      const key = keyFor(keys, id, 200);
      return [key, key];
    }),
  },
  {
    name: 'Lima foreign key',
    severity: 'warning',
    word: /not valid here/,
    button: 'Review licenses',
    setup: simulated((keys, id) => [keyFor(keys, id, 365), keyFor(keys, installId(), 365, { name: 'Elsewhere' })]),
  },
  {
    name: 'Mike trial left',
    severity: 'warning',
    word: /trial key/,
    button: 'Renew',
    setup: simulated((keys, id) => [
      keyFor(keys, id, 20, { name: 'Full' }),
      keyFor(keys, id, 90, { name: 'Trial', license_flags: ['trial'] }),
    ]),
  },
  {
    name: 'November unreachable',
    severity: 'warning',
    word: /Unreachable/,
    button: 'Refresh',
    setup: simulated((keys, id) => [keyFor(keys, id, 365)]),
    async onPage({ app, bridge }, name) {
      const url = simUrls.get(name);
      if (url === undefined) throw new Error(`no simulator for ${name}`);
      await bridge.stopSim(url);
      await headerButton(app, 'Refresh').click();
      await expect(app.getByRole('alert').filter({ hasText: `${name} could not be read` })).toBeVisible();
    },
  },
  {
    name: 'Oscar moved',
    severity: 'critical',
    word: /Install ID changed/,
    button: 'Review Install ID',
    setup: simulated((keys, id) => [keyFor(keys, id, 200)]),
    async onPage({ app, bridge }, name) {
      // The same database restored elsewhere: another Install ID, the old key still installed.
      const { url } = await bridge.startSim({
        installId: installId(),
        keys: [],
        users: { internal: 10, external: 3, internalJoinedLast30Days: 1 },
      });
      await headerButton(app, 'Edit…').click();
      const dialog = app.getByRole('dialog', { name: `Edit ${name}` });
      await dialog.getByLabel('URL').fill(url);
      await dialog.getByRole('button', { name: 'Test and save' }).click();
      await expect(dialog).toHaveCount(0);
    },
  },
  {
    name: 'Papa no token',
    severity: 'critical',
    word: /No API token/,
    button: 'Edit connection',
    async setup(context, name) {
      await simulated((keys, id) => [keyFor(keys, id, 365)])(context, name);
      await context.bridge.vaultEntry(`instance:${savedId(context.bridge, name)}`, null);
    },
  },
];

/** Whatever on the page is amber or red outside the banner: badges, warnings, alerts, callouts, verdicts. */
async function amberOrRed(app: Page): Promise<number> {
  return app
    .locator(
      [
        '.status-badge--warn',
        '.status-badge--bad',
        '.warnings-panel--some',
        '.callout--bad',
        '.callout--warn',
        '.verdict-cell--bad',
        '.flag-badge--bad',
        '[role="alert"]:not(.next-action)',
      ].join(', '),
    )
    .count();
}

// Two halves, each on one bridge: the dashboard draws only the rows in view, so a few instances at a time.
const HALVES = [ROWS.slice(0, 8), ROWS.slice(8)];

for (const [index, rows] of HALVES.entries())
  test(`the next-action banner names the worst signal of every instance state, and is never "all well" beside amber or red (${index + 1} of 2)`, async ({
    app,
    bridge,
    keys,
  }) => {
    const context = { app, bridge, keys };
    for (const row of rows) await row.setup(context, row.name);

    for (const row of rows) {
      await test.step(row.name, async () => {
        if (!(await rowNamed(app, row.name).isVisible()))
          await app.getByRole('link', { name: 'All instances' }).click();
        await openInstance(app, row.name);
        await row.onPage?.(context, row.name);
        const banner = app.getByLabel('Next action');
        await expect(banner).toBeVisible();
        await expect(banner).toHaveAttribute('data-severity', row.severity);
        await expect(banner.locator('.next-action__headline')).toContainText(row.word);
        expect((await banner.locator('.next-action__headline').innerText()).trim().length).toBeGreaterThan(0);
        const button = banner.locator('.next-action__button');
        if (row.button === null) await expect(button).toHaveCount(0);
        else await expect(button).toHaveText(row.button);
        // The page's own signals: none may stand beside an "all well" banner.
        if ((await amberOrRed(app)) > 0) {
          await expect(banner).not.toHaveAttribute('data-severity', 'ok');
          await expect(banner).not.toContainText(/All well|Nothing (needs attention|to do)/);
        }
        await expect(banner).toHaveAttribute('role', row.severity === 'critical' ? 'alert' : 'status');
        await screenshot(app, `instance-next-action-${row.name.toLowerCase().replace(/\W+/g, '-')}`);
        await app.getByRole('link', { name: 'All instances' }).click();
      });
    }
  });

test('the banner’s button does what it says: Renew opens the customer portal for this Install ID', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  await savedInstance(app, bridge, 'Soon', { installId: id, keys: [keyFor(keys, id, 10)] });
  await openInstance(app, 'Soon');
  const banner = app.getByLabel('Next action');
  await banner.getByRole('button', { name: 'Renew' }).click();
  await expect.poll(async () => (await bridge.state()).openedUrls.at(-1) ?? '').toContain(`install_id=${id}`);
});
