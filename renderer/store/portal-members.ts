import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { Role } from '../../shared/portal/schemas/common';
import type { Invitation } from '../../shared/portal/schemas/invitations';
import type { Member } from '../../shared/portal/schemas/members';
import { emailProblem } from '../../shared/portal/validation';
import { selectActiveAccount, type PortalAccountsStore } from './portal-accounts';
import { memoize } from './memoize';
import { withoutEdited } from './portal-org-form';
import type { PortalOrganizationStore } from './portal-organization';
import type { PortalOrganizationsStore } from './portal-organizations';
import { portalProblemOf, refusalWords, type PortalProblem } from './portal-problem';
import { roleName } from './portal-roles';

export interface InviteForm {
  email: string;
  role: Role;
}

export type InviteFormProblems = Partial<Record<keyof InviteForm, string>>;

export interface PortalMembersState {
  /** The organization whose members the tab shows; null while the tab is closed. */
  orgId: string | null;
  members: Member[];
  /** Pending (and expired, not yet revoked) invitations. */
  invitations: Invitation[];
  listed: boolean;
  loading: boolean;
  loadProblem: PortalProblem | null;
  /** The outcome of the last action in the tab, in words. */
  notice: string | null;
  /** A row action (role change, resend) the portal refused or that failed, in words. */
  problem: string | null;

  /** The member the remove confirmation asks about. */
  removalUserId: string | null;
  removing: boolean;
  removeProblem: string | null;
  /** The member whose role is being changed, while the portal answers. */
  roleChangingUserId: string | null;

  inviteForm: InviteForm;
  inviteAttempted: boolean;
  inviting: boolean;
  inviteServerProblems: InviteFormProblems;
  inviteProblem: string | null;
  /** The guide's confirmation once the portal has sent the invitation. */
  inviteNotice: string | null;

  /** The invitation the revoke confirmation asks about. */
  revocationId: string | null;
  revoking: boolean;
  revokeProblem: string | null;
  /** The invitation being sent again, while the portal answers. */
  resendingId: string | null;

  membersTabOpened(orgId: string): Promise<void>;
  membersTabClosed(): void;
  membersChanged(): Promise<void>;
  removeDialogOpened(userId: string): void;
  removeDialogClosed(): void;
  memberRemoveRequested(): Promise<void>;
  memberRoleChangeRequested(userId: string, role: Role): Promise<void>;
  inviteFormEdited(change: Partial<InviteForm>): void;
  invitationRequested(): Promise<void>;
  revokeDialogOpened(id: string): void;
  revokeDialogClosed(): void;
  invitationRevokeRequested(): Promise<void>;
  invitationResendRequested(id: string): Promise<void>;
}

export type PortalMembersStore = StoreApi<PortalMembersState>;

const EMPTY_INVITE: InviteForm = { email: '', role: 'member' };

const CLOSED_INVITE = {
  inviteForm: EMPTY_INVITE,
  inviteAttempted: false,
  inviting: false,
  inviteServerProblems: {},
  inviteProblem: null,
  inviteNotice: null,
} satisfies Partial<PortalMembersState>;

const CLOSED = {
  orgId: null,
  members: [],
  invitations: [],
  listed: false,
  loading: false,
  loadProblem: null,
  notice: null,
  problem: null,
  removalUserId: null,
  removing: false,
  removeProblem: null,
  roleChangingUserId: null,
  ...CLOSED_INVITE,
  revocationId: null,
  revoking: false,
  revokeProblem: null,
  resendingId: null,
} satisfies Partial<PortalMembersState>;

/** A member as the tab names them: their name, or their e-mail address when they gave none. */
export const memberLabel = (member: Member): string => (member.name.trim() === '' ? member.email : member.name);

const ownerCount = (state: PortalMembersState): number => state.members.filter((member) => member.role === 'owner').length;

/** The organization's only Owner: neither removed nor made a Member (the portal refuses both with 409). */
export const isLastOwner = (state: PortalMembersState, member: Member): boolean => member.role === 'owner' && ownerCount(state) === 1;

export const selectRemovalMember = (state: PortalMembersState): Member | null =>
  state.removalUserId === null ? null : (state.members.find((member) => member.user_id === state.removalUserId) ?? null);

export const selectRevocation = (state: PortalMembersState): Invitation | null =>
  state.revocationId === null ? null : (state.invitations.find((invitation) => invitation.id === state.revocationId) ?? null);

const inviteProblems = memoize((attempted: boolean, email: string, server: InviteFormProblems): InviteFormProblems => {
  const problem = attempted ? emailProblem(email.trim()) : null;
  return { ...(problem === null ? {} : { email: problem }), ...server };
});

