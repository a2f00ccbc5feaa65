import { describe, expect, it } from 'vitest';
import { postalCodeProblem } from '../../../shared/portal/validation';
import { SEED } from '../../sim/portal';
import { freshPortalSimPerTest } from './portal-sim-fixtures';
import { acme, CASES } from './validation-cases';

const { users: U, organizations: O } = SEED;

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

  it.each(POSTAL)(
    "postal codes in %s: %s is accepted, %s refused with the country's rule",
    async (country, valid, invalid) => {
      const token = await kit.token(U.dave.email);
      const billing = `/api/v1/organizations/${O.initech.id}/billing/account`;
      const refused = await kit.call('PATCH', billing, { token, body: { country, postal_code: invalid } });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ error: { fields: { postal_code: postalCodeProblem(invalid, country) } } });
      const accepted = await kit.call('PATCH', billing, { token, body: { country, postal_code: valid } });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ country, postal_code: valid });
    },
  );

  it('names every bad field of one request at once', async () => {
    const answer = await kit.call('POST', `${acme}/checkout`, {
      token: await kit.token(U.alice.email),
      body: { plan: 'yearly', name: '', install_id: 'x', internal_users: 0, external_users: -5 },
    });
    expect(answer.status).toBe(422);
    expect(Object.keys((answer.body as { error: { fields: object } }).error.fields).sort()).toEqual([
      'external_users',
      'install_id',
      'internal_users',
      'name',
      'plan',
    ]);
  });

  it('a body that is not a JSON object is refused without fields', async () => {
    const token = await kit.token(U.alice.email);
    for (const rawBody of ['[1, 2]', 'name=Acme', '"Acme"', '']) {
      const answer = await kit.call('PATCH', acme, { token, rawBody });
      expect(answer.status, rawBody).toBe(422);
      expect(answer.body).toEqual({
        error: { code: 'validation_failed', message: expect.stringContaining('JSON object') },
      });
    }
  });

  it('an invitation preview needs its token', async () => {
    const answer = await kit.call('GET', '/api/v1/invitations/preview?token=', {
      token: await kit.token(U.erin.email),
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { fields: { token: expect.any(String) } } });
  });

  it('null clears a billing field, empty free text too; the valid edit is stored whole', async () => {
    const token = await kit.token(U.alice.email);
    const answer = await kit.call('PATCH', `${acme}/billing/account`, {
      token,
      body: {
        address_line2: 'Aufgang B',
        region: '  ',
        phone: null,
        country: 'AT',
        postal_code: '1010',
        tax_id: 'ATU12345678',
        city: 'Wien',
      },
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
