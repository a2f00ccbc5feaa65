// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { createElement as h, Fragment } from 'react';
import { describe, expect, it } from 'vitest';
import type { PortalAccountView } from '../../../shared/ipc/portal-contract';
import { AccountMenu } from '../../../renderer/features/portal/AccountMenu';
import { AccountNotice } from '../../../renderer/features/portal/AccountNotice';
import { useAccountScreen } from '../../../renderer/store/account-screen';
import { SignInPanel } from '../../../renderer/ui/SignInPanel';
import { deferred, ok, type Answers } from './portal-licenses-fixtures';
import { portalScreen, press, typeInto } from './portal-screen';
import { ALICE } from './portal-test-data';

const DEFAULT_PORTAL = 'https://customers.goauthentik.io';
const BOB: PortalAccountView = { ...ALICE, id: 'acct-bob', email: 'bob@acme.test', name: 'Bob Brown', active: false };

/** The header's account menu and notice, and the sign-in form, over main's scripted answers; `signedIn` are listed. */
function accounts(answers: Answers, signedIn: PortalAccountView[] = [ALICE]) {
  const ui = h(
    Fragment,
    null,
    h(AccountMenu),
    h(AccountNotice),
    h(SignInPanel, { heading: 'Sign in to the customer portal' }),
  );
  return portalScreen(
    ui,
    { 'portal:list-accounts': () => ok({ accounts: signedIn, defaultPortalUrl: DEFAULT_PORTAL }), ...answers },
    signedIn,
  );
}

const notice = (): string =>
  screen
    .getAllByRole('status')
    .map((status) => status.textContent)
    .join(' ');
/** The header's account button; jsdom drops the space that ends its screen-reader prefix. */
const accountButton = (email: string) =>
  screen.findByRole('button', {
    name: new RegExp(`^Portal account: ?${email.replaceAll('.', '\\.')} on portal\\.example\\.com$`),
  });
const openMenu = async (account: PortalAccountView): Promise<void> =>
  void fireEvent.click(await accountButton(account.email));

describe('portal accounts', () => {
  it('fills the sign-in address with the default portal, and sends nothing for an address that is no URL', async () => {
    const { main } = await accounts({}, []);
    await waitFor(() =>
      expect((screen.getByLabelText('Portal address') as HTMLInputElement).value).toBe(DEFAULT_PORTAL),
    );
    typeInto('Portal address', 'customers portal');
    press('Sign in');
    expect(screen.getByRole('alert').textContent).toMatch(/^The portal address starts with https:\/\//);
    expect(main.channels()).not.toContain('portal:sign-in');
  });

  it('offers the web pages of an https:// address that is no Portal API v1 portal, and opens exactly that address', async () => {
    const { main } = await accounts(
      {
        'portal:sign-in': () => ({
          ok: false,
          error: {
            code: 'not_a_portal',
            message: 'portal.example.org does not implement the customer portal API this app uses.',
          },
        }),
        'portal:open-web': ({ portalUrl }) => ok({ url: portalUrl }),
      },
      [],
    );
    typeInto('Portal address', 'https://portal.example.org');
    press('Sign in');
    fireEvent.click(await screen.findByRole('button', { name: 'Open the portal’s web pages' }));
    await waitFor(() => expect(notice()).toContain('Opened https://portal.example.org in your browser.'));
    expect(main.sent.find((request) => request.channel === 'portal:open-web')?.input).toEqual({
      portalUrl: 'https://portal.example.org',
    });
  });

  it('a refused sign-in is shown until the form shows another address', async () => {
    await accounts(
      {
        'portal:sign-in': () => ({
          ok: false,
          error: { code: 'connection_failed', message: 'The portal did not answer.' },
        }),
      },
      [],
    );
    press('Sign in');
    expect((await screen.findByRole('alert')).textContent).toBe('The portal did not answer.');
    // "Sign in again" on a pending install, or "Sign in as …" on an invitation, opens the form on its portal.
    act(() => useAccountScreen.getState().signInOpened('https://portal.example.net'));
    expect((screen.getByLabelText('Portal address') as HTMLInputElement).value).toBe('https://portal.example.net');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a cancelled sign-in is no failure', async () => {
    const answer = deferred<{ ok: false; error: { code: 'refused'; message: string } }>();
    await accounts({ 'portal:sign-in': () => answer.promise, 'portal:cancel-sign-in': () => ok({}) }, []);
    press('Sign in');
    expect(await screen.findByText('Continue in your browser…')).toBeTruthy();
    press('Cancel');
    answer.resolve({ ok: false, error: { code: 'refused', message: 'The sign-in was cancelled.' } });
    await waitFor(() => expect(notice()).toContain('Sign-in cancelled. Nothing was saved.'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('signs in as the account the portal answers, makes it the one in use and says so', async () => {
    await accounts({ 'portal:sign-in': () => ok({ account: { ...BOB, active: true } }) }, [ALICE]);
    await accountButton(ALICE.email);
    press('Sign in');
    expect(await accountButton(BOB.email)).toBeTruthy();
    expect(notice()).toContain('Signed in as bob@acme.test on portal.example.com.');
  });

  it('switches accounts, one at a time, and says when main could not', async () => {
    const answer = deferred<{ ok: false; error: { code: 'not_found'; message: string } }>();
    const app = await accounts({ 'portal:switch-account': () => answer.promise }, [ALICE, BOB]);
    await openMenu(ALICE);
    press('Switch to bob@acme.test on portal.example.com');
    await openMenu(ALICE);
    expect(await screen.findByText('Switching…')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out alice@acme.test on portal.example.com' }));
    answer.resolve({ ok: false, error: { code: 'not_found', message: 'No such account.' } });
    await waitFor(() => expect(notice()).toContain('Could not switch accounts: No such account.'));
    expect(app.count('portal:switch-account')).toBe(1);
    expect(app.count('portal:sign-out')).toBe(0);
    expect(app.activeAccountId()).toBe(ALICE.id);
  });

  it('signing out says when the portal could not revoke the sign-in', async () => {
    const app = await accounts({
      'portal:sign-out': () => ok({ revocationProblem: 'The portal did not answer the revocation request.' }),
    });
    await openMenu(ALICE);
    press('Sign out alice@acme.test on portal.example.com');
    await waitFor(() =>
      expect(notice()).toContain(
        'Signed out alice@acme.test on portal.example.com: its tokens are deleted from the token vault, but the portal could not revoke them',
      ),
    );
    expect(notice()).toContain('The portal did not answer the revocation request.');
    expect(app.activeAccountId()).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in to the customer portal' })).toBeTruthy();
  });
});
