import { installIdProblem, userCountProblem } from '../../../../../shared/portal/validation';
import { checkoutUrl, openCheckout } from '../../commerce/checkout';
import { isUuid, newId } from '../../state/ids';
import type { LicenseRecord, OrganizationRecord } from '../../state/records';
import { conflict, notFound } from '../api-error';
import { memberOf, ownerOf } from '../org-access';
import { FieldProblems, nameProblem, objectBody } from '../request-fields';
import { path, type Route, type RouteContext } from '../route';
import { licenseStatus, licenseView, licenseWithKeyView } from '../views';

const CHECKOUT_FIELDS = ['plan', 'name', 'install_id', 'internal_users', 'external_users'] as const;
const PLAN_MESSAGE = 'Choose one of the plans on sale (GET /api/v1/plans) by its id';
const licenseName = nameProblem('license');

function licenseIn(context: RouteContext, org: OrganizationRecord): LicenseRecord {
  const license = context.state.data.licenses.find((entry) => entry.orgId === org.id && entry.id === context.params[1]);
  if (license === undefined) throw notFound('license');
  return license;
}

/** Licenses: members list them and read keys; Owners rename, order (checkout) and renew. */
export function licenseRoutes(): Route[] {
  return [
    {
      method: 'GET',
      pattern: path('/api/v1/organizations/{org}/licenses'),
      handle: (context) => {
        const { org } = memberOf(context);
        const licenses = context.state.data.licenses
          .filter((entry) => entry.orgId === org.id)
          .sort((a, b) => b.createdAt - a.createdAt);
        return { status: 200, body: licenses.map((entry) => licenseView(context.state, entry)) };
      },
    },
    {
      method: 'GET',
      pattern: path('/api/v1/organizations/{org}/licenses/{id}'),
      handle: (context) => {
        const { org } = memberOf(context);
        return { status: 200, body: licenseWithKeyView(context.state, licenseIn(context, org)) };
      },
    },
    {
      method: 'PATCH',
      pattern: path('/api/v1/organizations/{org}/licenses/{id}'),
      handle: (context) => {
        const { org } = ownerOf(context, 'rename licenses');
        const license = licenseIn(context, org);
        const body = objectBody(context);
        const problems = new FieldProblems();
        problems.rejectUnknown(body, ['nickname']);
        const nickname = problems.text(body, 'nickname', true, licenseName);
        problems.settle();
        license.nickname = nickname as string;
        return { status: 200, body: licenseView(context.state, license) };
      },
    },
    {
      method: 'POST',
      pattern: path('/api/v1/organizations/{org}/checkout'),
      handle: (context) => {
        const { org } = ownerOf(context, 'order licenses');
        const body = objectBody(context);
        const problems = new FieldProblems();
        problems.rejectUnknown(body, CHECKOUT_FIELDS);
        const planId = problems.text(body, 'plan', true, (value) => (isUuid(value) ? null : PLAN_MESSAGE));
        const plan =
          planId === undefined
            ? undefined
            : context.state.data.plans.find((entry) => entry.id === planId.toLowerCase());
        if (planId !== undefined && plan === undefined) problems.add('plan', PLAN_MESSAGE);
        const name = problems.text(body, 'name', true, licenseName);
        const installId = problems.text(body, 'install_id', true, installIdProblem);
        problems.add('internal_users', userCountProblem(body.internal_users, 'internal'));
        problems.add('external_users', userCountProblem(body.external_users, 'external'));
        problems.settle();
        if (plan === undefined || name === undefined || installId === undefined)
          throw new Error('validated fields missing');
        const license: LicenseRecord = {
          id: newId(),
          orgId: org.id,
          nickname: name,
          keyName: name,
          installId: installId.toLowerCase(),
          internalUsers: body.internal_users as number,
          externalUsers: body.external_users as number,
          planId: plan.id,
          createdAt: context.state.now(),
          key: null,
          expiresAt: null,
          previousKeyFingerprint: null,
        };
        context.state.data.licenses.push(license);
        const checkout = openCheckout(context.state, license, 'order');
        return { status: 201, body: { checkout_url: checkoutUrl(context.state, checkout), license_id: license.id } };
      },
    },
    {
      method: 'POST',
      pattern: path('/api/v1/organizations/{org}/licenses/{id}/renew'),
      handle: (context) => {
        const { org } = ownerOf(context, 'renew licenses');
        const license = licenseIn(context, org);
        if (licenseStatus(context.state, license) === 'pending_payment') {
          throw conflict(
            'license_pending_payment',
            `The license "${license.nickname}" is still waiting for its first payment; complete that checkout before renewing it.`,
          );
        }
        const checkout = openCheckout(context.state, license, 'renewal');
        return { status: 201, body: { checkout_url: checkoutUrl(context.state, checkout) } };
      },
    },
  ];
}