/** The invite form's problems: the e-mail rule once Invite was pressed, then the portal's own (422); stable for the same inputs. */
export const selectInviteProblems = (state: PortalMembersState): InviteFormProblems => inviteProblems(state.inviteAttempted, state.inviteForm.email, state.inviteServerProblems);

const byRoleThenName = (a: Member, b: Member): number => (a.role === b.role ? memberLabel(a).localeCompare(memberLabel(b)) : a.role === 'owner' ? -1 : 1);

/** The refusals after which the list is read again: the page showed something the portal no longer has. */
const STALE_CODES = new Set(['conflict', 'forbidden', 'not_found']);

/**
 * An organization's Members tab: the membership with roles (remove, change role, the last Owner kept),
 * and its pending invitations (invite, revoke, resend). The portal decides; refusals come back in its words.
 */
export function createPortalMembersStore({
  client,
  accounts,
  organizations,
  organizationPage,
}: {
  client: Api;
  accounts: PortalAccountsStore;
  organizations: PortalOrganizationsStore;
  organizationPage: PortalOrganizationStore;
}): PortalMembersStore {
  return createStore<PortalMembersState>()((set, get) => {
    /** Bumped when an answer in flight stops being wanted (another organization, tab closed, newer list). */
    let attempt = 0;

    async function list(orgId: string): Promise<void> {
      const listing = ++attempt;
      set({ loading: true });
      const result = await client.invoke('portal:list-members', { org: orgId });
      if (listing !== attempt) return;
      if (result.ok) set({ members: [...result.value.members].sort(byRoleThenName), invitations: result.value.invitations, listed: true, loading: false, loadProblem: null });
      else set({ listed: true, loading: false, loadProblem: portalProblemOf(result.error) });
    }

    /**
     * After a refusal that shows the page was out of date, the list is read again (the refusal stays
     * shown); a 403 means the caller's role changed, so the page reads it again too (Owner actions go).
     */
    function refreshIfStale(failure: PortalProblem): void {
      const orgId = get().orgId;
      if (orgId === null || !STALE_CODES.has(failure.code)) return;
      void list(orgId);
      if (failure.code === 'forbidden') void organizationPage.getState().organizationChanged();
    }

    /** The caller changed their own membership: their role (or access) on the page changes too. */
    function ownMembershipChanged(member: Member): void {
      if (selectActiveAccount(accounts.getState())?.email.toLowerCase() !== member.email.toLowerCase()) return;
      void organizationPage.getState().organizationChanged();
      void organizations.getState().organizationsChanged();
    }

    return {
      ...CLOSED,

      async membersTabOpened(orgId) {
        if (get().orgId !== orgId) set({ ...CLOSED, orgId });
        await list(orgId);
      },

      membersTabClosed() {
        attempt += 1;
        set(CLOSED);
      },

      membersChanged() {
        const orgId = get().orgId;
        return orgId === null ? Promise.resolve() : list(orgId);
      },

      removeDialogOpened: (userId) => set({ removalUserId: userId, removing: false, removeProblem: null, notice: null, problem: null }),
      removeDialogClosed() {
        if (!get().removing) set({ removalUserId: null, removeProblem: null });
      },

      async memberRemoveRequested() {
        const state = get();
        const member = selectRemovalMember(state);
        if (state.orgId === null || member === null || state.removing) return;
        const orgId = state.orgId;
        const orgName = organizationPage.getState().organization?.name ?? 'the organization';
        set({ removing: true, removeProblem: null });
        const result = await client.invoke('portal:remove-member', { org: orgId, user: member.user_id });
        if (get().orgId !== orgId) return;
        if (!result.ok) {
          const failure = portalProblemOf(result.error);
          set({ removing: false, removeProblem: refusalWords(failure, `remove ${memberLabel(member)}`) });
          refreshIfStale(failure);
          return;
        }
        set((current) => ({
          members: current.members.filter((candidate) => candidate.user_id !== member.user_id),
          removalUserId: null,
          removing: false,
          notice: `Removed ${memberLabel(member)} (${member.email}) from ${orgName}.`,
        }));
        ownMembershipChanged(member);
      },

      async memberRoleChangeRequested(userId, role) {
        const state = get();
        const member = state.members.find((candidate) => candidate.user_id === userId);
        if (state.orgId === null || member === undefined || member.role === role || state.roleChangingUserId !== null) return;
        const orgId = state.orgId;
        set({ roleChangingUserId: userId, notice: null, problem: null });
        const result = await client.invoke('portal:update-member', { org: orgId, user: userId, change: { role } });
        if (get().orgId !== orgId) return;
        if (!result.ok) {
          const failure = portalProblemOf(result.error);
          set({ roleChangingUserId: null, problem: refusalWords(failure, `make ${memberLabel(member)} ${role === 'owner' ? 'an Owner' : 'a Member'}`) });
          refreshIfStale(failure);
          return;
        }
        const updated = result.value.member;
        set((current) => ({
          members: current.members.map((candidate) => (candidate.user_id === userId ? updated : candidate)).sort(byRoleThenName),
          roleChangingUserId: null,
          notice: `${memberLabel(updated)} is now ${roleName(updated.role, 'a')}.`,
        }));
        ownMembershipChanged(updated);
      },

      inviteFormEdited: (change) =>
        set((state) => ({
          inviteForm: { ...state.inviteForm, ...change },
          inviteServerProblems: withoutEdited(state.inviteServerProblems, change),
          inviteProblem: null,
          inviteNotice: null,
        })),

      async invitationRequested() {
        const state = get();
        if (state.orgId === null || state.inviting) return;
        const orgId = state.orgId;
        set({ inviteAttempted: true, inviteServerProblems: {}, inviteProblem: null, inviteNotice: null, notice: null, problem: null });
        const email = state.inviteForm.email.trim();
        if (emailProblem(email) !== null) return;
        const role = state.inviteForm.role;
        set({ inviting: true });
        const result = await client.invoke('portal:create-invitation', { org: orgId, invitation: { email, role } });
        if (get().orgId !== orgId) return;
        if (!result.ok) {
          const failure = portalProblemOf(result.error);
          const { email: emailField, role: roleField, ...other } = failure.fields;
          const placed: InviteFormProblems = { ...(emailField === undefined ? {} : { email: emailField }), ...(roleField === undefined ? {} : { role: roleField }) };
          const unplaced = Object.values(other);
          const general = Object.keys(placed).length === 0 || unplaced.length > 0 ? refusalWords({ ...failure, message: [failure.message, ...unplaced].join(' ') }, `invite ${email}`) : null;
          // A 403 takes the invite form away (the caller is no Owner any more): its words go where they stay.
          if (failure.code === 'forbidden') set({ inviting: false, problem: general });
          else set({ inviting: false, inviteServerProblems: placed, inviteProblem: general });
          refreshIfStale(failure);
          return;
        }
        const { invitation } = result.value;
        const orgName = organizationPage.getState().organization?.name ?? 'the organization';
        set((current) => ({
          ...CLOSED_INVITE,
          invitations: [invitation, ...current.invitations.filter((candidate) => candidate.id !== invitation.id)],
          inviteNotice: `Invitation sent to ${invitation.email}. When they accept it by clicking the link in the e-mail, they join ${orgName} as ${roleName(invitation.role, 'a')}.`,
        }));
      },

      revokeDialogOpened: (id) => set({ revocationId: id, revoking: false, revokeProblem: null, notice: null, problem: null }),
      revokeDialogClosed() {
        if (!get().revoking) set({ revocationId: null, revokeProblem: null });
      },

      async invitationRevokeRequested() {
        const state = get();
        const invitation = selectRevocation(state);
        if (state.orgId === null || invitation === null || state.revoking) return;
        const orgId = state.orgId;
        set({ revoking: true, revokeProblem: null });
        const result = await client.invoke('portal:revoke-invitation', { org: orgId, id: invitation.id });
        if (get().orgId !== orgId) return;
        if (!result.ok) {
          const failure = portalProblemOf(result.error);
          set({ revoking: false, revokeProblem: refusalWords(failure, `revoke the invitation for ${invitation.email}`) });
          refreshIfStale(failure);
          return;
        }
        set((current) => ({
          invitations: current.invitations.filter((candidate) => candidate.id !== invitation.id),
          revocationId: null,
          revoking: false,
          notice: `Revoked the invitation for ${invitation.email}. Its link no longer works.`,
        }));
      },

      async invitationResendRequested(id) {
        const state = get();
        const invitation = state.invitations.find((candidate) => candidate.id === id);
        if (state.orgId === null || invitation === undefined || state.resendingId !== null) return;
        const orgId = state.orgId;
        set({ resendingId: id, notice: null, problem: null });
        const result = await client.invoke('portal:resend-invitation', { org: orgId, id });
        if (get().orgId !== orgId) return;
        if (!result.ok) {
          const failure = portalProblemOf(result.error);
          set({ resendingId: null, problem: refusalWords(failure, `resend the invitation for ${invitation.email}`) });
          refreshIfStale(failure);
          return;
        }
        const resent = result.value.invitation;
        set((current) => ({
          invitations: current.invitations.map((candidate) => (candidate.id === id ? resent : candidate)),
          resendingId: null,
          notice: `Invitation sent again to ${resent.email}.`,
        }));
      },
    };
  });
}
