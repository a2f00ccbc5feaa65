import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPortalClient } from '../../../main/portal/portal-client';
import { closedUrl } from '../../net/closed-url';
import { SEED } from '../../sim/portal';
import { ACME, fixedTokens, signedInWith, tokenOf } from './client-fixtures';
import { portalFailure, portalFixtures, requestLog } from './portal-fixtures';

const fx = portalFixtures();
const signedIn = signedInWith(fx);
const { users } = SEED;

describe('portal client: each failure as a PortalError with the right code and words', () => {
  it("forbidden: a Member's Owner-only request is refused with the server's message", async () => {
    const { world } = await signedIn(users.bob.email);
    const error = await portalFailure(
      world.accounts.client().createInvitation(ACME, { email: 'new@partner.test', role: 'member' }),
    );
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
    const error = await portalFailure(
      world.accounts.client().createInvitation(ACME, { email: users.bob.email, role: 'member' }),
    );
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
    const error = await portalFailure(
      world.accounts.client().createInvitation(ACME, { email: 'not-an-address', role: 'member' }),
    );
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
    const error = await portalFailure(
      world.accounts.client().createInvitation(ACME, { email: 'not-an-address', role: 'member' }),
    );
    expect(error.code).toBe('validation');
    expect(error.status).toBe(422);
    expect(error.fields).toEqual({ email: expect.stringContaining('An e-mail address has an @') });
    expect(requestLog(sim, from)).toEqual([`POST /api/v1/organizations/${ACME}/invitations 422`]);
  });

  it('never repeats the invitation token a server message echoes, when previewing or accepting', async () => {
    const { sim, world } = await signedIn(users.erin.email);
    const token = 'inv-echoed-4f1c9a7e2b6d8035';
    sim.fault({
      path: '/api/v1/invitations/preview',
      status: 404,
      error: { code: 'not_found', message: `There is no invitation with the token ${token}.` },
    });
    sim.fault({
      path: '/api/v1/invitations/accept',
      status: 422,
      error: {
        code: 'validation_failed',
        message: `Token ${token} is not valid.`,
        fields: { token: `${token} has expired` },
      },
    });
    const client = world.accounts.client();

    const preview = await portalFailure(client.previewInvitation(token));
    expect(preview.code).toBe('not_found');
    expect(preview.message).toBe('There is no invitation with the token [redacted].');
    const accept = await portalFailure(client.acceptInvitation(token));
    expect(accept.code).toBe('validation');
    expect(accept.message).toBe('Token [redacted] is not valid.');
    expect(accept.fields).toEqual({ token: '[redacted] has expired' });
    expect(requestLog(sim).slice(-2)).toEqual([
      'GET /api/v1/invitations/preview 404',
      'POST /api/v1/invitations/accept 422',
    ]);
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

    const site = await fx.site((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ user_id: 42 })),
    );
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
    const site = await fx.site((_request, response) =>
      response.writeHead(307, { location: `${elsewhere}/api/v1/plans` }).end(),
    );
    const client = createPortalClient({ baseUrl: site, tokens: fixedTokens('secret-bearer') });
    const error = await portalFailure(client.listPlans());
    expect(error.code).toBe('unexpected_response');
    expect(seenAuthorization).toBe('not called');
  });
});
