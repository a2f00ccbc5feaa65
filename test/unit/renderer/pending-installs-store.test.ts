import { describe, expect, it } from 'vitest';
import { createPendingInstallsStore } from '../../../renderer/store/portal-licenses-pending';
import { INSTANCE, licenseOf, ok, ORG, scriptedMain } from './portal-licenses-fixtures';

describe('renewed-but-not-installed pairings', () => {
  const pairing = { instanceId: INSTANCE, accountId: 'account-1', accountEmail: 'alice@acme.test', org: ORG, organizationName: 'Acme Corp', license: licenseOf() };

  it('are read once when needed and again on every change', async () => {
    const main = scriptedMain({ 'portal:list-pending-installs': () => ok({ pending: [pairing], uncompared: [], accountProblems: [] }) });
    const store = createPendingInstallsStore({ client: main.client });
    await store.getState().pendingInstallsNeeded();
    await store.getState().pendingInstallsNeeded();
    expect(main.channels()).toEqual(['portal:list-pending-installs']);
    expect(store.getState().pending).toHaveLength(1);
    main.answers['portal:list-pending-installs'] = () => ok({ pending: [], uncompared: [], accountProblems: [] });
    await store.getState().pendingInstallsChanged();
    expect(store.getState().pending).toEqual([]);
  });

  it('keep the accounts that could not be read, with why, next to the pairings of the others', async () => {
    const problem = { accountId: 'account-2', email: 'dave@initech.test', portalUrl: 'https://customers.example.com', signInAgain: true, message: 'Your sign-in has ended; sign in again.' };
    const main = scriptedMain({ 'portal:list-pending-installs': () => ok({ pending: [pairing], uncompared: [], accountProblems: [problem] }) });
    const store = createPendingInstallsStore({ client: main.client });
    await store.getState().pendingInstallsChanged();
    expect(store.getState()).toMatchObject({ pending: [pairing], accountProblems: [problem], problem: null });
  });

  it('are none, and nothing to warn about, while no account is signed in', async () => {
    const main = scriptedMain({ 'portal:list-pending-installs': () => ({ ok: false, error: { code: 'not_signed_in', message: 'No customer portal account is signed in.' } }) });
    const store = createPendingInstallsStore({ client: main.client });
    await store.getState().pendingInstallsChanged();
    expect(store.getState()).toMatchObject({ pending: [], loaded: true, problem: null });
  });

  it('say why the portal could not be asked', async () => {
    const main = scriptedMain({ 'portal:list-pending-installs': () => ({ ok: false, error: { code: 'connection_failed', message: 'The portal did not answer.' } }) });
    const store = createPendingInstallsStore({ client: main.client });
    await store.getState().pendingInstallsChanged();
    expect(store.getState().problem).toBe('The portal did not answer.');
  });
});
