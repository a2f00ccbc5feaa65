import { describe, expect, it } from 'vitest';
import { createPendingInstallsStore } from '../../../renderer/store/portal-licenses-pending';
import { createPortalLicensesStore, selectRenameProblem } from '../../../renderer/store/portal-licenses';
import { deferred, INSTANCE, LICENSE, licenseOf, ok, ORG, scriptedMain, type Answers } from './portal-licenses-fixtures';

const KEY = 'eyJhbGciOiJFUzUxMiJ9.eyJuYW1lIjoiUHJpbWFyeSJ9.c2lnbmF0dXJl';
const CLEARS_AT = '2026-11-29T09:01:00.000Z';

function portal(answers: Answers = {}) {
  return scriptedMain({
    'portal:list-licenses': () => ok({ licenses: [licenseOf()] }),
    'portal:reveal-license-key': () => ok({ key: KEY }),
    'portal:copy-license-key': () => ok({ clearsAt: CLEARS_AT }),
    ...answers,
  });
}

async function detailsOpen(main = portal()) {
  const store = createPortalLicensesStore({ client: main.client });
  await store.getState().licensesTabOpened(ORG);
  store.getState().detailsOpened(LICENSE);
  return store;
}

describe('the licenses list', () => {
  it('lists the organization’s licenses, and says why when it cannot', async () => {
    const main = portal();
    const store = createPortalLicensesStore({ client: main.client });
    await store.getState().licensesTabOpened(ORG);
    expect(main.sent).toEqual([{ channel: 'portal:list-licenses', input: { org: ORG } }]);
    expect(store.getState().licenses.map((license) => license.nickname)).toEqual(['Primary']);

    main.answers['portal:list-licenses'] = () => ({ ok: false, error: { code: 'connection_failed', message: 'The portal did not answer.' } });
    await store.getState().licensesReloadRequested();
    expect(store.getState().listProblem).toBe('The portal did not answer.');
    // What was listed before stays shown.
    expect(store.getState().licenses).toHaveLength(1);
  });
});

describe('the key in the details', () => {
  it('is only fetched when the person presses Reveal, and leaves memory when the details close', async () => {
    const main = portal();
    const store = await detailsOpen(main);
    expect(main.channels()).not.toContain('portal:reveal-license-key');
    expect(store.getState().revealedKey).toBeNull();

    await store.getState().keyRevealRequested();
    expect(main.sent).toContainEqual({ channel: 'portal:reveal-license-key', input: { org: ORG, id: LICENSE } });
    expect(store.getState().revealedKey).toBe(KEY);

    store.getState().detailsClosed();
    expect(store.getState().revealedKey).toBeNull();
    store.getState().detailsOpened(LICENSE);
    expect(store.getState().revealedKey).toBeNull();
  });

  it('is dropped when it arrives after the details closed', async () => {
    const late = deferred<{ ok: true; value: { key: string } }>();
    const store = await detailsOpen(portal({ 'portal:reveal-license-key': () => late.promise }));
    const revealing = store.getState().keyRevealRequested();
    store.getState().detailsClosed();
    late.resolve(ok({ key: KEY }));
    await revealing;
    expect(store.getState().revealedKey).toBeNull();
  });

  it('is copied by main without coming to the page, and the page learns when the clipboard is cleared', async () => {
    const main = portal();
    const store = await detailsOpen(main);
    await store.getState().keyCopyRequested();
    expect(main.sent).toContainEqual({ channel: 'portal:copy-license-key', input: { org: ORG, id: LICENSE } });
    expect(main.channels()).not.toContain('portal:reveal-license-key');
    expect(store.getState().revealedKey).toBeNull();
    expect(store.getState().clipboard).toEqual({ state: 'copied', clearsAt: CLEARS_AT });
    // Another screen's copy being cleared is not this one's.
    store.getState().clipboardCleared('2000-01-01T00:00:00Z');
    expect(store.getState().clipboard).toEqual({ state: 'copied', clearsAt: CLEARS_AT });
    store.getState().clipboardCleared(CLEARS_AT);
    expect(store.getState().clipboard).toEqual({ state: 'cleared' });
  });

  it('says why the key could not be revealed, in words', async () => {
    const store = await detailsOpen(portal({ 'portal:reveal-license-key': () => ({ ok: false, error: { code: 'not_signed_in', message: 'Sign in to the customer portal again.' } }) }));
    await store.getState().keyRevealRequested();
    expect(store.getState().detailsProblem).toBe('The key was not revealed: Sign in to the customer portal again.');
    expect(store.getState().revealedKey).toBeNull();
  });
});

describe('renaming a license', () => {
  it('sends nothing for an empty name, and shows the renamed license once the portal saved it', async () => {
    const main = portal({ 'portal:rename-license': ({ change }) => ok({ license: licenseOf({ nickname: change.nickname }) }) });
    const store = await detailsOpen(main);
    store.getState().renameStarted();
    expect(store.getState().renameDraft).toBe('Primary');
    store.getState().renameEdited('   ');
    await store.getState().renameRequested();
    expect(main.channels()).not.toContain('portal:rename-license');
    expect(selectRenameProblem(store.getState())).toBe('Give the license a name of 1 to 100 characters');

    store.getState().renameEdited('  Production 2027 ');
    await store.getState().renameRequested();
    expect(main.sent).toContainEqual({ channel: 'portal:rename-license', input: { org: ORG, id: LICENSE, change: { nickname: 'Production 2027' } } });
    expect(store.getState().licenses[0]?.nickname).toBe('Production 2027');
    expect(store.getState().renameDraft).toBeNull();
    expect(store.getState().notice).toBe('Renamed “Primary” to “Production 2027”.');
  });

  it('says why the portal refused (a Member), and keeps the old name', async () => {
    const store = await detailsOpen(portal({ 'portal:rename-license': () => ({ ok: false, error: { code: 'forbidden', message: 'Only an Owner of Acme Corp can rename licenses.' } }) }));
    store.getState().renameStarted();
    store.getState().renameEdited('Other');
    await store.getState().renameRequested();
    expect(store.getState().renameProblem).toBe('The portal refused to rename the license: Only an Owner of Acme Corp can rename licenses.');
    expect(store.getState().licenses[0]?.nickname).toBe('Primary');
  });
});

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
