import { describe, expect, it } from 'vitest';
import { INITIAL_DASHBOARD_SCREEN, useDashboardScreen } from '../../../renderer/features/dashboard/dashboard-screen';
import { createAppQueryClient } from '../../../renderer/queries/query-client';
import { createInstancesStore } from '../../../renderer/store/instances';
import { fleetRow } from './instance-rows';
import { ok, scriptedMain } from './portal-licenses-fixtures';

const PRIMARY = fleetRow('Primary');

/** The instances as the stores not yet migrated read them, over the app's query cache. */
function bridged() {
  const main = scriptedMain({ 'instances:list': () => ok({ instances: [PRIMARY], dataNotices: [] }) });
  const queryClient = createAppQueryClient(main.client);
  useDashboardScreen.setState(INITIAL_DASHBOARD_SCREEN, true);
  return { main, instances: createInstancesStore({ client: main.client, queryClient }) };
}

describe('the instances, for the stores not yet migrated', () => {
  it('lists once when needed, and reads the rows from the query cache', async () => {
    const { main, instances } = bridged();
    expect(instances.getState().listed).toBe(false);
    await instances.getState().instancesNeeded();
    await instances.getState().instancesNeeded();
    expect(instances.getState().rows.map((row) => row.name)).toEqual(['Primary']);
    expect(main.channels()).toEqual(['instances:list']);
  });

  it('writes an answered instance into the list, and its notice to the dashboard', async () => {
    const { instances } = bridged();
    await instances.getState().instancesNeeded();
    instances.getState().instanceAnswered({ ...PRIMARY, version: '2026.8.1' }, 'Installed a license on Primary.');
    expect(instances.getState().rows[0]?.version).toBe('2026.8.1');
    expect(useDashboardScreen.getState().outcome).toEqual({ tone: 'notice', text: 'Installed a license on Primary.' });
  });

});
