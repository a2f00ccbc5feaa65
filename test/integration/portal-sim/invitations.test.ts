import { beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../shared/time/durations';
import { SEED } from '../../sim/portal';
import { freshPortalSimPerTest } from './portal-sim-fixtures';

const { users: U, organizations: O, invitations: I } = SEED;
const acme = `/api/v1/organizations/${O.acme.id}`;
const START = Date.UTC(2026, 4, 6, 12);

describe('invitation e-mails in the outbox', () => {
  const clock = { now: START };
  // Registered before the simulator's own hook, so each simulator is seeded at START.
  beforeEach(() => {
    clock.now = START;
  });
  const kit = freshPortalSimPerTest({ now: () => clock.now, invitationBase: 'aklm://invitations/accept' });

  it('every invitation sends an e-mail whose link holds the token, readable from outbox() and GET /__sim/outbox', async () => {
    const alice = await kit.token(U.alice.email);
    const invited = await kit.call('POST', `${acme}/invitations`, {
      token: alice,
      body: { email: 'judy@partner.test', role: 'owner' },
    });
    expect(invited.body).toMatchObject({
      status: 'pending',
      invited_by: { name: U.alice.name, email: U.alice.email },
      expires_at: '2026-05-13T12:00:00Z',
    });
    const mail = kit.sim.outbox().at(-1);
    expect(mail).toMatchObject({
      to: 'judy@partner.test',
      subject: 'Alice Adams invited you to Acme Corp on the authentik customer portal',
      sent_at: '2026-05-06T12:00:00Z',
    });
    expect(mail?.link).toMatch(/^aklm:\/\/invitations\/accept\?token=[A-Za-z0-9_-]{32}$/);
    expect(mail?.text).toContain(`Accept the invitation: ${mail?.link}`);
    expect(mail?.text).toContain('as an Owner');
    const served = (await (await fetch(`${kit.sim.url}/__sim/outbox`)).json()) as unknown[];
    expect(served).toEqual(kit.sim.outbox());
  });

  it('the seeded invitations are in the outbox too, with the configured link base', async () => {
    const seeded = kit.sim.outbox().find((mail) => mail.to === I.acmeGrace.email);
    expect(seeded?.link).toBe(`aklm://invitations/accept?token=${I.acmeGrace.token}`);
  });

  it('expires 7 days after it was last sent; resending makes it pending again with the same link', async () => {
    const alice = await kit.token(U.alice.email);
    const erin = await kit.token(U.erin.email);
    const { id } = (
      await kit.call('POST', `${acme}/invitations`, { token: alice, body: { email: U.erin.email, role: 'member' } })
    ).body as { id: string };
    const token = new URL(kit.sim.outbox().at(-1)?.link ?? '').searchParams.get('token') ?? '';
    clock.now = START + 7 * DAY_MS;
    expect((await kit.call('GET', `${acme}/invitations`, { token: alice })).body).toContainEqual(
      expect.objectContaining({ id, status: 'expired' }),
    );
    const expired = await kit.call('POST', '/api/v1/invitations/accept', { token: erin, body: { token } });
    expect(expired.status).toBe(409);
    expect(expired.body).toMatchObject({
      error: { code: 'invitation_expired', message: expect.stringContaining('Ask an Owner of Acme Corp') },
    });

    const frank = await kit.token(U.frank.email);
    const resent = await kit.call('POST', `${acme}/invitations/${id}/resend`, { token: frank });
    expect(resent.body).toMatchObject({
      status: 'pending',
      invited_by: { email: U.frank.email },
      last_sent_at: '2026-05-13T12:00:00Z',
    });
    expect(new URL(kit.sim.outbox().at(-1)?.link ?? '').searchParams.get('token')).toBe(token);
    expect((await kit.call('GET', `/api/v1/invitations/preview?token=${token}`, { token: erin })).body).toMatchObject({
      organization: { id: O.acme.id, name: 'Acme Corp' },
      invited_by: { email: U.frank.email },
      email: U.erin.email,
      role: 'member',
    });
    const accepted = await kit.call('POST', '/api/v1/invitations/accept', { token: erin, body: { token } });
    expect(accepted.body).toMatchObject({ id: O.acme.id, role: 'member' });
    expect((await kit.call('GET', `/api/v1/invitations/preview?token=${token}`, { token: erin })).status).toBe(404);
    expect((await kit.call('GET', `${acme}/members`, { token: erin })).body).toContainEqual(
      expect.objectContaining({ user_id: U.erin.id, role: 'member', joined_at: '2026-05-13T12:00:00Z' }),
    );
  });

  it('only a pending invitation conflicts: once it has expired, inviting the address again replaces it with a new link', async () => {
    const alice = await kit.token(U.alice.email);
    const invite = (email: string, role = 'member') =>
      kit.call('POST', `${acme}/invitations`, { token: alice, body: { email, role } });
    const { id } = (await invite('kim@partner.test')).body as { id: string };
    const oldToken = new URL(kit.sim.outbox().at(-1)?.link ?? '').searchParams.get('token') ?? '';

    clock.now = START + 7 * DAY_MS - 1;
    const pending = await invite('KIM@partner.test');
    expect(pending.status).toBe(409);
    expect(pending.body).toMatchObject({
      error: {
        code: 'already_invited',
        message: 'KIM@partner.test already has a pending invitation to Acme Corp. Resend that invitation instead.',
      },
    });

    clock.now = START + 7 * DAY_MS;
    const again = await invite('kim@partner.test', 'owner');
    expect(again.status).toBe(201);
    const renewed = again.body as { id: string; status: string; role: string };
    expect(renewed).toMatchObject({ status: 'pending', role: 'owner' });
    const listed = (await kit.call('GET', `${acme}/invitations`, { token: alice })).body as {
      id: string;
      email: string;
    }[];
    expect(listed.filter((entry) => entry.email.toLowerCase() === 'kim@partner.test').map((entry) => entry.id)).toEqual(
      [renewed.id],
    );
    expect(renewed.id).not.toBe(id);
    const newToken = new URL(kit.sim.outbox().at(-1)?.link ?? '').searchParams.get('token') ?? '';
    expect(newToken).not.toBe(oldToken);
    const erin = await kit.token(U.erin.email);
    expect((await kit.call('GET', `/api/v1/invitations/preview?token=${oldToken}`, { token: erin })).status).toBe(404);
    expect(
      (await kit.call('GET', `/api/v1/invitations/preview?token=${newToken}`, { token: erin })).body,
    ).toMatchObject({ email: 'kim@partner.test', role: 'owner' });

    // The seeded expired invitation (Heidi's) is no conflict either.
    expect((await invite(I.acmeHeidi.email)).status).toBe(201);
  });

  it('after a revocation the address can be invited again', async () => {
    const alice = await kit.token(U.alice.email);
    const invite = () =>
      kit.call('POST', `${acme}/invitations`, { token: alice, body: { email: I.acmeGrace.email, role: 'member' } });
    expect((await invite()).status).toBe(409);
    expect((await kit.call('DELETE', `${acme}/invitations/${I.acmeGrace.id}`, { token: alice })).status).toBe(204);
    const again = await invite();
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ email: I.acmeGrace.email, status: 'pending' });
  });

  it("a revoked invitation's link stops working at once", async () => {
    const alice = await kit.token(U.alice.email);
    expect((await kit.call('DELETE', `${acme}/invitations/${I.acmeGrace.id}`, { token: alice })).status).toBe(204);
    const erin = await kit.token(U.erin.email);
    expect(
      (await kit.call('GET', `/api/v1/invitations/preview?token=${I.acmeGrace.token}`, { token: erin })).status,
    ).toBe(404);
    expect(
      (await kit.call('POST', '/api/v1/invitations/accept', { token: erin, body: { token: I.acmeGrace.token } }))
        .status,
    ).toBe(404);
  });
});

describe('the invitation link page', () => {
  const kit = freshPortalSimPerTest();

  it('shows who invites whom to which organization, and 404 once revoked', async () => {
    const link = kit.sim.outbox().find((mail) => mail.to === I.globexIvan.email)?.link ?? '';
    expect(link).toBe(`${kit.sim.url}/invitations/accept?token=${I.globexIvan.token}`);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('invited ivan@globex.test to join <strong>Globex Inc.</strong> as an Owner');
    await kit.call('DELETE', `/api/v1/organizations/${O.globex.id}/invitations/${I.globexIvan.id}`, {
      token: await kit.token(U.carol.email),
    });
    expect((await fetch(link)).status).toBe(404);
  });
});
