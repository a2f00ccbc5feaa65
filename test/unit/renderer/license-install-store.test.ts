import { describe, expect, it } from 'vitest';
import { createAppQueryClient } from '../../../renderer/queries/query-client';
import { createInstancesStore } from '../../../renderer/store/instances';
import { createPortalLicensesStores } from '../../../renderer/store/portal-licenses-stores';
import { INSTANCE, LICENSE, ok, ORG, preflightOf, purchaseMain, ROW } from './portal-licenses-fixtures';

const TARGET = { orgId: ORG, licenseId: LICENSE, licenseName: 'Primary', instanceId: INSTANCE, instanceName: 'Primary' };
const INSTALLED = { installed: true, reason: 'ok', message: 'Installed.', warnings: [], instance: ROW, cumulativeExpiry: null, authentikExpiry: null };

/** The install dialog's store over a scripted main whose preflight answers `replaces`. */
async function preflighted(replaces: Parameters<typeof preflightOf>[0]) {
  const main = purchaseMain({
    'portal:preflight-license-install': () => ok(preflightOf(replaces)),
    'portal:install-license': () => ok(INSTALLED),
    'instances:detail': () => ({ ok: false, error: { code: 'connection_failed', message: 'not read in this test' } }),
  });
  const instances = createInstancesStore({ client: main.client });
  const { install } = createPortalLicensesStores({ client: main.client, queryClient: createAppQueryClient(main.client), instances });
  await install.getState().licenseInstallOpened(TARGET);
  return { main, install };
}

const installRequests = (main: ReturnType<typeof purchaseMain>) => main.sent.filter((request) => request.channel === 'portal:install-license').map((request) => request.input);

describe('"Install into <instance>" of a portal license', () => {
  it('asks main for the preflight without choosing what it replaces, and installs exactly as the preflight said: replacing the license it named', async () => {
    const { main, install } = await preflighted({ licenseUuid: '55555555-5555-4555-8555-555555555555', name: 'Primary 2026' });
    expect(main.sent.filter((request) => request.channel === 'portal:preflight-license-install').map((request) => request.input)).toEqual([
      { org: ORG, id: LICENSE, instanceId: INSTANCE, accountId: null },
    ]);
    expect(install.getState().preflight?.replaces?.name).toBe('Primary 2026');
    await install.getState().licenseInstallConfirmed();
    expect(installRequests(main)).toEqual([
      { org: ORG, id: LICENSE, instanceId: INSTANCE, allowOverCapacity: false, replaces: '55555555-5555-4555-8555-555555555555', accountId: null },
    ]);
    expect(install.getState().outcome).toMatchObject({ installed: true });
  });

  it('installs beside the other keys when the preflight names nothing to replace', async () => {
    const { main, install } = await preflighted(null);
    await install.getState().licenseInstallConfirmed();
    expect(installRequests(main)).toEqual([{ org: ORG, id: LICENSE, instanceId: INSTANCE, allowOverCapacity: false, replaces: null, accountId: null }]);
  });
});
