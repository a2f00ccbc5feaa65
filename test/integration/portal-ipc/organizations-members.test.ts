import { describe, expect, it } from 'vitest';
import { SEED } from '../../sim/portal';
import { portalIpcFixtures, type PortalApp } from './portal-ipc-fixtures';

const fx = portalIpcFixtures();
const { alice: ALICE, bob: BOB, dave: DAVE, erin: ERIN } = SEED.users;
const { acme: ACME, initech: INITECH } = SEED.organizations;
const NEWCOMER = { email: 'newcomer@example.test', name: 'Nia Newcomer' };

describe('organizations over IPC', () => {
  it('creates a first organization for someone in none, with them as its Owner', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(ERIN.email);
    expect((await app.ok('portal:list-organizations', {})).organizations).toEqual([]);

    const { organization } = await app.ok('portal:create-organization', {
      name: 'Evans Consulting',
      notification_email: 'billing@evans.test',
    });
    expect(organization).toMatchObject({
      name: 'Evans Consulting',
      notification_email: 'billing@evans.test',
      role: 'owner',
    });
    expect((await app.ok('portal:list-organizations', {})).organizations.map(({ name }) => name)).toEqual([
      'Evans Consulting',
    ]);
    expect((await app.ok('portal:get-organization', { org: organization.id })).organization).toEqual(organization);
    expect(app.events.filter((event) => event === 'portal:did-change')).toHaveLength(2);
  });

  it("refuses a Member who edits the organization, with the portal's reason in words, and changes nothing", async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(BOB.email);
    const failure = await app.failure('portal:update-organization', { org: ACME.id, change: { name: 'Bob Corp' } });
    expect(failure).toEqual({
      code: 'forbidden',
      message: 'Only an Owner of Acme Corp can edit the organization. Ask an Owner to do it, or to make you an Owner.',
    });
    expect((await app.ok('portal:get-organization', { org: ACME.id })).organization.name).toBe('Acme Corp');
  });

  it('opens the support center (where deleting an organization is a ticket) in the browser', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(ALICE.email);
    expect(await app.ok('portal:open-support', {})).toEqual({ url: `${sim.url}/support` });
    expect(app.browser.opened.at(-1)).toBe(`${sim.url}/support`);
  });
});

