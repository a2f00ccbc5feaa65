import type { Role } from '../../../shared/portal/schemas/common';
import type { Invitation } from '../../../shared/portal/schemas/invitations';
import type { Member } from '../../../shared/portal/schemas/members';

/** An organization's Members tab as the portal answers it: the members (Owners first, then by name) and the pending invitations. */
export interface Membership {
  members: Member[];
  /** Pending (and expired, not yet revoked) invitations. */
  invitations: Invitation[];
}

/** A member as the tab names them: their name, or their e-mail address when they gave none. */
export const memberLabel = (member: Member): string => (member.name.trim() === '' ? member.email : member.name);

const byRoleThenName = (a: Member, b: Member): number =>
  a.role === b.role ? memberLabel(a).localeCompare(memberLabel(b)) : a.role === 'owner' ? -1 : 1;

export const sortedMembers = (members: readonly Member[]): Member[] => [...members].sort(byRoleThenName);

/** The organization's only Owner: neither removed nor made a Member (the portal refuses both with 409). */
export const isLastOwner = (members: readonly Member[], member: Member): boolean =>
  member.role === 'owner' && members.filter((other) => other.role === 'owner').length === 1;

/** What the tab asks to change a member's role. */
export interface RoleChange {
  member: Member;
  role: Role;
}

/** Each answer, shown at once in the tab before main's `portal:did-change` has the list read again. */
export const membershipAfter = {
  roleChanged: (list: Membership, member: Member): Membership => ({
    ...list,
    members: sortedMembers(list.members.map((known) => (known.user_id === member.user_id ? member : known))),
  }),
  removed: (list: Membership, member: Member): Membership => ({
    ...list,
    members: list.members.filter((known) => known.user_id !== member.user_id),
  }),
  invited: (list: Membership, invitation: Invitation): Membership => ({
    ...list,
    invitations: [invitation, ...list.invitations.filter((known) => known.id !== invitation.id)],
  }),
  revoked: (list: Membership, invitation: Invitation): Membership => ({
    ...list,
    invitations: list.invitations.filter((known) => known.id !== invitation.id),
  }),
  resent: (list: Membership, invitation: Invitation): Membership => ({
    ...list,
    invitations: list.invitations.map((known) => (known.id === invitation.id ? invitation : known)),
  }),
};
