import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../shared/portal/schemas/organizations';
import { isLastOwner, selectInviteProblems } from '../../../renderer/store/portal-members';
import { ok } from './portal-licenses-fixtures';
import { ACME, ALICE_ID, BOB_ID, member, ORG_ID, signedInStores } from './portal-test-data';

const ALICE = member(ALICE_ID, 'Alice Adams', 'owner');
const BOB = member(BOB_ID, 'Bob Brown', 'member');

/** Alice on Acme's Members tab; `roles` answers get-organization in turn (her role as the portal has it now). */
async function membersTab(answers: Parameters<typeof signedInStores>[0] = {}, roles: Organization['role'][] = ['owner']) {
  let reads = 0;
  const setup = await signedInStores({
    'portal:get-organization': () => ok({ organization: { ...ACME, role: roles[Math.min(reads++, roles.length - 1)] ?? 'owner' }, supportUrl: 'https://portal.example.com/support' }),
    'portal:list-members': () => ok({ members: [ALICE, BOB], invitations: [] }),
    ...answers,
  });
  await setup.stores.organization.getState().organizationPageOpened(ORG_ID);
  await setup.stores.members.getState().membersTabOpened(ORG_ID);
  return setup;
}

const count = (channels: string[], channel: string): number => channels.filter((sent) => sent === channel).length;

describe('the Members tab', () => {
  it('knows the only Owner, and stops knowing once there is another', async () => {
    const { stores } = await membersTab({ 'portal:update-member': ({ change }) => ok({ member: { ...BOB, role: change.role } }) });
    expect(isLastOwner(stores.members.getState(), ALICE)).toBe(true);
    await stores.members.getState().memberRoleChangeRequested(BOB_ID, 'owner');
    expect(isLastOwner(stores.members.getState(), ALICE)).toBe(false);
    expect(stores.members.getState().notice).toBe('Bob Brown is now an Owner.');
  });

  it('checks the invitee’s e-mail address before anything is sent', async () => {
    const { stores, main } = await membersTab();
    stores.members.getState().inviteFormEdited({ email: 'bob@' });
    await stores.members.getState().invitationRequested();
    expect(selectInviteProblems(stores.members.getState()).email).toMatch(/^An e-mail address looks like/);
    expect(main.channels()).not.toContain('portal:create-invitation');
  });

  it('a 403 on Invite says why where it stays, and the page reads the role again', async () => {
    const message = 'Only an Owner of Acme Corp can invite members. Ask an Owner to do it, or to make you an Owner.';
    const { stores, main } = await membersTab({ 'portal:create-invitation': () => ({ ok: false, error: { code: 'forbidden', message } }) }, ['owner', 'member']);
    stores.members.getState().inviteFormEdited({ email: 'new.hire@acme.test' });
    await stores.members.getState().invitationRequested();
    const state = stores.members.getState();
    expect(state.problem).toBe(`The portal refused to invite new.hire@acme.test: ${message}`);
    expect(state.inviteProblem).toBeNull();
    await expect.poll(() => stores.organization.getState().organization?.role).toBe('member');
    expect(count(main.channels(), 'portal:list-members')).toBe(2);
  });

  it('a removal the portal refuses with 409 keeps the confirmation with its words and reads the members again', async () => {
    const message = 'Acme Corp must keep at least one Owner, so its last Owner cannot be removed. Make another member an Owner first.';
    const { stores, main } = await membersTab({ 'portal:remove-member': () => ({ ok: false, error: { code: 'conflict', message } }) });
    stores.members.getState().removeDialogOpened(ALICE_ID);
    await stores.members.getState().memberRemoveRequested();
    const state = stores.members.getState();
    expect(state.removalUserId).toBe(ALICE_ID);
    expect(state.removeProblem).toBe(`The portal did not remove Alice Adams: ${message}`);
    expect(state.members).toHaveLength(2);
    expect(count(main.channels(), 'portal:list-members')).toBe(2);
  });

  it('removes only the member the confirmation names, and says who and from where', async () => {
    const { stores, main } = await membersTab({ 'portal:remove-member': () => ok({}) });
    await stores.members.getState().memberRemoveRequested();
    expect(main.channels()).not.toContain('portal:remove-member');
    stores.members.getState().removeDialogOpened(BOB_ID);
    await stores.members.getState().memberRemoveRequested();
    expect(main.sent.find((request) => request.channel === 'portal:remove-member')?.input).toEqual({ org: ORG_ID, user: BOB_ID });
    expect(stores.members.getState().members.map((kept) => kept.user_id)).toEqual([ALICE_ID]);
    expect(stores.members.getState().notice).toBe('Removed Bob Brown (bob@acme.test) from Acme Corp.');
  });
});
