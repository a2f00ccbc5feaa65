import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestPki } from '../../pki/test-pki';
import { SEED } from '../../sim/portal';
import { OWNER_ACTIONS } from './owner-actions';
import { loadOpenApiResponseValidator } from './openapi-response-validator';
import { freshPortalSimPerTest, pressAddCard, pressPay, startPortalKit, type PortalKit } from './portal-sim-fixtures';

const { users: U, organizations: O, licenses: L, invitations: I, plans: P } = SEED;
const acme = `/api/v1/organizations/${O.acme.id}`;
const INSTALL_ID = '7f3e2d1c-0b9a-4876-a543-210fedcba987';

/** `METHOD template status` → [method, template, status]. */
function parts(declared: string): [string, string, string] {
  const [method = '', template = '', status = ''] = declared.split(' ');
  return [method, template, status];
}

/** A template with its ids filled in: the organization, then a user or object id. */
function fill(template: string, org: string, id: string): string {
  return template.replace('{org}', org).replace('{user}', id).replace('{id}', id);
}

/**
 * A broad walk over Portal API v1: every operation, its successes and its refusals, each answer checked
 * against docs/portal-api-v1.yaml by an independent validator. Each step runs on a fresh simulator.
 */
const WALK: Record<string, (kit: PortalKit) => Promise<void>> = {
  'answers 401 invalid_token on every operation without a token, with a malformed one, and with an unknown one': async (kit) => {
    const unauthorized = kit.validator.declared.filter((entry) => entry.endsWith(' 401')).map(parts);
    expect(unauthorized.length).toBeGreaterThan(25);
    for (const [method, template] of unauthorized) {
      const path = fill(template, O.acme.id, L.acmeProduction.id);
      for (const token of [null, 'not a token', 'x'.repeat(43)]) {
        const answer = await kit.call(method, path, { token, ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }) });
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
    expect(answer.body).toMatchObject({ error: { code: 'token_expired', message: expect.stringContaining('Refresh it') } });
  },
  'answers 404 not_found for an unknown organization, object or invitation token, and for ids that are not UUIDs': async (kit) => {
    const token = await kit.token(U.alice.email);
    for (const [method, template] of kit.validator.declared.filter((entry) => entry.endsWith(' 404')).map(parts)) {
      const paths = template.includes('{org}')
        ? [fill(template, randomUUID(), L.acmeProduction.id), fill(template, 'acme', L.acmeProduction.id)]
        : [];
      if (template.includes('{id}') || template.includes('{user}')) paths.push(fill(template, O.acme.id, randomUUID()), fill(template, O.acme.id, 'not-a-uuid'));
      for (const path of paths) {
        const answer = await kit.call(method, path, { token, ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }) });
        expect(answer.status, `${method} ${path}`).toBe(404);
        expect(answer.body).toMatchObject({ error: { code: 'not_found' } });
      }
    }
    const erin = await kit.token(U.erin.email);
    expect((await kit.call('GET', '/api/v1/invitations/preview?token=no-such-token', { token: erin })).status).toBe(404);
    expect((await kit.call('POST', '/api/v1/invitations/accept', { token: erin, body: { token: 'no-such-token' } })).status).toBe(404);
  },
  'answers 403 owner_required to a Member for every Owner-only operation': async (kit) => {
    const token = await kit.token(U.bob.email);
    for (const { method, path, body } of OWNER_ACTIONS) {
      const answer = await kit.call(method, path, { token, body });
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body).toMatchObject({ error: { code: 'owner_required' } });
    }
  },
  'walks organizations, members and invitations end to end': async (kit) => {
    const config = await kit.call('GET', '/api/v1/config');
    expect(config.body).toEqual({ api_version: '1', oidc_issuer: kit.sim.issuer, client_id: kit.sim.clientId, support_url: `${kit.sim.url}/support` });
    const alice = await kit.token(U.alice.email);
    const erin = await kit.token(U.erin.email);
    expect((await kit.call('GET', '/api/v1/me', { token: alice })).body).toEqual({ user_id: U.alice.id, email: U.alice.email, name: U.alice.name });
    expect(((await kit.call('GET', '/api/v1/organizations', { token: alice })).body as { name: string }[]).map((org) => org.name)).toEqual(['Acme Corp', 'Globex Inc.']);
    expect((await kit.call('GET', '/api/v1/organizations', { token: erin })).body).toEqual([]);

    const created = await kit.call('POST', '/api/v1/organizations', { token: erin, body: { name: 'Hooli', notification_email: 'ops@hooli.test' } });
    expect(created.status).toBe(201);
    const hooli = created.body as { id: string; role: string };
    expect(hooli.role).toBe('owner');
    const org = `/api/v1/organizations/${hooli.id}`;
    expect((await kit.call('PATCH', org, { token: erin, body: { name: 'Hooli XYZ' } })).body).toMatchObject({ name: 'Hooli XYZ' });
    expect((await kit.call('GET', org, { token: erin })).body).toMatchObject({ name: 'Hooli XYZ', notification_email: 'ops@hooli.test' });

    const invited = await kit.call('POST', `${org}/invitations`, { token: erin, body: { email: 'Alice@Acme.test', role: 'member' } });
    expect(invited.status).toBe(201);
    const invitation = invited.body as { id: string };
    expect(((await kit.call('GET', `${org}/invitations`, { token: erin })).body as { id: string }[]).map((entry) => entry.id)).toEqual([invitation.id]);
    expect((await kit.call('POST', `${org}/invitations/${invitation.id}/resend`, { token: erin })).status).toBe(200);
    const mails = kit.sim.outbox().filter((mail) => mail.to === 'Alice@Acme.test');
    expect(mails).toHaveLength(2);
    const invitationToken = new URL(mails[1]?.link ?? '').searchParams.get('token') ?? '';
    const preview = await kit.call('GET', `/api/v1/invitations/preview?token=${encodeURIComponent(invitationToken)}`, { token: alice });
    expect(preview.body).toMatchObject({ organization: { id: hooli.id, name: 'Hooli XYZ' }, invited_by: { name: U.erin.name }, role: 'member' });
    const accepted = await kit.call('POST', '/api/v1/invitations/accept', { token: alice, body: { token: invitationToken } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: hooli.id, role: 'member' });

    const members = (await kit.call('GET', `${org}/members`, { token: alice })).body as { user_id: string }[];
    expect(members.map((member) => member.user_id)).toEqual([U.erin.id, U.alice.id]);
    expect((await kit.call('PATCH', `${org}/members/${U.alice.id}`, { token: erin, body: { role: 'owner' } })).body).toMatchObject({ role: 'owner' });
    expect((await kit.call('DELETE', `${org}/members/${U.alice.id}`, { token: erin })).status).toBe(204);

    const other = (await kit.call('POST', `${org}/invitations`, { token: erin, body: { email: 'zed@example.test', role: 'owner' } })).body as { id: string };
    expect((await kit.call('DELETE', `${org}/invitations/${other.id}`, { token: erin })).status).toBe(204);
    expect((await kit.call('GET', `${org}/invitations`, { token: erin })).body).toEqual([]);
  },
  'walks licenses and billing end to end: order, pay, rename, renew, billing account, payment method, invoices, payments': async (kit) => {
    const alice = await kit.token(U.alice.email);
    const plans = (await kit.call('GET', '/api/v1/plans', { token: alice })).body as { id: string; price_per_internal_user: number }[];
    expect(plans.map((plan) => plan.id).sort()).toEqual(Object.values(P).map((plan) => plan.id).sort());
    expect(plans.map((plan) => plan.price_per_internal_user)).toEqual([...plans.map((plan) => plan.price_per_internal_user)].sort((a, b) => a - b));

    const ordered = await kit.call('POST', `${acme}/checkout`, {
      token: alice,
      body: { plan: P.monthlyEur.id, name: 'Walk', install_id: INSTALL_ID.toUpperCase(), internal_users: 3, external_users: 7 },
    });
    expect(ordered.status).toBe(201);
    const { checkout_url: checkoutUrl, license_id: licenseId } = ordered.body as { checkout_url: string; license_id: string };
    const pending = await kit.call('GET', `${acme}/licenses/${licenseId}`, { token: alice });
    expect(pending.body).toMatchObject({ status: 'pending_payment', key: null, key_fingerprint: null, expires_at: null, install_id: INSTALL_ID });
    expect(await pressPay(checkoutUrl)).toBe(303);
    const active = await kit.call('GET', `${acme}/licenses/${licenseId}`, { token: alice });
    expect(active.body).toMatchObject({ status: 'active', internal_users: 3, external_users: 7, key: expect.any(String), previous_key_fingerprint: null });
    const firstKey = (active.body as { key_fingerprint: string }).key_fingerprint;
    expect((await kit.call('PATCH', `${acme}/licenses/${licenseId}`, { token: alice, body: { nickname: 'Walk (renamed)' } })).body).toMatchObject({ nickname: 'Walk (renamed)' });
    const listed = (await kit.call('GET', `${acme}/licenses`, { token: alice })).body as { id: string }[];
    expect(listed[0]?.id).toBe(licenseId);
    const renewal = await kit.call('POST', `${acme}/licenses/${licenseId}/renew`, { token: alice });
    expect(renewal.status).toBe(201);
    expect(await pressPay((renewal.body as { checkout_url: string }).checkout_url)).toBe(303);
    // Renewed: a new key, and the fingerprint of the one it replaces, in the list and with the key.
    const renewed = ((await kit.call('GET', `${acme}/licenses`, { token: alice })).body as { id: string; key_fingerprint: string; previous_key_fingerprint: string | null }[]).find((entry) => entry.id === licenseId);
    expect(renewed?.previous_key_fingerprint).toBe(firstKey);
    expect(renewed?.key_fingerprint).not.toBe(firstKey);
    expect((await kit.call('GET', `${acme}/licenses/${licenseId}`, { token: alice })).body).toMatchObject({ previous_key_fingerprint: firstKey });

    const initech = `/api/v1/organizations/${O.initech.id}`;
    const dave = await kit.token(U.dave.email);
    expect((await kit.call('GET', `${initech}/billing/account`, { token: dave })).body).toEqual({
      name: null, address_line1: null, address_line2: null, city: null, postal_code: null, region: null, country: null, phone: null, tax_id: null,
    });
    const edited = await kit.call('PATCH', `${initech}/billing/account`, { token: dave, body: { name: 'Initech LLC', country: 'US', postal_code: '78701', region: 'TX', phone: '+15125550100' } });
    expect(edited.body).toMatchObject({ name: 'Initech LLC', country: 'US' });
    expect((await kit.call('GET', `${initech}/billing/payment-methods`, { token: dave })).body).toEqual([]);
    const setup = await kit.call('POST', `${initech}/billing/payment-methods/setup`, { token: dave });
    expect(setup.status).toBe(201);
    expect(await pressAddCard((setup.body as { setup_url: string }).setup_url, '5555 5555 5555 4444')).toBe(303);
    expect((await kit.call('GET', `${initech}/billing/payment-methods`, { token: dave })).body).toEqual([
      expect.objectContaining({ type: 'card', brand: 'mastercard', last4: '4444', exp_month: 7, exp_year: 2099, is_default: true }),
    ]);

    const invoices = (await kit.call('GET', `${acme}/billing/invoices`, { token: alice })).body as { id: string; amount: number; status: string; pdf_url: string }[];
    expect(invoices[0]).toMatchObject({ amount: 3 * 500 + 7 * 2, status: 'paid' });
    const pdfPath = new URL(invoices[0]?.pdf_url ?? '').pathname;
    expect((await kit.call('GET', pdfPath, { token: alice })).contentType).toBe('application/pdf');
    const payments = (await kit.call('GET', `${acme}/billing/payments`, { token: alice })).body as { invoice_id: string; status: string }[];
    expect(payments[0]).toMatchObject({ invoice_id: invoices[0]?.id, status: 'succeeded' });
  },
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
    await expect409('already_invited', 'POST', `${acme}/invitations`, alice, { email: I.acmeGrace.email, role: 'owner' });
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
    expect((await kit.call('GET', `/api/v1/invitations/preview?token=${'t'.repeat(257)}`, { token: alice })).status).toBe(422);
  },
};

describe('Portal API v1: every response the simulator gives conforms to docs/portal-api-v1.yaml', () => {
  const kit = freshPortalSimPerTest();
  for (const [name, step] of Object.entries(WALK)) it(name, () => step(kit));
});

describe('Portal API v1: the walk covers the document', () => {
  // The whole walk again, in this one test, so the check holds whichever tests run beside it (-t included).
  it('produces every response the document declares', { timeout: 120_000 }, async () => {
    const [validator, pki] = await Promise.all([loadOpenApiResponseValidator(), createTestPki()]);
    const seen = new Set<string>();
    for (const step of Object.values(WALK)) {
      const kit = await startPortalKit({ checkoutDelayMs: 0, pki }, validator, seen);
      try {
        await step(kit);
      } finally {
        await kit.sim.stop();
      }
    }
    expect(validator.declared.filter((entry) => !seen.has(entry))).toEqual([]);
  });
});
