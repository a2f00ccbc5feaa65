import { expect } from 'vitest';
import { SEED } from '../../sim/portal';
import { pressAddCard, pressPay, type PortalKit } from './portal-sim-fixtures';

// The contract walk's journeys: organizations, members, invitations, licenses and billing end to end.

const { users: U, organizations: O, plans: P } = SEED;
const acme = `/api/v1/organizations/${O.acme.id}`;
const INSTALL_ID = '7f3e2d1c-0b9a-4876-a543-210fedcba987';

export const JOURNEYS: Record<string, (kit: PortalKit) => Promise<void>> = {
  'walks organizations, members and invitations end to end': async (kit) => {
    const config = await kit.call('GET', '/api/v1/config');
    expect(config.body).toEqual({
      api_version: '1',
      oidc_issuer: kit.sim.issuer,
      client_id: kit.sim.clientId,
      support_url: `${kit.sim.url}/support`,
    });
    const alice = await kit.token(U.alice.email);
    const erin = await kit.token(U.erin.email);
    expect((await kit.call('GET', '/api/v1/me', { token: alice })).body).toEqual({
      user_id: U.alice.id,
      email: U.alice.email,
      name: U.alice.name,
    });
    expect(
      ((await kit.call('GET', '/api/v1/organizations', { token: alice })).body as { name: string }[]).map(
        (org) => org.name,
      ),
    ).toEqual(['Acme Corp', 'Globex Inc.']);
    expect((await kit.call('GET', '/api/v1/organizations', { token: erin })).body).toEqual([]);

    const created = await kit.call('POST', '/api/v1/organizations', {
      token: erin,
      body: { name: 'Hooli', notification_email: 'ops@hooli.test' },
    });
    expect(created.status).toBe(201);
    const hooli = created.body as { id: string; role: string };
    expect(hooli.role).toBe('owner');
    const org = `/api/v1/organizations/${hooli.id}`;
    expect((await kit.call('PATCH', org, { token: erin, body: { name: 'Hooli XYZ' } })).body).toMatchObject({
      name: 'Hooli XYZ',
    });
    expect((await kit.call('GET', org, { token: erin })).body).toMatchObject({
      name: 'Hooli XYZ',
      notification_email: 'ops@hooli.test',
    });

    const invited = await kit.call('POST', `${org}/invitations`, {
      token: erin,
      body: { email: 'Alice@Acme.test', role: 'member' },
    });
    expect(invited.status).toBe(201);
    const invitation = invited.body as { id: string };
    expect(
      ((await kit.call('GET', `${org}/invitations`, { token: erin })).body as { id: string }[]).map(
        (entry) => entry.id,
      ),
    ).toEqual([invitation.id]);
    expect((await kit.call('POST', `${org}/invitations/${invitation.id}/resend`, { token: erin })).status).toBe(200);
    const mails = kit.sim.outbox().filter((mail) => mail.to === 'Alice@Acme.test');
    expect(mails).toHaveLength(2);
    const invitationToken = new URL(mails[1]?.link ?? '').searchParams.get('token') ?? '';
    const preview = await kit.call('GET', `/api/v1/invitations/preview?token=${encodeURIComponent(invitationToken)}`, {
      token: alice,
    });
    expect(preview.body).toMatchObject({
      organization: { id: hooli.id, name: 'Hooli XYZ' },
      invited_by: { name: U.erin.name },
      role: 'member',
    });
    const accepted = await kit.call('POST', '/api/v1/invitations/accept', {
      token: alice,
      body: { token: invitationToken },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: hooli.id, role: 'member' });

    const members = (await kit.call('GET', `${org}/members`, { token: alice })).body as { user_id: string }[];
    expect(members.map((member) => member.user_id)).toEqual([U.erin.id, U.alice.id]);
    expect(
      (await kit.call('PATCH', `${org}/members/${U.alice.id}`, { token: erin, body: { role: 'owner' } })).body,
    ).toMatchObject({ role: 'owner' });
    expect((await kit.call('DELETE', `${org}/members/${U.alice.id}`, { token: erin })).status).toBe(204);

    const other = (
      await kit.call('POST', `${org}/invitations`, { token: erin, body: { email: 'zed@example.test', role: 'owner' } })
    ).body as { id: string };
    expect((await kit.call('DELETE', `${org}/invitations/${other.id}`, { token: erin })).status).toBe(204);
    expect((await kit.call('GET', `${org}/invitations`, { token: erin })).body).toEqual([]);
  },
  'walks licenses and billing end to end: order, pay, rename, renew, billing account, payment method, invoices, payments':
    async (kit) => {
      const alice = await kit.token(U.alice.email);
      const plans = (await kit.call('GET', '/api/v1/plans', { token: alice })).body as {
        id: string;
        price_per_internal_user: number;
      }[];
      expect(plans.map((plan) => plan.id).sort()).toEqual(
        Object.values(P)
          .map((plan) => plan.id)
          .sort(),
      );
      expect(plans.map((plan) => plan.price_per_internal_user)).toEqual(
        [...plans.map((plan) => plan.price_per_internal_user)].sort((a, b) => a - b),
      );

      const ordered = await kit.call('POST', `${acme}/checkout`, {
        token: alice,
        body: {
          plan: P.monthlyEur.id,
          name: 'Walk',
          install_id: INSTALL_ID.toUpperCase(),
          internal_users: 3,
          external_users: 7,
        },
      });
      expect(ordered.status).toBe(201);
      const { checkout_url: checkoutUrl, license_id: licenseId } = ordered.body as {
        checkout_url: string;
        license_id: string;
      };
      const pending = await kit.call('GET', `${acme}/licenses/${licenseId}`, { token: alice });
      expect(pending.body).toMatchObject({
        status: 'pending_payment',
        key: null,
        key_fingerprint: null,
        expires_at: null,
        install_id: INSTALL_ID,
      });
      expect(await pressPay(checkoutUrl)).toBe(303);
      const active = await kit.call('GET', `${acme}/licenses/${licenseId}`, { token: alice });
      expect(active.body).toMatchObject({
        status: 'active',
        internal_users: 3,
        external_users: 7,
        key: expect.any(String),
        previous_key_fingerprint: null,
      });
      const firstKey = (active.body as { key_fingerprint: string }).key_fingerprint;
      expect(
        (
          await kit.call('PATCH', `${acme}/licenses/${licenseId}`, {
            token: alice,
            body: { nickname: 'Walk (renamed)' },
          })
        ).body,
      ).toMatchObject({ nickname: 'Walk (renamed)' });
      const listed = (await kit.call('GET', `${acme}/licenses`, { token: alice })).body as { id: string }[];
      expect(listed[0]?.id).toBe(licenseId);
      const renewal = await kit.call('POST', `${acme}/licenses/${licenseId}/renew`, { token: alice });
      expect(renewal.status).toBe(201);
      expect(await pressPay((renewal.body as { checkout_url: string }).checkout_url)).toBe(303);
      // Renewed: a new key, and the fingerprint of the one it replaces, in the list and with the key.
      const renewed = (
        (await kit.call('GET', `${acme}/licenses`, { token: alice })).body as {
          id: string;
          key_fingerprint: string;
          previous_key_fingerprint: string | null;
        }[]
      ).find((entry) => entry.id === licenseId);
      expect(renewed?.previous_key_fingerprint).toBe(firstKey);
      expect(renewed?.key_fingerprint).not.toBe(firstKey);
      expect((await kit.call('GET', `${acme}/licenses/${licenseId}`, { token: alice })).body).toMatchObject({
        previous_key_fingerprint: firstKey,
      });

      const initech = `/api/v1/organizations/${O.initech.id}`;
      const dave = await kit.token(U.dave.email);
      expect((await kit.call('GET', `${initech}/billing/account`, { token: dave })).body).toEqual({
        name: null,
        address_line1: null,
        address_line2: null,
        city: null,
        postal_code: null,
        region: null,
        country: null,
        phone: null,
        tax_id: null,
      });
      const edited = await kit.call('PATCH', `${initech}/billing/account`, {
        token: dave,
        body: { name: 'Initech LLC', country: 'US', postal_code: '78701', region: 'TX', phone: '+15125550100' },
      });
      expect(edited.body).toMatchObject({ name: 'Initech LLC', country: 'US' });
      expect((await kit.call('GET', `${initech}/billing/payment-methods`, { token: dave })).body).toEqual([]);
      const setup = await kit.call('POST', `${initech}/billing/payment-methods/setup`, { token: dave });
      expect(setup.status).toBe(201);
      expect(await pressAddCard((setup.body as { setup_url: string }).setup_url, '5555 5555 5555 4444')).toBe(303);
      expect((await kit.call('GET', `${initech}/billing/payment-methods`, { token: dave })).body).toEqual([
        expect.objectContaining({
          type: 'card',
          brand: 'mastercard',
          last4: '4444',
          exp_month: 7,
          exp_year: 2099,
          is_default: true,
        }),
      ]);

      const invoices = (await kit.call('GET', `${acme}/billing/invoices`, { token: alice })).body as {
        id: string;
        amount: number;
        status: string;
        pdf_url: string;
      }[];
      expect(invoices[0]).toMatchObject({ amount: 3 * 500 + 7 * 2, status: 'paid' });
      const pdfPath = new URL(invoices[0]?.pdf_url ?? '').pathname;
      expect((await kit.call('GET', pdfPath, { token: alice })).contentType).toBe('application/pdf');
      const payments = (await kit.call('GET', `${acme}/billing/payments`, { token: alice })).body as {
        invoice_id: string;
        status: string;
      }[];
      expect(payments[0]).toMatchObject({ invoice_id: invoices[0]?.id, status: 'succeeded' });
    },
};
