import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { SEED } from '../../sim/portal';
import { OWNER_ACTIONS } from './owner-actions';
import type { PortalKit } from './portal-sim-fixtures';

// The contract walk's refusals: what each operation answers without a valid token, for unknown ids, to a Member,
// for state conflicts and for invalid input.

const { users: U, organizations: O, licenses: L, invitations: I, plans: P } = SEED;
const acme = `/api/v1/organizations/${O.acme.id}`;

/** `METHOD template status` → [method, template, status]. */
function parts(declared: string): [string, string, string] {
  const [method = '', template = '', status = ''] = declared.split(' ');
  return [method, template, status];
}

/** A template with its ids filled in: the organization, then a user or object id. */
function fill(template: string, org: string, id: string): string {
  return template.replace('{org}', org).replace('{user}', id).replace('{id}', id);
}

/** 401 for a missing, malformed, unknown or expired token, 404 for unknown ids, 403 to a Member. */
export const ACCESS_REFUSALS: Record<string, (kit: PortalKit) => Promise<void>> = {
  'answers 401 invalid_token on every operation without a token, with a malformed one, and with an unknown one': async (
    kit,
  ) => {
    const unauthorized = kit.validator.declared.filter((entry) => entry.endsWith(' 401')).map(parts);
    expect(unauthorized.length).toBeGreaterThan(25);
    for (const [method, template] of unauthorized) {
      const path = fill(template, O.acme.id, L.acmeProduction.id);
      for (const token of [null, 'not a token', 'x'.repeat(43)]) {
        const answer = await kit.call(method, path, {
          token,
          ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }),
        });
        expect(answer.status, `${method} ${path} with ${String(token)}`).toBe(401);
        expect(answer.body).toMatchObject({ error: { code: 'invalid_token' } });
        expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      }
    }
  },
  'answers 401 token_expired once the access token has expired': async (kit) => {
    const token = await kit.token(U.alice.email);
    expect((await kit.call('GET', '/api/v1/me', { token })).status).toBe(200);
    kit.sim.expireTokens();
    const answer = await kit.call('GET', '/api/v1/me', { token });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({
      error: { code: 'token_expired', message: expect.stringContaining('Refresh it') },
    });
  },
  'answers 404 not_found for an unknown organization, object or invitation token, and for ids that are not UUIDs':
    async (kit) => {
      const token = await kit.token(U.alice.email);
      for (const [method, template] of kit.validator.declared.filter((entry) => entry.endsWith(' 404')).map(parts)) {
        const paths = template.includes('{org}')
          ? [fill(template, randomUUID(), L.acmeProduction.id), fill(template, 'acme', L.acmeProduction.id)]
          : [];
        if (template.includes('{id}') || template.includes('{user}'))
          paths.push(fill(template, O.acme.id, randomUUID()), fill(template, O.acme.id, 'not-a-uuid'));
        for (const path of paths) {
          const answer = await kit.call(method, path, {
            token,
            ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }),
          });
          expect(answer.status, `${method} ${path}`).toBe(404);
          expect(answer.body).toMatchObject({ error: { code: 'not_found' } });
        }
      }
      const erin = await kit.token(U.erin.email);
      expect((await kit.call('GET', '/api/v1/invitations/preview?token=no-such-token', { token: erin })).status).toBe(
        404,
      );
      expect(
        (await kit.call('POST', '/api/v1/invitations/accept', { token: erin, body: { token: 'no-such-token' } }))
          .status,
      ).toBe(404);
    },
  'answers 403 owner_required to a Member for every Owner-only operation': async (kit) => {
    const token = await kit.token(U.bob.email);
    for (const { method, path, body } of OWNER_ACTIONS) {
      const answer = await kit.call(method, path, { token, body });
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body).toMatchObject({ error: { code: 'owner_required' } });
    }
  },
};

/** 409 for the state conflicts the contract names, 422 for invalid input. */
export const STATE_REFUSALS: Record<string, (kit: PortalKit) => Promise<void>> = {
  'answers 409 for the state conflicts the contract names': async (kit) => {
    const alice = await kit.token(U.alice.email);
    const dave = await kit.token(U.dave.email);
    const initech = `/api/v1/organizations/${O.initech.id}`;
    const expect409 = async (code: string, method: string, path: string, token: string, body?: unknown) => {
      const answer = await kit.call(method, path, { token, body });
      expect(answer.status, `${method} ${path}`).toBe(409);
      expect(answer.body).toMatchObject({ error: { code } });
    };
    await expect409('last_owner', 'PATCH', `${initech}/members/${U.dave.id}`, dave, { role: 'member' });
    await expect409('last_owner', 'DELETE', `${initech}/members/${U.dave.id}`, dave);
    await expect409('already_member', 'POST', `${acme}/invitations`, alice, { email: 'BOB@acme.test', role: 'owner' });
    await expect409('already_invited', 'POST', `${acme}/invitations`, alice, {
      email: I.acmeGrace.email,
      role: 'owner',
    });
    await expect409('invitation_expired', 'GET', `/api/v1/invitations/preview?token=${I.acmeHeidi.token}`, dave);
    await expect409('invitation_expired', 'POST', '/api/v1/invitations/accept', dave, { token: I.acmeHeidi.token });
    await expect409('already_member', 'POST', '/api/v1/invitations/accept', alice, { token: I.acmeGrace.token });
    await expect409('license_pending_payment', 'POST', `${acme}/licenses/${L.acmeStaging.id}/renew`, alice);
  },
  'answers 422 validation_failed on every operation that takes input': async (kit) => {
    const alice = await kit.token(U.alice.email);
    const cases: [string, string, unknown][] = [
      ['POST', '/api/v1/organizations', { name: '' }],
      ['PATCH', acme, { notification_email: 'nope' }],
      ['PATCH', `${acme}/members/${U.bob.id}`, { role: 'boss' }],
      ['POST', `${acme}/invitations`, { email: 'nope', role: 'member' }],
      ['POST', '/api/v1/invitations/accept', { token: '' }],
      ['PATCH', `${acme}/licenses/${L.acmeProduction.id}`, { nickname: 'x'.repeat(101) }],
      ['POST', `${acme}/checkout`, { plan: P.yearlyEur.id }],
      ['PATCH', `${acme}/billing/account`, { phone: '12345' }],
    ];
    for (const [method, path, body] of cases) {
      const answer = await kit.call(method, path, { token: alice, body });
      expect(answer.status, `${method} ${path}`).toBe(422);
      expect(answer.body).toMatchObject({ error: { code: 'validation_failed', fields: expect.any(Object) } });
    }
    expect(
      (await kit.call('GET', `/api/v1/invitations/preview?token=${'t'.repeat(257)}`, { token: alice })).status,
    ).toBe(422);
  },
};
