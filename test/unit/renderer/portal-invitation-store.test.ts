import { describe, expect, it } from 'vitest';
import type { PortalAccountView } from '../../../shared/ipc/portal-contract';
import { selectActiveAccount } from '../../../renderer/store/portal-accounts';
import { selectLinkProblem } from '../../../renderer/store/portal-invitation';
import { ok } from './portal-licenses-fixtures';
import { ACME, ALICE, ORG_ID, signedInStores } from './portal-test-data';

const LINK = 'https://portal.example.com/invitations/accept?token=abc123';
const ERIN: PortalAccountView = { ...ALICE, id: 'acct-erin', email: 'erin@example.test', name: 'Erin Evans', active: true };
const PREVIEW = {
  organization: { id: ORG_ID, name: 'Acme Corp' },
  invited_by: { name: 'Alice Adams', email: 'alice@acme.test' },
  email: 'erin@example.test',
  role: 'member' as const,
  expires_at: '2026-12-06T00:00:00Z',
};

async function invitationScreen() {
  const setup = await signedInStores({
    'portal:preview-invitation': () => ok({ account: ERIN, preview: PREVIEW }),
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

  it('shows the invitation without accepting it, as the account main chose for the link', async () => {
    const { stores, main } = await invitationScreen();
    await stores.invitation.getState().invitationPreviewRequested(` ${LINK} `);
    expect(stores.invitation.getState().preview).toEqual({ link: LINK, account: ERIN, invitation: PREVIEW });
    expect(selectActiveAccount(stores.accounts.getState())?.id).toBe(ERIN.id);
    expect(main.channels()).not.toContain('portal:accept-invitation');
  });

  it('Decline sends nothing; Accept sends the previewed link and opens the organization with a notice', async () => {
    const { stores, main } = await invitationScreen();
    await stores.invitation.getState().invitationPreviewRequested(LINK);
    stores.invitation.getState().invitationDeclined();
    expect(stores.invitation.getState().preview).toBeNull();
    expect(stores.invitation.getState().notice).toMatch(/^You declined the invitation to Acme Corp. Nothing was sent to the portal/);
    expect(await stores.invitation.getState().invitationAcceptRequested()).toBeNull();
    expect(main.channels()).not.toContain('portal:accept-invitation');

    await stores.invitation.getState().invitationPreviewRequested(LINK);
    expect(await stores.invitation.getState().invitationAcceptRequested()).toBe(ORG_ID);
    expect(main.sent.filter((request) => request.channel === 'portal:accept-invitation').map((request) => request.input)).toEqual([{ link: LINK }]);
    expect(stores.organization.getState().notice).toBe('You joined Acme Corp as a Member.');
  });
});
