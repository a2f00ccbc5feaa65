import type { MembershipRecord, OrganizationRecord } from '../state/records';
import { notFound, ownerRequired } from './api-error';
import { caller, type RouteContext } from './route';

export interface OrgAccess {
  org: OrganizationRecord;
  membership: MembershipRecord;
}

/** The organization of the path's first parameter, as its member sees it; 404 for everyone else. */
export function memberOf(context: RouteContext): OrgAccess {
  const user = caller(context);
  const org = context.state.organization(context.params[0] ?? '');
  const membership = org === undefined ? undefined : context.state.membership(org, user.id);
  if (org === undefined || membership === undefined) throw notFound('organization');
  return { org, membership };
}

/** As `memberOf`, and the caller must be an Owner to do `action` (403 otherwise). */
export function ownerOf(context: RouteContext, action: string): OrgAccess {
  const access = memberOf(context);
  if (access.membership.role !== 'owner') throw ownerRequired(access.org.name, action);
  return access;
}
