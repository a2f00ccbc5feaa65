// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import type { PortalAccountView } from '../../../shared/ipc/portal-contract';
import { invitationMatch } from '../../../renderer/features/members/invitation-link';
import { InvitationRoute } from '../../../renderer/app/PortalPages';
import { ok } from './portal-licenses-fixtures';
import { portalScreen, press, typeInto } from './portal-screen';
import { toastTitles } from './toast-titles';
import { ACME, ALICE, ORG_ID } from './portal-test-data';

const LINK = 'https://portal.example.com/invitations/accept?token=abc123';
/** Erin, signed in here too, but not the active account. */
const ERIN: PortalAccountView = {
  ...ALICE,
  id: 'acct-erin',
  email: 'erin@example.test',
  name: 'Erin Evans',
  active: false,
};
const PREVIEW = {
  organization: { id: ORG_ID, name: 'Acme Corp' },
  invited_by: { name: 'Alice Adams', email: 'alice@acme.test' },
  email: 'erin@example.test',
  role: 'member' as const,
  expires_at: '2026-12-06T00:00:00Z',
};

/** The accept screen, Alice and Erin signed in (Alice active); the invitation reads as `account`. */
function invitationScreen(account: PortalAccountView = ERIN, link: string | null = null) {
  return portalScreen(
    h(InvitationRoute, { link }),
    {
      'portal:preview-invitation': () => ok({ account, preview: PREVIEW }),
      'portal:switch-account': () => ok({ account: { ...ERIN, active: true } }),
      'portal:accept-invitation': () => ok({ organization: { ...ACME, role: 'member' as const } }),
    },
    [ALICE, ERIN],
  );
}

function show(link: string): void {
  typeInto('Invitation link', link);
  press('Show the invitation');
}

const card = () => screen.findByRole('region', { name: 'Invitation to Acme Corp' });

describe('accepting an invitation', () => {
  it('sends nothing for an empty link', async () => {
    const { main } = await invitationScreen();
    show('  ');
    expect(document.getElementById('invitation-link-problem')?.textContent).toMatch(
      /^Paste the invitation link from the e-mail/,
    );
    expect(main.channels()).not.toContain('portal:preview-invitation');
  });

  it('shows the invitation as the account it was sent to, without accepting it and without switching to that account', async () => {
    const { main, activeAccountId } = await invitationScreen();
    show(` ${LINK} `);
    expect((await card()).getAttribute('data-invitation-match')).toBe('invitee-not-active');
    expect(main.sent.find((request) => request.channel === 'portal:preview-invitation')?.input).toEqual({ link: LINK });
    expect(activeAccountId()).toBe(ALICE.id);
    expect(main.channels()).not.toContain('portal:accept-invitation');
    expect(main.channels()).not.toContain('portal:switch-account');
  });

  it('reads the invitation again once the person switched to the account it was sent to', async () => {
    const app = await invitationScreen();
    show(LINK);
    await card();
    app.main.answers['portal:preview-invitation'] = () => ok({ account: { ...ERIN, active: true }, preview: PREVIEW });
    fireEvent.click(within(await card()).getByRole('button', { name: 'Switch to erin@example.test' }));
    await waitFor(async () => expect((await card()).getAttribute('data-invitation-match')).toBe('invitee-active'));
    expect(app.count('portal:preview-invitation')).toBe(2);
  });

  it("offers to sign in at the link's own portal when main needs a sign-in there to read it; a deep link names no portal", async () => {
    const app = await invitationScreen();
    const refusal = {
      code: 'not_signed_in' as const,
      message:
        'This invitation is from the portal at portal.example.com, and no account is signed in here at portal.example.com.',
    };
    app.main.answers['portal:preview-invitation'] = () => ({ ok: false as const, error: refusal });
    show(` ${LINK} `);
    expect(await screen.findByRole('button', { name: 'Sign in at portal.example.com' })).toBeTruthy();

    show('authentik-license-manager://invitation?token=abc123');
    expect(await screen.findByText(/Sign in above; the invitation is read again once you are signed in/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Sign in at/ })).toBeNull();

    app.main.answers['portal:preview-invitation'] = () => ({
      ok: false as const,
      error: { code: 'not_found' as const, message: 'No such invitation.' },
    });
    show(LINK);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('No such invitation.'));
    expect(screen.queryByRole('button', { name: /^Sign in at/ })).toBeNull();
  });

  it('tells an invitation for an address no account here uses from one for the active account', () => {
    expect(invitationMatch({ account: ALICE, invitation: PREVIEW })).toBe('no-invitee');
    expect(
      invitationMatch({ account: { ...ERIN, email: 'Erin@Example.TEST', active: true }, invitation: PREVIEW }),
    ).toBe('invitee-active');
  });

  it('Decline sends nothing; Accept sends the previewed link as the account shown, makes it active and opens the organization with a notice', async () => {
    const { main, activeAccountId } = await invitationScreen({ ...ERIN, active: true }, LINK);
    fireEvent.click(within(await card()).getByRole('button', { name: 'Decline' }));
    expect(
      screen
        .getAllByRole('status')
        .map((status) => status.textContent)
        .join(),
    ).toMatch(/You declined the invitation to Acme Corp. Nothing was sent to the portal/);
    expect(screen.queryByRole('region', { name: 'Invitation to Acme Corp' })).toBeNull();
    expect(main.channels()).not.toContain('portal:accept-invitation');

    press('Show the invitation');
    fireEvent.click(within(await card()).getByRole('button', { name: 'Accept and join Acme Corp' }));
    await waitFor(() => expect(window.location.hash).toBe(`#org/${ORG_ID}/overview`));
    expect(
      main.sent.filter((request) => request.channel === 'portal:accept-invitation').map((request) => request.input),
    ).toEqual([{ link: LINK, accountId: ERIN.id }]);
    expect(activeAccountId()).toBe(ERIN.id);
    expect(toastTitles()).toEqual(['You joined Acme Corp as a Member.']);
  });
});
