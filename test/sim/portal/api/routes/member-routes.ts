import type { MembershipRecord, OrganizationRecord } from '../../state/records';
import { conflict, notFound } from '../api-error';
import { memberOf, ownerOf } from '../org-access';
import { FieldProblems, objectBody, roleProblem } from '../request-fields';
import { path, type Route, type RouteContext } from '../route';
import { memberView } from '../views';

function memberIn(context: RouteContext, org: OrganizationRecord): MembershipRecord {
  const membership = org.members.find((member) => member.userId === context.params[1]);
  if (membership === undefined) throw notFound('member');
  return membership;
}

function isLastOwner(org: OrganizationRecord, membership: MembershipRecord): boolean {
  return membership.role === 'owner' && org.members.filter((member) => member.role === 'owner').length === 1;
}

function lastOwner(org: OrganizationRecord, what: string) {
  return conflict(
    'last_owner',
    `${org.name} must keep at least one Owner, so its last Owner cannot be ${what}. Make another member an Owner first.`,
  );
}

/** Members: everyone may list them; Owners change roles and remove members, never the last Owner. */
export function memberRoutes(): Route[] {
  return [
    {
      method: 'GET',
      pattern: path('/api/v1/organizations/{org}/members'),
      handle: (context) => {
        const { org } = memberOf(context);
        return { status: 200, body: org.members.map((membership) => memberView(context.state, membership)) };
      },
    },
    {
      method: 'PATCH',
      pattern: path('/api/v1/organizations/{org}/members/{user}'),
      handle: (context) => {
        const { org } = ownerOf(context, "change a member's role");
        const membership = memberIn(context, org);
        const body = objectBody(context);
        const problems = new FieldProblems();
        problems.rejectUnknown(body, ['role']);
        const role = problems.text(body, 'role', true, roleProblem);
        problems.settle();
        if (role === 'member' && isLastOwner(org, membership)) throw lastOwner(org, 'made a Member');
        membership.role = role === 'owner' ? 'owner' : 'member';
        return { status: 200, body: memberView(context.state, membership) };
      },
    },
    {
      method: 'DELETE',
      pattern: path('/api/v1/organizations/{org}/members/{user}'),
      handle: (context) => {
        const { org } = ownerOf(context, 'remove members');
        const membership = memberIn(context, org);
        if (isLastOwner(org, membership)) throw lastOwner(org, 'removed');
        org.members.splice(org.members.indexOf(membership), 1);
        return { status: 204 };
      },
    },
  ];
}
