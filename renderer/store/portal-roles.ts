import type { Role } from '../../shared/portal/schemas/common';

/** The guide's names for the roles. */
export const ROLE_NAMES: Record<Role, string> = { owner: 'Owner', member: 'Member' };

/** What each role may do, in the guide's words. */
export const ROLE_SUMMARIES: Record<Role, string> = {
  member: 'can view licenses, including the license key',
  owner:
    'can do everything a Member can, plus add and remove members, order and renew licenses, and edit the organization',
};

/** "Owner", or with an article: "an Owner", "a Member". */
export function roleName(role: Role, article?: 'a'): string {
  const name = ROLE_NAMES[role];
  if (article === undefined) return name;
  return role === 'owner' ? `an ${name}` : `a ${name}`;
}
