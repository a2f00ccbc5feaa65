import { SEED } from '../../sim/portal';

const { users: U, organizations: O, licenses: L, invitations: I, plans: P } = SEED;
const acme = `/api/v1/organizations/${O.acme.id}`;

export interface OwnerAction {
  action: string;
  method: string;
  path: string;
  body?: unknown;
  /** What an Owner gets for the same request. */
  ownerStatus: number;
}

/** Every Owner-only action of the product guide and the contract, on Acme Corp (Bob is a Member there). */
export const OWNER_ACTIONS: OwnerAction[] = [
  {
    action: 'edit the organization',
    method: 'PATCH',
    path: acme,
    body: { name: 'Acme Corporation' },
    ownerStatus: 200,
  },
  { action: 'remove a member', method: 'DELETE', path: `${acme}/members/${U.frank.id}`, ownerStatus: 204 },
  {
    action: 're-role a member',
    method: 'PATCH',
    path: `${acme}/members/${U.bob.id}`,
    body: { role: 'owner' },
    ownerStatus: 200,
  },
  {
    action: 'invite',
    method: 'POST',
    path: `${acme}/invitations`,
    body: { email: 'new.hire@acme.test', role: 'member' },
    ownerStatus: 201,
  },
  { action: 'revoke an invitation', method: 'DELETE', path: `${acme}/invitations/${I.acmeGrace.id}`, ownerStatus: 204 },
  {
    action: 'resend an invitation',
    method: 'POST',
    path: `${acme}/invitations/${I.acmeGrace.id}/resend`,
    ownerStatus: 200,
  },
  {
    action: 'rename a license',
    method: 'PATCH',
    path: `${acme}/licenses/${L.acmeProduction.id}`,
    body: { nickname: 'Prod' },
    ownerStatus: 200,
  },
  {
    action: 'order a license (checkout)',
    method: 'POST',
    path: `${acme}/checkout`,
    body: {
      plan: P.yearlyEur.id,
      name: 'QA',
      install_id: '5d0c7e2a-1b3f-4c5d-8e9f-0a1b2c3d4e5f',
      internal_users: 5,
      external_users: 1,
    },
    ownerStatus: 201,
  },
  {
    action: 'renew a license',
    method: 'POST',
    path: `${acme}/licenses/${L.acmeProduction.id}/renew`,
    ownerStatus: 201,
  },
  {
    action: 'edit the billing account',
    method: 'PATCH',
    path: `${acme}/billing/account`,
    body: { city: 'Hamburg', postal_code: '20095' },
    ownerStatus: 200,
  },
  {
    action: 'set up a payment method',
    method: 'POST',
    path: `${acme}/billing/payment-methods/setup`,
    ownerStatus: 201,
  },
];