describe('members and invitations over IPC', () => {
  it("changes a member's role, and protects the last Owner with a conflict in words", async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(ALICE.email);
    const { member } = await app.ok('portal:update-member', { org: ACME.id, user: BOB.id, change: { role: 'owner' } });
    expect(member).toMatchObject({ user_id: BOB.id, role: 'owner' });

    await app.signIn(DAVE.email);
    const failure = await app.failure('portal:update-member', {
      org: INITECH.id,
      user: DAVE.id,
      change: { role: 'member' },
    });
    expect(failure.code).toBe('conflict');
    expect(failure.message).toBe(
      'Initech must keep at least one Owner, so its last Owner cannot be made a Member. Make another member an Owner first.',
    );
    expect(
      (await app.ok('portal:list-members', { org: INITECH.id })).members.map(({ email, role }) => [email, role]),
    ).toEqual([[DAVE.email, 'owner']]);
  });

  it('removes a member', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(ALICE.email);
    expect(await app.ok('portal:remove-member', { org: ACME.id, user: BOB.id })).toEqual({});
    expect((await app.ok('portal:list-members', { org: ACME.id })).members.map(({ email }) => email)).not.toContain(
      BOB.email,
    );
  });

  it('invites by e-mail (the mail lands in the outbox); the invitee sees who invites them where, and joins only on accepting', async () => {
    const sim = await fx.portal({ users: [NEWCOMER] });
    const app = await fx.app(sim.url);
    await app.signIn(ALICE.email);
    const { invitation } = await app.ok('portal:create-invitation', {
      org: ACME.id,
      invitation: { email: NEWCOMER.email, role: 'member' },
    });
    expect(invitation).toMatchObject({
      email: NEWCOMER.email,
      role: 'member',
      status: 'pending',
      invited_by: { name: ALICE.name, email: ALICE.email },
    });
    expect((await app.ok('portal:list-members', { org: ACME.id })).invitations.map(({ email }) => email)).toContain(
      NEWCOMER.email,
    );
    const mail = sim.outbox().find((entry) => entry.to === NEWCOMER.email);
    expect(mail?.link).toMatch(new RegExp(`^${sim.url}/invitations/accept\\?token=`));
    const link = mail?.link ?? '';
    const token = new URL(link).searchParams.get('token') ?? '';

    await app.signIn(NEWCOMER.email);
    const preview = await app.ok('portal:preview-invitation', { link: `  ${link}\n` });
    expect(preview.preview).toMatchObject({
      organization: { id: ACME.id, name: 'Acme Corp' },
      invited_by: { name: ALICE.name, email: ALICE.email },
      email: NEWCOMER.email,
      role: 'member',
    });
    expect(preview.account).toMatchObject({ email: NEWCOMER.email, active: true });
    expect(JSON.stringify(preview)).not.toContain(token);
    // The app's deep link and the bare token read the same invitation.
    expect(
      (await app.ok('portal:preview-invitation', { link: `authentik-license-manager://invitation?token=${token}` }))
        .preview,
    ).toEqual(preview.preview);
    expect((await app.ok('portal:preview-invitation', { link: token })).preview).toEqual(preview.preview);
    // Previewing joined nothing.
    expect((await app.ok('portal:list-organizations', {})).organizations).toEqual([]);

    const { organization } = await app.ok('portal:accept-invitation', { link, accountId: preview.account.id });
    expect(organization).toMatchObject({ id: ACME.id, name: 'Acme Corp', role: 'member' });
    expect(
      (await app.ok('portal:list-organizations', {})).organizations.map(({ name, role }) => `${name} (${role})`),
    ).toEqual(['Acme Corp (member)']);
    expect(await app.failure('portal:preview-invitation', { link })).toMatchObject({ code: 'not_found' });
  });

  const activeEmail = async (app: PortalApp) =>
    (await app.ok('portal:list-accounts', {})).accounts.find((account) => account.active)?.email;

  it('reads an invitation as the signed-in account it was sent to, switching no account; accepting as that account makes it the active one', async () => {
    const sim = await fx.portal({ users: [NEWCOMER] });
    const other = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(ALICE.email);
    await app.ok('portal:create-invitation', { org: ACME.id, invitation: { email: NEWCOMER.email, role: 'owner' } });
    const link = sim.outbox().find((entry) => entry.to === NEWCOMER.email)?.link ?? '';
    await app.signIn(NEWCOMER.email);
    await app.signIn(BOB.email);
    await app.signIn(ERIN.email, other.url);

    // Active: Erin at another portal. The link is read at its own portal, as the newcomer it was sent to
    // (not Bob, the account used there most recently), and nobody becomes the active account.
    const { account, preview } = await app.ok('portal:preview-invitation', { link });
    expect(account).toMatchObject({ email: NEWCOMER.email, portalUrl: sim.url, active: false });
    expect(preview).toMatchObject({ email: NEWCOMER.email, role: 'owner' });
    expect(await activeEmail(app)).toBe(ERIN.email);

    // At the link's portal too, with Bob active, it is the newcomer who would join, and Bob stays active.
    await app.ok('portal:switch-account', { accountId: `${BOB.id}@${new URL(sim.url).host}` });
    expect((await app.ok('portal:preview-invitation', { link })).account).toMatchObject({
      email: NEWCOMER.email,
      active: false,
    });
    expect(await activeEmail(app)).toBe(BOB.email);

    // An account of another portal cannot accept it.
    expect(
      await app.failure('portal:accept-invitation', { link, accountId: `${ERIN.id}@${new URL(other.url).host}` }),
    ).toMatchObject({ code: 'invalid_input', message: expect.stringContaining(new URL(sim.url).host) });
    const { organization } = await app.ok('portal:accept-invitation', { link, accountId: account.id });
    expect(organization).toMatchObject({ id: ACME.id, role: 'owner' });
    expect(await activeEmail(app)).toBe(NEWCOMER.email);
  });

  it('refuses to read a link from a portal no account here is signed in at, naming it and sending nothing to either portal; signed in there, it reads it', async () => {
    const GRACE = SEED.invitations.acmeGrace;
    const sim = await fx.portal({ users: [{ email: GRACE.email, name: 'Grace Green' }] });
    const other = await fx.portal();
    const app = await fx.app(other.url);
    await app.signIn(ERIN.email);
    const link = sim.outbox().find((entry) => entry.to === GRACE.email)?.link ?? '';
    expect(link).toMatch(new RegExp(`^${sim.url}/`));
    const simRequests = sim.requests.length;
    const otherRequests = other.requests.length;

    const host = new URL(sim.url).host;
    const failure = await app.failure('portal:preview-invitation', { link });
    expect(failure).toEqual({
      code: 'not_signed_in',
      message: `This invitation is from the portal at ${host}, where no account is signed in here. Sign in at ${host} to read it; nothing was sent to any portal.`,
    });
    expect(other.requests.slice(otherRequests)).toEqual([]);
    expect(sim.requests.slice(simRequests)).toEqual([]);
    expect(await activeEmail(app)).toBe(ERIN.email);

    await app.signIn(GRACE.email, sim.url);
    const { account, preview } = await app.ok('portal:preview-invitation', { link });
    expect(account).toMatchObject({ email: GRACE.email, portalUrl: sim.url, active: true });
    expect(preview).toMatchObject({ email: GRACE.email, organization: { id: ACME.id } });
    expect(other.requests.slice(otherRequests)).toEqual([]);
  });

  it('shows who would join when no account signed in here is the one invited: the active account, which may accept (the portal allows any holder of the link)', async () => {
    const sim = await fx.portal({ users: [NEWCOMER] });
    const app = await fx.app(sim.url);
    await app.signIn(ALICE.email);
    await app.ok('portal:create-invitation', { org: ACME.id, invitation: { email: NEWCOMER.email, role: 'member' } });
    const link = sim.outbox().find((entry) => entry.to === NEWCOMER.email)?.link ?? '';
    await app.signIn(ERIN.email);

    const { account, preview } = await app.ok('portal:preview-invitation', { link });
    expect(preview.email).toBe(NEWCOMER.email);
    expect(account).toMatchObject({ email: ERIN.email, active: true });
    expect((await app.ok('portal:accept-invitation', { link, accountId: account.id })).organization).toMatchObject({
      id: ACME.id,
      role: 'member',
    });
    expect((await app.ok('portal:list-organizations', {})).organizations.map(({ name }) => name)).toEqual([
      'Acme Corp',
    ]);
  });

  it('refuses what is not an invitation link, asking nothing of the portal', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(ALICE.email);
    const before = sim.requests.length;
    for (const link of [
      'https://portal.example.com/invitations/accept',
      'authentik-license-manager://settings?token=abc',
      'authentik-license-manager://invitation',
      'ftp://portal.example.com/?token=abc',
      'http://portal.example.com/accept?token=abc',
      'not a link, just words',
    ]) {
      expect(await app.failure('portal:preview-invitation', { link })).toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/invitation/),
      });
    }
    expect(sim.requests.slice(before)).toEqual([]);
  });

  it("refuses a Member who invites, with the portal's reason in words; nothing is sent", async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(BOB.email);
    const mails = sim.outbox().length;
    const failure = await app.failure('portal:create-invitation', {
      org: ACME.id,
      invitation: { email: NEWCOMER.email, role: 'member' },
    });
    expect(failure).toEqual({
      code: 'forbidden',
      message: 'Only an Owner of Acme Corp can invite members. Ask an Owner to do it, or to make you an Owner.',
    });
    expect(sim.outbox()).toHaveLength(mails);
  });

  it('revokes and resends pending invitations', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(ALICE.email);
    const grace = SEED.invitations.acmeGrace;
    const mails = sim.outbox().length;
    expect((await app.ok('portal:resend-invitation', { org: ACME.id, id: grace.id })).invitation).toMatchObject({
      email: grace.email,
      invited_by: { email: ALICE.email },
    });
    expect(sim.outbox()).toHaveLength(mails + 1);
    expect(await app.ok('portal:revoke-invitation', { org: ACME.id, id: grace.id })).toEqual({});
    expect((await app.ok('portal:list-members', { org: ACME.id })).invitations.map(({ email }) => email)).not.toContain(
      grace.email,
    );
  });
});
