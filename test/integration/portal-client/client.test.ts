import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../../main/license/fingerprint';
import type { AccessTokenSource } from '../../../main/portal/account-session';
import { createPortalClient } from '../../../main/portal/portal-client';
import { closedUrl } from '../../net/closed-url';
import { SEED, type PortalSim } from '../../sim/portal';
import { portalFailure, portalFixtures, requestLog, storedTokens, type PortalWorld } from './portal-fixtures';

const fx = portalFixtures();
const { users, organizations, licenses, plans } = SEED;
const ACME = organizations.acme.id;

/** A simulator and a world with these users signed in; the first one is the most recent. */
async function signedIn(...emails: string[]): Promise<{ sim: PortalSim; world: PortalWorld }> {
  const sim = await fx.sim();
  const world = await fx.world();
  for (const email of [...emails].reverse()) {
    world.browser.play = { email };
    await world.accounts.signIn(sim.url);
  }
  return { sim, world };
}

/** A token source for a site that is not (quite) a portal: one token, never refreshed. */
function fixedTokens(accessToken: string): AccessTokenSource {
  return { current: async () => ({ accessToken, refreshed: false }), renew: async () => accessToken };
}

function tokenOf(world: PortalWorld, email: string): string {
  return storedTokens(world, world.accounts.resolve(email).id)?.access_token ?? '';
}

