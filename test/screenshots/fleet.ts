import type { Page } from '@playwright/test';
import type { Api } from '../../shared/ipc/api';
import { expect, type Bridge, type Keys } from '../e2e/fixtures';
import { keyFor, newInstallId, TOKEN } from '../e2e/instance-helpers';

// A realistic MSP fleet for the documentation's screenshots: 40 authentik instances of 8 customers, most
// of them valid, some expiring soon, some over capacity, one expired, one without a license and one that
// stops answering.

const CUSTOMERS = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Logistics',
  'Wayne Retail',
  'Hooli',
  'Soylent Foods',
];
const SITES = ['Production', 'Staging', 'EU', 'US', 'Partners'];

export interface FleetInstance {
  name: string;
  customer: string;
  installId: string;
  url: string;
}

/** What instance `index` of the fleet runs: days until its license expires (null: none) and its users. */
function shapeOf(index: number): { days: number | null; internal: number } {
  if (index === 12) return { days: -6, internal: 18 };
  if (index === 27) return { days: null, internal: 4 };
  if (index % 9 === 3) return { days: 6 + (index % 20), internal: 20 + (index % 17) };
  if (index % 11 === 5) return { days: 120 + index, internal: 52 + (index % 4) };
  return { days: 60 + ((index * 37) % 300), internal: 5 + ((index * 13) % 40) };
}

/** Starts a simulator per instance and saves them all through the app's API (with the keychain, as Add does). */
export async function savedFleet(app: Page, bridge: Bridge, keys: Keys): Promise<FleetInstance[]> {
  const fleet: FleetInstance[] = [];
  for (const [c, customer] of CUSTOMERS.entries()) {
    for (const [s, site] of SITES.entries()) {
      const index = c * SITES.length + s;
      const { days, internal } = shapeOf(index);
      const installId = newInstallId(`${(0xf1ee7000 + index).toString(16)}-0${String(c).padStart(3, '0')}`);
      const name = `${customer.split(' ')[0]} ${site}`;
      const { url } = await bridge.startSim({
        installId,
        keys: days === null ? [] : [keyFor(keys, installId, days, { name: `${customer} ${site}` })],
        users: { internal, external: 5 + ((index * 7) % 40), internalJoinedLast30Days: index % 4 },
      });
      fleet.push({ name, customer, installId, url });
    }
  }
  for (let start = 0; start < fleet.length; start += 4) {
    await Promise.all(
      fleet.slice(start, start + 4).map(async ({ name, customer, url }) => {
        const result = await app.evaluate(
          (input) => (window as unknown as { api: Api }).api.invoke('instances:add', input),
          { name, url, customer, tags: [], caPem: null, allowHttp: false, token: TOKEN },
        );
        expect(result.ok, `${name} is saved`).toBe(true);
      }),
    );
  }
  return fleet;
}

/** Turns on the dashboard's grouping by customer, when the dashboard offers it. */
export async function groupByCustomer(app: Page): Promise<void> {
  const name = /group by customer/i;
  const toggle = app
    .getByRole('checkbox', { name })
    .or(app.getByRole('switch', { name }))
    .or(app.getByRole('button', { name }));
  if ((await toggle.count()) === 0) return;
  const control = toggle.first();
  const role = await control.getAttribute('role');
  const on =
    (await control.getAttribute('aria-pressed')) === 'true' ||
    (await control.getAttribute('aria-checked')) === 'true' ||
    (role !== 'button' && (await control.isChecked().catch(() => false)));
  if (!on) await control.click();
}
