import { describe, expect, it } from 'vitest';
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
import { freshPortalSimPerTest } from './portal-sim-fixtures';

const { users: U, organizations: O, licenses: L, plans: P } = SEED;
const acme = `/api/v1/organizations/${O.acme.id}`;
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

const CASES: Case[] = [
  { rule: 'e-mail (organization notice address)', method: 'POST', path: '/api/v1/organizations', body: { name: 'New Co', notification_email: 'it.newco.test' }, field: 'notification_email', message: emailProblem('it.newco.test') as string },
  { rule: 'e-mail without a dot in the domain', method: 'POST', path: `${acme}/invitations`, body: { email: 'anna@localhost', role: 'member' }, field: 'email', message: emailProblem('anna@localhost') as string },
  { rule: 'e-mail missing', method: 'PATCH', path: acme, body: { notification_email: '' }, field: 'notification_email', message: emailProblem('') as string },
  { rule: 'organization name empty after trimming', method: 'PATCH', path: acme, body: { name: '   ' }, field: 'name', message: NAME_MESSAGE('organization') },
  { rule: 'organization name over 100 characters', method: 'POST', path: '/api/v1/organizations', body: { name: 'x'.repeat(101), notification_email: 'it@newco.test' }, field: 'name', message: NAME_MESSAGE('organization') },
  { rule: 'license nickname empty', method: 'PATCH', path: `${acme}/licenses/${L.acmeProduction.id}`, body: { nickname: '' }, field: 'nickname', message: NAME_MESSAGE('license') },
  { rule: 'role other than owner or member', method: 'POST', path: `${acme}/invitations`, body: { email: 'anna@example.com', role: 'admin' }, field: 'role', message: 'The role is owner or member' },
  { rule: 'Install ID not a UUID', method: 'POST', path: `${acme}/checkout`, body: { ...order, install_id: 'my-install' }, field: 'install_id', message: installIdProblem('my-install') as string },
  { rule: 'internal users zero', method: 'POST', path: `${acme}/checkout`, body: { ...order, internal_users: 0 }, field: 'internal_users', message: userCountProblem(0, 'internal') as string },
  { rule: 'internal users not whole', method: 'POST', path: `${acme}/checkout`, body: { ...order, internal_users: 2.5 }, field: 'internal_users', message: userCountProblem(2.5, 'internal') as string },
  { rule: 'internal users as text', method: 'POST', path: `${acme}/checkout`, body: { ...order, internal_users: '5' }, field: 'internal_users', message: userCountProblem('5', 'internal') as string },
  { rule: 'external users zero', method: 'POST', path: `${acme}/checkout`, body: { ...order, external_users: 0 }, field: 'external_users', message: userCountProblem(0, 'external') as string },
  { rule: 'external users negative', method: 'POST', path: `${acme}/checkout`, body: { ...order, external_users: -1 }, field: 'external_users', message: userCountProblem(-1, 'external') as string },
  { rule: 'users over a million', method: 'POST', path: `${acme}/checkout`, body: { ...order, external_users: 1_000_001 }, field: 'external_users', message: userCountProblem(1_000_001, 'external') as string },
  { rule: 'unknown plan', method: 'POST', path: `${acme}/checkout`, body: { ...order, plan: '00000000-0000-4000-8000-000000000000' }, field: 'plan', message: 'Choose one of the plans on sale (GET /api/v1/plans) by its id' },
  { rule: 'phone not E.164', method: 'PATCH', path: `${acme}/billing/account`, body: { phone: '030 123456' }, field: 'phone', message: phoneProblem('030 123456') as string },
  { rule: 'phone over 15 digits', method: 'PATCH', path: `${acme}/billing/account`, body: { phone: '+1234567890123456' }, field: 'phone', message: phoneProblem('+1234567890123456') as string },
  { rule: 'country not an ISO code', method: 'PATCH', path: `${acme}/billing/account`, body: { country: 'Germany' }, field: 'country', message: COUNTRY_MESSAGE },
  { rule: 'VAT ID of Germany too short', method: 'PATCH', path: `${acme}/billing/account`, body: { tax_id: 'DE12345678' }, field: 'tax_id', message: vatIdProblem('DE12345678', 'DE') as string },
  { rule: 'VAT ID of Greece with GR', method: 'PATCH', path: `${acme}/billing/account`, body: { country: 'GR', postal_code: '105 57', tax_id: 'GR123456789' }, field: 'tax_id', message: vatIdProblem('GR123456789', 'GR') as string },
  { rule: 'VAT ID of Austria without U', method: 'PATCH', path: `${acme}/billing/account`, body: { country: 'AT', postal_code: '1010', tax_id: 'AT12345678' }, field: 'tax_id', message: vatIdProblem('AT12345678', 'AT') as string },
  { rule: 'tax ID outside the EU with a symbol', method: 'PATCH', path: `${acme}/billing/account`, body: { country: 'US', postal_code: '94105', tax_id: 'EIN#12' }, field: 'tax_id', message: taxIdProblem('EIN#12', 'US') as string },
  { rule: 'VAT ID checked against the new country (DE ID, French address)', method: 'PATCH', path: `${acme}/billing/account`, body: { country: 'FR', postal_code: '75001' }, field: 'tax_id', message: vatIdProblem('DE123456789', 'FR') as string },
  { rule: 'stored postal code checked against the new country', method: 'PATCH', path: `${acme}/billing/account`, body: { country: 'NL', tax_id: 'NL123456789B01' }, field: 'postal_code', message: postalCodeProblem('10117', 'NL') as string },
  { rule: 'field not in the request schema', method: 'PATCH', path: acme, body: { name: 'Acme', colour: 'red' }, field: 'colour', message: 'This field is not part of the request; leave it out' },
  { rule: 'edit that changes nothing', method: 'PATCH', path: `${acme}/billing/account`, body: {}, field: 'body', message: 'Change at least one field of the billing account' },
];

