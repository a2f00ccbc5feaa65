import {
  emailProblem,
  installIdProblem,
  phoneProblem,
  postalCodeProblem,
  taxIdProblem,
  userCountProblem,
  vatIdProblem,
} from '../../../shared/portal/validation';
import { COUNTRY_MESSAGE } from '../../../shared/portal/validation/countries';
import { SEED } from '../../sim/portal';

// The requests that break one rule of the portal's validation, with the field and message its 422 must give.

const { organizations: O, licenses: L, plans: P } = SEED;
export const acme = `/api/v1/organizations/${O.acme.id}`;
const INSTALL_ID = '5d0c7e2a-1b3f-4c5d-8e9f-0a1b2c3d4e5f';
const order = { plan: P.yearlyEur.id, name: 'QA', install_id: INSTALL_ID, internal_users: 5, external_users: 1 };
const NAME_MESSAGE = (what: string) => `Give the ${what} a name of 1 to 100 characters`;

interface Case {
  rule: string;
  method: string;
  path: string;
  body: Record<string, unknown>;
  /** The field the 422 must name, with the message the shared rule gives. */
  field: string;
  message: string;
}

export const CASES: Case[] = [
  {
    rule: 'e-mail (organization notice address)',
    method: 'POST',
    path: '/api/v1/organizations',
    body: { name: 'New Co', notification_email: 'it.newco.test' },
    field: 'notification_email',
    message: emailProblem('it.newco.test') as string,
  },
  {
    rule: 'e-mail without a dot in the domain',
    method: 'POST',
    path: `${acme}/invitations`,
    body: { email: 'anna@localhost', role: 'member' },
    field: 'email',
    message: emailProblem('anna@localhost') as string,
  },
  {
    rule: 'e-mail missing',
    method: 'PATCH',
    path: acme,
    body: { notification_email: '' },
    field: 'notification_email',
    message: emailProblem('') as string,
  },
  {
    rule: 'organization name empty after trimming',
    method: 'PATCH',
    path: acme,
    body: { name: '   ' },
    field: 'name',
    message: NAME_MESSAGE('organization'),
  },
  {
    rule: 'organization name over 100 characters',
    method: 'POST',
    path: '/api/v1/organizations',
    body: { name: 'x'.repeat(101), notification_email: 'it@newco.test' },
    field: 'name',
    message: NAME_MESSAGE('organization'),
  },
  {
    rule: 'license nickname empty',
    method: 'PATCH',
    path: `${acme}/licenses/${L.acmeProduction.id}`,
    body: { nickname: '' },
    field: 'nickname',
    message: NAME_MESSAGE('license'),
  },
  {
    rule: 'role other than owner or member',
    method: 'POST',
    path: `${acme}/invitations`,
    body: { email: 'anna@example.com', role: 'admin' },
    field: 'role',
    message: 'The role is owner or member',
  },
  {
    rule: 'Install ID not a UUID',
    method: 'POST',
    path: `${acme}/checkout`,
    body: { ...order, install_id: 'my-install' },
    field: 'install_id',
    message: installIdProblem('my-install') as string,
  },
  {
    rule: 'internal users zero',
    method: 'POST',
    path: `${acme}/checkout`,
    body: { ...order, internal_users: 0 },
    field: 'internal_users',
    message: userCountProblem(0, 'internal') as string,
  },
  {
    rule: 'internal users not whole',
    method: 'POST',
    path: `${acme}/checkout`,
    body: { ...order, internal_users: 2.5 },
    field: 'internal_users',
    message: userCountProblem(2.5, 'internal') as string,
  },
  {
    rule: 'internal users as text',
    method: 'POST',
    path: `${acme}/checkout`,
    body: { ...order, internal_users: '5' },
    field: 'internal_users',
    message: userCountProblem('5', 'internal') as string,
  },
  {
    rule: 'external users zero',
    method: 'POST',
    path: `${acme}/checkout`,
    body: { ...order, external_users: 0 },
    field: 'external_users',
    message: userCountProblem(0, 'external') as string,
  },
  {
    rule: 'external users negative',
    method: 'POST',
    path: `${acme}/checkout`,
    body: { ...order, external_users: -1 },
    field: 'external_users',
    message: userCountProblem(-1, 'external') as string,
  },
  {
    rule: 'users over a million',
    method: 'POST',
    path: `${acme}/checkout`,
    body: { ...order, external_users: 1_000_001 },
    field: 'external_users',
    message: userCountProblem(1_000_001, 'external') as string,
  },
  {
    rule: 'unknown plan',
    method: 'POST',
    path: `${acme}/checkout`,
    body: { ...order, plan: '00000000-0000-4000-8000-000000000000' },
    field: 'plan',
    message: 'Choose one of the plans on sale (GET /api/v1/plans) by its id',
  },
  {
    rule: 'phone not E.164',
    method: 'PATCH',
    path: `${acme}/billing/account`,
    body: { phone: '030 123456' },
    field: 'phone',
    message: phoneProblem('030 123456') as string,
  },
  {
    rule: 'phone over 15 digits',
    method: 'PATCH',
    path: `${acme}/billing/account`,
    body: { phone: '+1234567890123456' },
    field: 'phone',
    message: phoneProblem('+1234567890123456') as string,
  },
  {
    rule: 'country not an ISO code',
    method: 'PATCH',
    path: `${acme}/billing/account`,
    body: { country: 'Germany' },
    field: 'country',
    message: COUNTRY_MESSAGE,
  },
  {
    rule: 'VAT ID of Germany too short',
    method: 'PATCH',
    path: `${acme}/billing/account`,
    body: { tax_id: 'DE12345678' },
    field: 'tax_id',
    message: vatIdProblem('DE12345678', 'DE') as string,
  },
  {
    rule: 'VAT ID of Greece with GR',
    method: 'PATCH',
    path: `${acme}/billing/account`,
    body: { country: 'GR', postal_code: '105 57', tax_id: 'GR123456789' },
    field: 'tax_id',
    message: vatIdProblem('GR123456789', 'GR') as string,
  },
  {
    rule: 'VAT ID of Austria without U',
    method: 'PATCH',
    path: `${acme}/billing/account`,
    body: { country: 'AT', postal_code: '1010', tax_id: 'AT12345678' },
    field: 'tax_id',
    message: vatIdProblem('AT12345678', 'AT') as string,
  },
  {
    rule: 'tax ID outside the EU with a symbol',
    method: 'PATCH',
    path: `${acme}/billing/account`,
    body: { country: 'US', postal_code: '94105', tax_id: 'EIN#12' },
    field: 'tax_id',
    message: taxIdProblem('EIN#12', 'US') as string,
  },
  {
    rule: 'VAT ID checked against the new country (DE ID, French address)',
    method: 'PATCH',
    path: `${acme}/billing/account`,
    body: { country: 'FR', postal_code: '75001' },
    field: 'tax_id',
    message: vatIdProblem('DE123456789', 'FR') as string,
  },
  {
    rule: 'stored postal code checked against the new country',
    method: 'PATCH',
    path: `${acme}/billing/account`,
    body: { country: 'NL', tax_id: 'NL123456789B01' },
    field: 'postal_code',
    message: postalCodeProblem('10117', 'NL') as string,
  },
  {
    rule: 'field not in the request schema',
    method: 'PATCH',
    path: acme,
    body: { name: 'Acme', colour: 'red' },
    field: 'colour',
    message: 'This field is not part of the request; leave it out',
  },
  {
    rule: 'edit that changes nothing',
    method: 'PATCH',
    path: `${acme}/billing/account`,
    body: {},
    field: 'body',
    message: 'Change at least one field of the billing account',
  },
];
