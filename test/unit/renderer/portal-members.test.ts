// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../shared/portal/schemas/organizations';
import { OrganizationRoute } from '../../../renderer/app/PortalPages';
import { OrgMembersTab } from '../../../renderer/features/members/OrgMembersTab';
import { deferred, ok, type Answers } from './portal-licenses-fixtures';
import { portalScreen, press, typeInto } from './portal-screen';
import { toastTitles } from './toast-titles';
import { ACME, ALICE_ID, BOB_ID, member, ORG_ID, refused } from './portal-test-data';

const ALICE = member(ALICE_ID, 'Alice Adams', 'owner');
const BOB = member(BOB_ID, 'Bob Brown', 'member');

/** Alice on Acme's Members tab; `roles` answers get-organization in turn (her role as the portal has it now). */
async function membersTab(answers: Answers = {}, roles: Organization['role'][] = ['owner']) {
  let reads = 0;
  const app = await portalScreen(h(OrganizationRoute, { id: ORG_ID, tab: 'members' }), {
    'portal:get-organization': () =>
      ok({
        organization: { ...ACME, role: roles[Math.min(reads++, roles.length - 1)] ?? 'owner' },
        supportUrl: 'https://portal.example.com/support',
      }),
    'portal:list-members': () => ok({ members: [ALICE, BOB], invitations: [] }),
    ...answers,
  });
  await screen.findByRole('table', { name: 'Members and their roles' });
  return app;
}

describe('the Members tab', () => {
  it('knows the only Owner, and stops knowing once there is another', async () => {
    await membersTab({ 'portal:update-member': ({ change }) => ok({ member: { ...BOB, role: change.role } }) });
    expect(screen.getByRole('button', { name: 'Make Member: Alice Adams' }).hasAttribute('disabled')).toBe(true);
    press('Make Owner: Bob Brown');
    // It asks first; nothing changes until confirmed.
    await screen.findByRole('heading', { name: 'Make Bob Brown an Owner?' });
    expect(toastTitles()).not.toContain('Bob Brown is now an Owner.');
    press('Make Owner');
    await waitFor(() => expect(toastTitles()).toContain('Bob Brown is now an Owner.'), { timeout: 10_000 });
    expect(screen.getByRole('button', { name: 'Make Member: Alice Adams' }).hasAttribute('disabled')).toBe(false);
  });

  it('checks the invitee’s e-mail address before anything is sent', async () => {
    const app = await membersTab();
    typeInto('E-mail address', 'bob@');
    press('Invite');
    expect(screen.getByLabelText('E-mail address').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('invite-email-problem')?.textContent).toMatch(/^An e-mail address looks like/);
    expect(app.main.channels()).not.toContain('portal:create-invitation');
  });

  it('a 403 on Invite says why where it stays, and the page reads the role again', async () => {
    const message = 'Only an Owner of Acme Corp can invite members. Ask an Owner to do it, or to make you an Owner.';
    const app = await membersTab({ 'portal:create-invitation': () => refused('forbidden', message) }, [
      'owner',
      'member',
    ]);
    typeInto('E-mail address', 'new.hire@acme.test');
    press('Invite');
    await waitFor(() => expect(screen.getByText('Your role:').textContent).toContain('Member'));
    expect(screen.getByRole('alert').textContent).toBe(`The portal refused to invite new.hire@acme.test: ${message}`);
    expect(screen.queryByRole('button', { name: 'Invite' })).toBeNull();
    expect(app.count('portal:list-members')).toBe(2);
  });

  it('a removal the portal refuses with 409 keeps the confirmation with its words and reads the members again', async () => {
    const message =
      'Acme Corp must keep at least one Owner, so its last Owner cannot be removed. Make another member an Owner first.';
    const app = await membersTab({ 'portal:remove-member': () => refused('conflict', message) });
    press('Remove Bob Brown');
    const confirm = screen.getByRole('dialog');
    expect(app.count('portal:remove-member')).toBe(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove Bob Brown' }));
    expect((await within(confirm).findByRole('alert')).textContent).toBe(
      `The portal did not remove Bob Brown: ${message}`,
    );
    await waitFor(() => expect(app.count('portal:list-members')).toBe(2));
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('dialog')).toBe(confirm);
  });

  it('removes only the member the confirmation names, and says who and from where', async () => {
    const app = await membersTab({ 'portal:remove-member': () => ok({}) });
    press('Remove Bob Brown');
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove Bob Brown' }));
    await waitFor(() => expect(toastTitles()).toContain('Removed Bob Brown (bob@acme.test) from Acme Corp.'));
    expect(
      app.main.sent.filter((request) => request.channel === 'portal:remove-member').map((request) => request.input),
    ).toEqual([{ org: ORG_ID, user: BOB_ID }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('rowheader', { name: 'Bob Brown' })).toBeNull();
    expect(screen.getByRole('rowheader', { name: 'Alice Adams' })).toBeTruthy();
  });

  it('shows the members of the organization it is open on, never an answer for the one before', async () => {
    const OTHER = '44444444-4444-4444-8444-444444444444';
    const acmeMembers = deferred<ReturnType<typeof ok<{ members: (typeof ALICE)[]; invitations: [] }>>>();
    const app = await portalScreen(h(OrgMembersTab, { orgId: ORG_ID, orgName: 'Acme Corp', role: 'owner' }), {
      'portal:list-members': ({ org }) =>
        org === ORG_ID
          ? acmeMembers.promise
          : ok({ members: [member(BOB_ID, 'Carol Chen', 'owner')], invitations: [] }),
    });
    app.rerender(h(OrgMembersTab, { orgId: OTHER, orgName: 'Globex Inc.', role: 'owner' }));
    expect(await screen.findByRole('rowheader', { name: 'Carol Chen' })).toBeTruthy();
    acmeMembers.resolve(ok({ members: [ALICE], invitations: [] }));
    await new Promise((settled) => setTimeout(settled, 20));
    expect(screen.queryByRole('rowheader', { name: 'Alice Adams' })).toBeNull();
  });
});