describe('portal client: every operation of Portal API v1 against the simulator', () => {
  it('reads the config without a token, and who is signed in', async () => {
    const { sim, world } = await signedIn(users.alice.email);
    const client = world.accounts.client();
    expect(await client.config()).toEqual({ api_version: '1', oidc_issuer: sim.issuer, client_id: sim.clientId, support_url: `${sim.url}/support` });
    expect(await client.me()).toEqual({ user_id: users.alice.id, email: users.alice.email, name: users.alice.name });
  });

  it('creates, reads, lists and edits organizations', async () => {
    const { world } = await signedIn(users.erin.email);
    const client = world.accounts.client();
    expect(await client.listOrganizations()).toEqual([]);
    const created = await client.createOrganization({ name: 'Erin Labs', notification_email: 'billing@erin.test' });
    expect(created).toMatchObject({ name: 'Erin Labs', notification_email: 'billing@erin.test', role: 'owner' });
    expect(await client.getOrganization(created.id)).toEqual(created);
    const renamed = await client.updateOrganization(created.id, { name: 'Erin Laboratories' });
    expect(renamed).toEqual({ ...created, name: 'Erin Laboratories' });
    expect(await client.listOrganizations()).toEqual([renamed]);
  });

  it('lists members, changes a role and removes a member', async () => {
    const { world } = await signedIn(users.alice.email);
    const client = world.accounts.client();
    const members = await client.listMembers(ACME);
    expect(members.map((member) => member.email).sort()).toEqual([users.alice.email, users.bob.email, users.frank.email].sort());
    const promoted = await client.updateMember(ACME, users.bob.id, { role: 'owner' });
    expect(promoted).toMatchObject({ user_id: users.bob.id, role: 'owner' });
    await client.removeMember(ACME, users.frank.id);
    expect((await client.listMembers(ACME)).map((member) => member.user_id)).not.toContain(users.frank.id);
  });

  it('invites, resends and revokes; the invitee previews and accepts with the e-mailed token', async () => {
    const { sim, world } = await signedIn(users.alice.email, users.erin.email);
    const alice = world.accounts.client(users.alice.email);
    const invitation = await alice.createInvitation(ACME, { email: users.erin.email, role: 'member' });
    expect(invitation).toMatchObject({ email: users.erin.email, role: 'member', status: 'pending', invited_by: { email: users.alice.email } });
    expect((await alice.listInvitations(ACME)).map((entry) => entry.id)).toContain(invitation.id);
    const resent = await alice.resendInvitation(ACME, invitation.id);
    expect(resent.id).toBe(invitation.id);

    const mail = sim.outbox().filter((message) => message.to === users.erin.email).at(-1);
    const token = new URL(mail?.link ?? '').searchParams.get('token') ?? '';
    const erin = world.accounts.client(users.erin.email);
    expect(await erin.previewInvitation(token)).toMatchObject({ organization: { id: ACME, name: organizations.acme.name }, role: 'member', email: users.erin.email });
    expect(await erin.acceptInvitation(token)).toMatchObject({ id: ACME, role: 'member' });
    expect((await erin.listOrganizations()).map((organization) => organization.id)).toEqual([ACME]);

    const other = await alice.createInvitation(ACME, { email: 'someone@partner.test', role: 'owner' });
    await alice.revokeInvitation(ACME, other.id);
    expect((await alice.listInvitations(ACME)).map((entry) => entry.id)).not.toContain(other.id);
  });

  it('lists plans and licenses, reads a key (matching its fingerprint), renames, orders and renews', async () => {
    const { world } = await signedIn(users.alice.email);
    const client = world.accounts.client();
    expect((await client.listPlans()).map((plan) => plan.id)).toContain(plans.yearlyEur.id);

    const listed = await client.listLicenses(ACME);
    expect(new Set(listed.map((license) => license.status))).toEqual(new Set(['active', 'expired', 'pending_payment']));
    expect(JSON.stringify(listed)).not.toContain('"key"');
    const production = await client.getLicense(ACME, licenses.acmeProduction.id);
    expect(production.key).toEqual(expect.any(String));
    expect(keyFingerprint(production.key ?? '')).toBe(production.key_fingerprint);

    const renamed = await client.updateLicense(ACME, licenses.acmeProduction.id, { nickname: 'Production EU' });
    expect(renamed).toMatchObject({ id: licenses.acmeProduction.id, nickname: 'Production EU' });
    expect(renamed).not.toHaveProperty('key');

    const installId = randomUUID();
    const checkout = await client.createCheckout(ACME, { plan: plans.yearlyEur.id, name: 'New site', install_id: installId, internal_users: 10, external_users: 100 });
    expect(checkout.checkout_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(await client.getLicense(ACME, checkout.license_id)).toMatchObject({ status: 'pending_payment', install_id: installId, key: null });
    expect((await client.renewLicense(ACME, licenses.acmeProduction.id)).checkout_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('reads and edits the billing account, payment methods, invoices (with their PDFs) and payments', async () => {
    const { world } = await signedIn(users.alice.email);
    const client = world.accounts.client();
    const account = await client.getBillingAccount(ACME);
    expect(account.country).toBe('DE');
    expect(await client.updateBillingAccount(ACME, { city: 'Köln', postal_code: '50667' })).toEqual({ ...account, city: 'Köln', postal_code: '50667' });
    expect((await client.listPaymentMethods(ACME)).length).toBeGreaterThan(0);
    expect((await client.setupPaymentMethod(ACME)).setup_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const invoices = await client.listInvoices(ACME);
    const [first] = invoices;
    expect(first).toBeDefined();
    const pdf = await client.getInvoicePdf(ACME, first?.id ?? '');
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect((await client.listPayments(ACME)).length).toBeGreaterThan(0);
  });
});

describe('portal client: each failure as a PortalError with the right code and words', () => {
  it("forbidden: a Member's Owner-only request is refused with the server's message", async () => {
    const { world } = await signedIn(users.bob.email);
    const error = await portalFailure(world.accounts.client().createInvitation(ACME, { email: 'new@partner.test', role: 'member' }));
    expect(error.code).toBe('forbidden');
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/Owner/);
    expect(error.message).not.toContain(tokenOf(world, users.bob.email));
  });

  it('not_found: an organization the caller is not in, or that does not exist', async () => {
    const { world } = await signedIn(users.dave.email);
    const client = world.accounts.client();
    expect((await portalFailure(client.getOrganization(ACME))).code).toBe('not_found');
    expect((await portalFailure(client.listLicenses(randomUUID()))).code).toBe('not_found');
  });

  it('not_found without a request for an id that is not one (`..` would climb the path)', async () => {
    const { sim, world } = await signedIn(users.alice.email);
    const from = sim.requests.length;
    const error = await portalFailure(world.accounts.client().getLicense(ACME, '..'));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('".." is not an id of the portal');
    expect(requestLog(sim, from)).toEqual([]);
  });

  it("conflict: inviting someone who already is a member, with the server's message", async () => {
    const { world } = await signedIn(users.alice.email);
    const error = await portalFailure(world.accounts.client().createInvitation(ACME, { email: users.bob.email, role: 'member' }));
    expect(error.code).toBe('conflict');
    expect(error.status).toBe(409);
    expect(error.message).toContain(users.bob.email);
  });

  it("validation: the portal's 422 with a message per field, and nothing changed", async () => {
    const { world } = await signedIn(users.alice.email);
    const client = world.accounts.client();
    const before = await client.getBillingAccount(ACME);
    const error = await portalFailure(client.updateBillingAccount(ACME, { postal_code: '1234' }));
    expect(error.code).toBe('validation');
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields)).toEqual(['postal_code']);
    expect(await client.getBillingAccount(ACME)).toEqual(before);
  });

  it('validation before sending: a request that breaks the contract never leaves this computer', async () => {
    const { sim, world } = await signedIn(users.alice.email);
    const from = sim.requests.length;
    const error = await portalFailure(world.accounts.client().createInvitation(ACME, { email: 'not-an-address', role: 'member' }));
    expect(error.code).toBe('validation');
    expect(error.status).toBeUndefined();
    expect(Object.keys(error.fields)).toEqual(['email']);
    expect(error.message).toMatch(/^Nothing was sent to the portal/);
    expect(requestLog(sim, from)).toEqual([]);
  });

  it('with checkRequests false (the CLI) the portal judges the value: its 422 and field message come back', async () => {
    const sim = await fx.sim();
    const world = await fx.world({ checkRequests: false }, { email: users.alice.email });
    await world.accounts.signIn(sim.url);
    const from = sim.requests.length;
    const error = await portalFailure(world.accounts.client().createInvitation(ACME, { email: 'not-an-address', role: 'member' }));
    expect(error.code).toBe('validation');
    expect(error.status).toBe(422);
    expect(error.fields).toEqual({ email: expect.stringContaining('An e-mail address has an @') });
    expect(requestLog(sim, from)).toEqual([`POST /api/v1/organizations/${ACME}/invitations 422`]);
  });

  it('never repeats the invitation token a server message echoes, when previewing or accepting', async () => {
    const { sim, world } = await signedIn(users.erin.email);
    const token = 'inv-echoed-4f1c9a7e2b6d8035';
    sim.fault({ path: '/api/v1/invitations/preview', status: 404, error: { code: 'not_found', message: `There is no invitation with the token ${token}.` } });
    sim.fault({ path: '/api/v1/invitations/accept', status: 422, error: { code: 'validation_failed', message: `Token ${token} is not valid.`, fields: { token: `${token} has expired` } } });
    const client = world.accounts.client();

    const preview = await portalFailure(client.previewInvitation(token));
    expect(preview.code).toBe('not_found');
    expect(preview.message).toBe('There is no invitation with the token [redacted].');
    const accept = await portalFailure(client.acceptInvitation(token));
    expect(accept.code).toBe('validation');
    expect(accept.message).toBe('Token [redacted] is not valid.');
    expect(accept.fields).toEqual({ token: '[redacted] has expired' });
    expect(requestLog(sim).slice(-2)).toEqual(['GET /api/v1/invitations/preview 404', 'POST /api/v1/invitations/accept 422']);
  });

  it('unreachable: nothing listens there, or the connection drops', async () => {
    const baseUrl = await closedUrl();
    const client = createPortalClient({ baseUrl, tokens: fixedTokens('token-that-must-not-leak') });
    const refused = await portalFailure(client.listPlans());
    expect(refused.code).toBe('unreachable');
    expect(refused.message).toContain(new URL(baseUrl).host);
    expect(refused.message).not.toContain('token-that-must-not-leak');

    const { sim, world } = await signedIn(users.alice.email);
    sim.fault({ path: '/api/v1/plans', kind: 'drop' });
    expect((await portalFailure(world.accounts.client().listPlans())).code).toBe('unreachable');
  });

  it('unexpected_response: a server error, or an answer that does not follow the contract', async () => {
    const { sim, world } = await signedIn(users.alice.email);
    sim.fault({ path: '/api/v1/plans', status: 500 });
    const failed = await portalFailure(world.accounts.client().listPlans());
    expect(failed.code).toBe('unexpected_response');
    expect(failed.message).toContain('GET /api/v1/plans with HTTP 500');

    const site = await fx.site((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ user_id: 42 })));
    const odd = createPortalClient({ baseUrl: site, tokens: fixedTokens('t') });
    const malformed = await portalFailure(odd.me());
    expect(malformed.code).toBe('unexpected_response');
    expect(malformed.message).toContain('does not follow Portal API v1');
  });

  it('not_a_portal: the config answers 404', async () => {
    const site = await fx.site((_request, response) => response.writeHead(404).end());
    const client = createPortalClient({ baseUrl: site, tokens: fixedTokens('t') });
    const error = await portalFailure(client.config());
    expect(error.code).toBe('not_a_portal');
    expect(error.webUrl).toBe(site);
  });

  it('never sends the bearer token anywhere but the portal: redirects are not followed', async () => {
    let seenAuthorization: string | undefined = 'not called';
    const elsewhere = await fx.site((request, response) => {
      seenAuthorization = request.headers.authorization;
      response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    const site = await fx.site((_request, response) => response.writeHead(307, { location: `${elsewhere}/api/v1/plans` }).end());
    const client = createPortalClient({ baseUrl: site, tokens: fixedTokens('secret-bearer') });
    const error = await portalFailure(client.listPlans());
    expect(error.code).toBe('unexpected_response');
    expect(seenAuthorization).toBe('not called');
  });
});
