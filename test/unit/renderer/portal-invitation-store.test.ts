import { describe, expect, it } from 'vitest';
import type { PortalAccountView } from '../../../shared/ipc/portal-contract';
import { selectActiveAccount } from '../../../renderer/store/portal-accounts';
import { invitationMatch, selectLinkProblem, selectSignInPortal } from '../../../renderer/store/portal-invitation';
import { ok } from './portal-licenses-fixtures';
import { ACME, ALICE, ORG_ID, signedInStores } from './portal-test-data';

const LINK = 'https://portal.example.com/invitations/accept?token=abc123';
/** Erin, signed in here too, but not the active account. */
const ERIN: PortalAccountView = { ...ALICE, id: 'acct-erin', email: 'erin@example.test', name: 'Erin Evans', active: false };
const PREVIEW = {
  organization: { id: ORG_ID, name: 'Acme Corp' },
  invited_by: { name: 'Alice Adams', email: 'alice@acme.test' },
  email: 'erin@example.test',
  role: 'member' as const,
  expires_at: '2026-12-06T00:00:00Z',
};

async function invitationScreen(account: PortalAccountView = ERIN) {
  const setup = await signedInStores({
    'portal:list-accounts': () => ok({ accounts: [ALICE, ERIN], defaultPortalUrl: ALICE.portalUrl }),
    'portal:preview-invitation': () => ok({ account, preview: PREVIEW }),
    'portal:switch-account': () => ok({ account: { ...ERIN, active: true } }),
    'portal:accept-invitation': () => ok({ organization: { ...ACME, role: 'member' as const } }),
    'portal:get-organization': () => ok({ organization: { ...ACME, role: 'member' as const }, supportUrl: 'https://portal.example.com/support' }),
  });
  return setup;
}

describe('accepting an invitation', () => {
  it('sends nothing for an empty link', async () => {
    const { stores, main } = await invitationScreen();
    await stores.invitation.getState().invitationPreviewRequested('  ');
    expect(selectLinkProblem(stores.invitation.getState())).toMatch(/^Paste the invitation link from the e-mail/);
    expect(main.channels()).not.toContain('portal:preview-invitation');
  });

  it('shows the invitation as the account it was sent to, without accepting it and without switching to that account', async () => {
    const { stores, main } = await invitationScreen();
    await stores.invitation.getState().invitationPreviewRequested(` ${LINK} `);
    const preview = stores.invitation.getState().preview;
    expect(preview).toEqual({ link: LINK, account: ERIN, invitation: PREVIEW });
    expect(preview === null ? null : invitationMatch(preview)).toBe('invitee-not-active');
    expect(selectActiveAccount(stores.accounts.getState())?.id).toBe(ALICE.id);
    expect(main.channels()).not.toContain('portal:accept-invitation');
    expect(main.channels()).not.toContain('portal:switch-account');
  });

  it('reads the invitation again once the person switched to the account it was sent to', async () => {
    const { stores, main } = await invitationScreen();
    await stores.invitation.getState().invitationPreviewRequested(LINK);
    main.answers['portal:preview-invitation'] = () => ok({ account: { ...ERIN, active: true }, preview: PREVIEW });
    await stores.accounts.getState().accountSwitched(ERIN.id);
    await expect.poll(() => stores.invitation.getState().preview?.account.active).toBe(true);
    const preview = stores.invitation.getState().preview;
    expect(preview === null ? null : invitationMatch(preview)).toBe('invitee-active');
    expect(main.channels().filter((channel) => channel === 'portal:preview-invitation')).toHaveLength(2);
  });

  it("offers to sign in at the link's own portal when main needs a sign-in there to read it; a deep link names no portal", async () => {
    const { stores, main } = await invitationScreen();
    const refusal = { code: 'not_signed_in' as const, message: 'This invitation is from the portal at portal.example.com, and no account is signed in here at portal.example.com.' };
    main.answers['portal:preview-invitation'] = () => ({ ok: false as const, error: refusal });
    await stores.invitation.getState().invitationPreviewRequested(` ${LINK} `);
    expect(selectSignInPortal(stores.invitation.getState())).toBe('https://portal.example.com');
    await stores.invitation.getState().invitationPreviewRequested('authentik-license-manager://invitation?token=abc123');
    expect(selectSignInPortal(stores.invitation.getState())).toBeNull();

    main.answers['portal:preview-invitation'] = () => ({ ok: false as const, error: { code: 'not_found' as const, message: 'No such invitation.' } });
    await stores.invitation.getState().invitationPreviewRequested(LINK);
    expect(selectSignInPortal(stores.invitation.getState())).toBeNull();
  });

  it('tells an invitation for an address no account here uses from one for the active account', () => {
    expect(invitationMatch({ account: ALICE, invitation: PREVIEW })).toBe('no-invitee');
    expect(invitationMatch({ account: { ...ERIN, email: 'Erin@Example.TEST', active: true }, invitation: PREVIEW })).toBe('invitee-active');
  });

  it('Decline sends nothing; Accept sends the previewed link as the account shown, makes it active and opens the organization with a notice', async () => {
    const { stores, main } = await invitationScreen({ ...ERIN, active: true });
    await stores.invitation.getState().invitationPreviewRequested(LINK);
    stores.invitation.getState().invitationDeclined();
    expect(stores.invitation.getState().preview).toBeNull();
    expect(stores.invitation.getState().notice).toMatch(/^You declined the invitation to Acme Corp. Nothing was sent to the portal/);
    expect(await stores.invitation.getState().invitationAcceptRequested()).toBeNull();
    expect(main.channels()).not.toContain('portal:accept-invitation');

    await stores.invitation.getState().invitationPreviewRequested(LINK);
    expect(await stores.invitation.getState().invitationAcceptRequested()).toBe(ORG_ID);
    expect(main.sent.filter((request) => request.channel === 'portal:accept-invitation').map((request) => request.input)).toEqual([{ link: LINK, accountId: ERIN.id }]);
    expect(selectActiveAccount(stores.accounts.getState())?.id).toBe(ERIN.id);
    expect(stores.organization.getState().notice).toBe('You joined Acme Corp as a Member.');
  });
});
