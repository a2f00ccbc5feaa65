import { emailProblem } from '../../../../../shared/portal/validation';
import { newId } from '../../state/ids';
import { emptyBillingAccount } from '../../state/records';
import { memberOf, ownerOf } from '../org-access';
import { FieldProblems, nameProblem, objectBody } from '../request-fields';
import { caller, path, type Route } from '../route';
import { organizationView } from '../views';

const FIELDS = ['name', 'notification_email'] as const;
const orgName = nameProblem('organization');

/** Organizations: list, create (anyone), read (members), edit (Owners). No delete: that is a support ticket. */
export function organizationRoutes(): Route[] {
  return [
    {
      method: 'GET',
      pattern: path('/api/v1/organizations'),
      handle: (context) => ({
        status: 200,
        body: context.state
          .organizationsOf(caller(context).id)
          .sort((a, b) => a.org.name.localeCompare(b.org.name))
          .map(({ org, membership }) => organizationView(org, membership)),
      }),
    },
    {
      method: 'POST',
      pattern: path('/api/v1/organizations'),
      handle: (context) => {
        const user = caller(context);
        const body = objectBody(context);
        const problems = new FieldProblems();
        problems.rejectUnknown(body, FIELDS);
        const name = problems.text(body, 'name', true, orgName);
        const notificationEmail = problems.text(body, 'notification_email', true, emailProblem);
        problems.settle();
        const now = context.state.now();
        const membership = { userId: user.id, role: 'owner' as const, joinedAt: now };
        const org = {
          id: newId(),
          name: name as string,
          notificationEmail: notificationEmail as string,
          createdAt: now,
          members: [membership],
          billing: emptyBillingAccount(),
        };
        context.state.data.organizations.push(org);
        return { status: 201, body: organizationView(org, membership) };
      },
    },
    {
      method: 'GET',
      pattern: path('/api/v1/organizations/{org}'),
      handle: (context) => {
        const { org, membership } = memberOf(context);
        return { status: 200, body: organizationView(org, membership) };
      },
    },
    {
      method: 'PATCH',
      pattern: path('/api/v1/organizations/{org}'),
      handle: (context) => {
        const { org, membership } = ownerOf(context, 'edit the organization');
        const body = objectBody(context);
        const problems = new FieldProblems();
        problems.rejectUnknown(body, FIELDS);
        problems.requireSome(body, FIELDS, 'Change at least one field: name or notification_email');
        const name = problems.text(body, 'name', false, orgName);
        const notificationEmail = problems.text(body, 'notification_email', false, emailProblem);
        problems.settle();
        if (name !== undefined) org.name = name;
        if (notificationEmail !== undefined) org.notificationEmail = notificationEmail;
        return { status: 200, body: organizationView(org, membership) };
      },
    },
  ];
}
