import { describe, expect, it } from 'vitest';
import { createPortalAccountsStore } from '../../../renderer/store/portal-accounts';
import { deferred, ok, scriptedMain, type Answers } from './portal-licenses-fixtures';
import { ALICE } from './portal-test-data';

const DEFAULT_PORTAL = 'https://customers.goauthentik.io';

async function accounts(answers: Answers, signedIn = [ALICE]) {
  let listed = signedIn;
  const main = scriptedMain({ 'portal:list-accounts': () => ok({ accounts: listed, defaultPortalUrl: DEFAULT_PORTAL }), ...answers });
  const store = createPortalAccountsStore({ client: main.client });
  await store.getState().accountsNeeded();
  return { store, main, signOut: () => (listed = []) };
}

describe('portal accounts', () => {
  it('fills the sign-in address with the default portal, and sends nothing for an address that is no URL', async () => {
    const { store, main } = await accounts({}, []);
    expect(store.getState().portalUrl).toBe(DEFAULT_PORTAL);
    store.getState().portalUrlEdited('customers portal');
    await store.getState().signInRequested();
    expect(store.getState().signInProblem).toMatch(/^The portal address starts with https:\/\//);
    expect(main.channels()).not.toContain('portal:sign-in');
  });

  it('offers the web pages of an https:// address that is no Portal API v1 portal, and opens exactly that address', async () => {
    const { store, main } = await accounts(
      {
        'portal:sign-in': () => ({ ok: false, error: { code: 'not_a_portal', message: 'portal.example.org does not implement the customer portal API this app uses.' } }),
        'portal:open-web': ({ portalUrl }) => ok({ url: portalUrl }),
      },
      [],
    );
    store.getState().portalUrlEdited('https://portal.example.org');
    await store.getState().signInRequested();
    expect(store.getState().notAPortalUrl).toBe('https://portal.example.org');
    await store.getState().portalWebRequested();
    expect(main.sent.find((request) => request.channel === 'portal:open-web')?.input).toEqual({ portalUrl: 'https://portal.example.org' });
  });

  it('a cancelled sign-in is no failure', async () => {
    const answer = deferred<{ ok: false; error: { code: 'refused'; message: string } }>();
    const { store } = await accounts({ 'portal:sign-in': () => answer.promise, 'portal:cancel-sign-in': () => ok({}) }, []);
    const signingIn = store.getState().signInRequested();
    expect(store.getState().signingIn).toBe(true);
    await store.getState().signInCancelled();
    answer.resolve({ ok: false, error: { code: 'refused', message: 'The sign-in was cancelled.' } });
    await signingIn;
    expect(store.getState()).toMatchObject({ signingIn: false, signInProblem: null, notice: 'Sign-in cancelled. Nothing was saved.' });
  });

  it('signing out says when the portal could not revoke the sign-in', async () => {
    const setup = await accounts({ 'portal:sign-out': () => ok({ revocationProblem: 'The portal did not answer the revocation request.' }) });
    setup.signOut();
    await setup.store.getState().signOutRequested(ALICE.id);
    const { notice, accounts: left } = setup.store.getState();
    expect(left).toEqual([]);
    expect(notice).toContain('Signed out alice@acme.test on portal.example.com: its tokens are deleted from the token vault, but the portal could not revoke them');
    expect(notice).toContain('The portal did not answer the revocation request.');
  });
});
