import { describe, expect, it } from 'vitest';
import { SEED } from '../../sim/portal';
import { OWNER_ACTIONS } from './owner-actions';
import { freshPortalSimPerTest } from './portal-sim-fixtures';

const { users: U, organizations: O, licenses: L, invitations: I } = SEED;
const acme = `/api/v1/organizations/${O.acme.id}`;

describe('Owner-only actions (product guide: Owners add and remove members, order and renew, edit the organization)', () => {
  const kit = freshPortalSimPerTest();

  it.each(OWNER_ACTIONS)(
    'a Member cannot $action: 403 owner_required and nothing changes; an Owner can',
    async ({ method, path, body, ownerStatus }) => {
      const before = JSON.stringify(kit.sim.state.data);
      const refused = await kit.call(method, path, { token: await kit.token(U.bob.email), body });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'owner_required' } });
      expect((refused.body as { error: { message: string } }).error.message).toContain('Only an Owner of Acme Corp');
      expect(JSON.stringify(kit.sim.state.data)).toBe(before);

      const done = await kit.call(method, path, { token: await kit.token(U.alice.email), body });
      expect(done.status).toBe(ownerStatus);
    },
  );
});

describe('what a Member may read (product guide: Members view licenses, including the key)', () => {
  const kit = freshPortalSimPerTest();

  it('reads the organization, its members and pending invitations', async () => {
    const token = await kit.token(U.bob.email);
    expect((await kit.call('GET', acme, { token })).body).toMatchObject({ id: O.acme.id, role: 'member' });
    const members = (await kit.call('GET', `${acme}/members`, { token })).body as { email: string; role: string }[];
    expect(members.map((member) => [member.email, member.role])).toEqual([
      [U.alice.email, 'owner'],
      [U.frank.email, 'owner'],
      [U.bob.email, 'member'],
    ]);
    const invitations = (await kit.call('GET', `${acme}/invitations`, { token })).body as {
      email: string;
      status: string;
    }[];
    expect(invitations.map((invitation) => [invitation.email, invitation.status])).toEqual([
      [I.acmeGrace.email, 'pending'],
      [I.acmeHeidi.email, 'expired'],
    ]);
  });

  it('lists licenses without keys and reads each license with its key', async () => {
    const token = await kit.token(U.bob.email);
    const list = (await kit.call('GET', `${acme}/licenses`, { token })).body as Record<string, unknown>[];
    expect(list.every((license) => !('key' in license))).toBe(true);
    const production = await kit.call('GET', `${acme}/licenses/${L.acmeProduction.id}`, { token });
    expect(production.status).toBe(200);
    expect((production.body as { key: string }).key.split('.')).toHaveLength(3);
  });

  it('reads the billing account, payment methods, invoices with their PDFs, and payments', async () => {
    const token = await kit.token(U.bob.email);
    expect((await kit.call('GET', `${acme}/billing/account`, { token })).body).toMatchObject({
      country: 'DE',
      tax_id: 'DE123456789',
    });
    expect((await kit.call('GET', `${acme}/billing/payment-methods`, { token })).status).toBe(200);
    const invoices = (await kit.call('GET', `${acme}/billing/invoices`, { token })).body as { id: string }[];
    expect(invoices.length).toBeGreaterThan(0);
    const pdf = await kit.call('GET', `${acme}/billing/invoices/${invoices[0]?.id}/pdf`, { token });
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe('application/pdf');
    expect((await kit.call('GET', `${acme}/billing/payments`, { token })).status).toBe(200);
  });

  it('sees nothing of an organization it does not belong to: 404, as if it did not exist', async () => {
    const token = await kit.token(U.dave.email);
    for (const path of [
      acme,
      `${acme}/members`,
      `${acme}/invitations`,
      `${acme}/licenses`,
      `${acme}/licenses/${L.acmeProduction.id}`,
      `${acme}/billing/invoices`,
    ]) {
      const answer = await kit.call('GET', path, { token });
      expect(answer.status, path).toBe(404);
      expect(answer.body).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});

describe('the last Owner stays', () => {
  const kit = freshPortalSimPerTest();
  const initech = `/api/v1/organizations/${O.initech.id}`;

  it('an only Owner can neither remove nor demote themselves: 409 last_owner', async () => {
    const token = await kit.token(U.dave.email);
    const removed = await kit.call('DELETE', `${initech}/members/${U.dave.id}`, { token });
    expect(removed.status).toBe(409);
    expect(removed.body).toMatchObject({ error: { code: 'last_owner' } });
    const demoted = await kit.call('PATCH', `${initech}/members/${U.dave.id}`, { token, body: { role: 'member' } });
    expect(demoted.status).toBe(409);
    expect(demoted.body).toMatchObject({ error: { code: 'last_owner' } });
    const members = (await kit.call('GET', `${initech}/members`, { token })).body;
    expect(members).toEqual([expect.objectContaining({ user_id: U.dave.id, role: 'owner' })]);
  });

  it('with two Owners one may go; the remaining one is then the last Owner', async () => {
    const token = await kit.token(U.alice.email);
    expect((await kit.call('PATCH', `${acme}/members/${U.frank.id}`, { token, body: { role: 'member' } })).status).toBe(
      200,
    );
    expect((await kit.call('PATCH', `${acme}/members/${U.alice.id}`, { token, body: { role: 'member' } })).status).toBe(
      409,
    );
    expect((await kit.call('DELETE', `${acme}/members/${U.alice.id}`, { token })).status).toBe(409);
    expect((await kit.call('PATCH', `${acme}/members/${U.bob.id}`, { token, body: { role: 'owner' } })).status).toBe(
      200,
    );
    expect((await kit.call('DELETE', `${acme}/members/${U.alice.id}`, { token })).status).toBe(204);
    expect((await kit.call('GET', acme, { token })).status).toBe(404);
  });
});
