import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../../main/license/fingerprint';
import { SEED } from '../../sim/portal';
import { ACME, signedInWith } from './client-fixtures';
import { portalFixtures } from './portal-fixtures';

const fx = portalFixtures();
const signedIn = signedInWith(fx);
const { users, organizations, licenses, plans } = SEED;

describe('portal client: every operation of Portal API v1 against the simulator', () => {
  it('reads the config without a token, and who is signed in', async () => {
    const { sim, world } = await signedIn(users.alice.email);
    const client = world.accounts.client();
    expect(await client.config()).toEqual({
      api_version: '1',
      oidc_issuer: sim.issuer,
      client_id: sim.clientId,
      support_url: `${sim.url}/support`,
    });
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
    expect(members.map((member) => member.email).sort()).toEqual(
      [users.alice.email, users.bob.email, users.frank.email].sort(),
    );
    const promoted = await client.updateMember(ACME, users.bob.id, { role: 'owner' });
    expect(promoted).toMatchObject({ user_id: users.bob.id, role: 'owner' });
    await client.removeMember(ACME, users.frank.id);
    expect((await client.listMembers(ACME)).map((member) => member.user_id)).not.toContain(users.frank.id);
  });

  it('invites, resends and revokes; the invitee previews and accepts with the e-mailed token', async () => {
    const { sim, world } = await signedIn(users.alice.email, users.erin.email);
    const alice = world.accounts.client(users.alice.email);
    const invitation = await alice.createInvitation(ACME, { email: users.erin.email, role: 'member' });
    expect(invitation).toMatchObject({
      email: users.erin.email,
      role: 'member',
      status: 'pending',
      invited_by: { email: users.alice.email },
    });
    expect((await alice.listInvitations(ACME)).map((entry) => entry.id)).toContain(invitation.id);
    const resent = await alice.resendInvitation(ACME, invitation.id);
    expect(resent.id).toBe(invitation.id);

    const mail = sim
      .outbox()
      .filter((message) => message.to === users.erin.email)
      .at(-1);
    const token = new URL(mail?.link ?? '').searchParams.get('token') ?? '';
    const erin = world.accounts.client(users.erin.email);
    expect(await erin.previewInvitation(token)).toMatchObject({
      organization: { id: ACME, name: organizations.acme.name },
      role: 'member',
      email: users.erin.email,
    });
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
    const checkout = await client.createCheckout(ACME, {
      plan: plans.yearlyEur.id,
      name: 'New site',
      install_id: installId,
      internal_users: 10,
      external_users: 100,
    });
    expect(checkout.checkout_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(await client.getLicense(ACME, checkout.license_id)).toMatchObject({
      status: 'pending_payment',
      install_id: installId,
      key: null,
    });
    expect((await client.renewLicense(ACME, licenses.acmeProduction.id)).checkout_url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\//,
    );
  });

  it('reads and edits the billing account, payment methods, invoices (with their PDFs) and payments', async () => {
    const { world } = await signedIn(users.alice.email);
    const client = world.accounts.client();
    const account = await client.getBillingAccount(ACME);
    expect(account.country).toBe('DE');
    expect(await client.updateBillingAccount(ACME, { city: 'Köln', postal_code: '50667' })).toEqual({
      ...account,
      city: 'Köln',
      postal_code: '50667',
    });
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