/** Postal codes per country the contract names: one valid, one invalid. */
const POSTAL: [country: string, valid: string, invalid: string][] = [
  ['US', '94105-1804', '9410'],
  ['CA', 'K1A 0B1', 'K1A 0BB'],
  ['GB', 'SW1A 1AA', 'SW1A 1CA'],
  ['DE', '10115', '1011'],
  ['FR', '75001', '750011'],
  ['NL', '1012 AB', '0123 AB'],
  ['AT', '1010', '0101'],
  ['CH', '8001', '80011'],
  ['AU', '2000', '200'],
];

describe('422 validation_failed: one message per field, the shared rules, nothing changed', () => {
  const kit = freshPortalSimPerTest();

  it.each(CASES)('$rule', async ({ method, path, body, field, message }) => {
    const before = JSON.stringify(kit.sim.state.data);
    const answer = await kit.call(method, path, { token: await kit.token(U.alice.email), body });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { code: 'validation_failed', fields: { [field]: message } } });
    expect(JSON.stringify(kit.sim.state.data)).toBe(before);
  });

  it.each(POSTAL)('postal codes in %s: %s is accepted, %s refused with the country\'s rule', async (country, valid, invalid) => {
    const token = await kit.token(U.dave.email);
    const billing = `/api/v1/organizations/${O.initech.id}/billing/account`;
    const refused = await kit.call('PATCH', billing, { token, body: { country, postal_code: invalid } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { fields: { postal_code: postalCodeProblem(invalid, country) } } });
    const accepted = await kit.call('PATCH', billing, { token, body: { country, postal_code: valid } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ country, postal_code: valid });
  });

  it('names every bad field of one request at once', async () => {
    const answer = await kit.call('POST', `${acme}/checkout`, {
      token: await kit.token(U.alice.email),
      body: { plan: 'yearly', name: '', install_id: 'x', internal_users: 0, external_users: -5 },
    });
    expect(answer.status).toBe(422);
    expect(Object.keys((answer.body as { error: { fields: object } }).error.fields).sort()).toEqual(['external_users', 'install_id', 'internal_users', 'name', 'plan']);
  });

  it('a body that is not a JSON object is refused without fields', async () => {
    const token = await kit.token(U.alice.email);
    for (const rawBody of ['[1, 2]', 'name=Acme', '"Acme"', '']) {
      const answer = await kit.call('PATCH', acme, { token, rawBody });
      expect(answer.status, rawBody).toBe(422);
      expect(answer.body).toEqual({ error: { code: 'validation_failed', message: expect.stringContaining('JSON object') } });
    }
  });

  it('an invitation preview needs its token', async () => {
    const answer = await kit.call('GET', '/api/v1/invitations/preview?token=', { token: await kit.token(U.erin.email) });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { fields: { token: expect.any(String) } } });
  });

  it('null clears a billing field, empty free text too; the valid edit is stored whole', async () => {
    const token = await kit.token(U.alice.email);
    const answer = await kit.call('PATCH', `${acme}/billing/account`, {
      token,
      body: { address_line2: 'Aufgang B', region: '  ', phone: null, country: 'AT', postal_code: '1010', tax_id: 'ATU12345678', city: 'Wien' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      name: 'Acme Corp GmbH',
      address_line1: 'Friedrichstraße 68',
      address_line2: 'Aufgang B',
      city: 'Wien',
      postal_code: '1010',
      region: null,
      country: 'AT',
      phone: null,
      tax_id: 'ATU12345678',
    });
    expect((await kit.call('GET', `${acme}/billing/account`, { token })).body).toEqual(answer.body);
  });
});
