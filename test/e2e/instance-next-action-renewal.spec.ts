import { SEED } from '../sim/portal';
import { expect, screenshot, test } from './fixtures';
import { keyFor, newInstallId, openInstance, savedInstance } from './instance-helpers';
import { boughtFor, signIn } from './portal-licenses-helpers';

// Purchases wait for the simulator's payment validation and read authentik instances: give them room.
test.describe.configure({ timeout: 120_000 });

test('a renewed key waiting in the customer portal is the next action, and its button installs it', async ({
  app,
  bridge,
  keys,
}) => {
  await bridge.startPortalSim({ checkoutDelayMs: 0 });
  const id = newInstallId('c4d5e6f7-0001');
  await savedInstance(app, bridge, 'Renewing', { installId: id, keys: [keyFor(keys, id, 10)] });
  await signIn(app, bridge, SEED.users.alice.email);
  await boughtFor(app, bridge, id, 'Renewing 2027');
  await app.getByRole('link', { name: 'Instances', exact: true }).click();
  await openInstance(app, 'Renewing');

  // Expiring soon, with the renewal bought: installing it is the one thing to do, not another purchase.
  const banner = app.getByLabel('Next action');
  await expect(banner).toHaveAttribute('data-severity', 'warning');
  await expect(banner).toContainText('A renewed license is waiting to be installed');
  await screenshot(app, 'instance-next-action-renewed-not-installed');
  await banner.getByRole('button', { name: 'Install renewed license' }).click();
  const install = app.getByRole('dialog', { name: 'Install “Renewing 2027” into Renewing' });
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('heading', { name: 'Installed on Renewing' })).toBeVisible();
  await install.getByRole('button', { name: 'Done' }).click();

  // Installed: nothing is left to buy or install; authentik enforces its cached "Expiring soon" until it
  // recomputes its status (the simulator, as authentik, does that only when it records usage).
  await expect(banner).not.toContainText('A renewed license is waiting');
  await expect(banner).toContainText('authentik still enforces “Expiring soon” until it recomputes its status');
  await expect(banner.getByRole('button')).toHaveText('Refresh');
});
