import type { Api } from '../../shared/ipc/api';
import { SEED, startPortalSim } from '../sim/portal';
import { expect, screenshot, signInAtPortal, test } from './fixtures';
import { seriousViolations } from './axe';
import { invitationRow, memberRow, openMembers, signIn } from './portal-members-helpers';

const { alice, erin } = SEED.users;
const acme = SEED.organizations.acme;

// Each test starts a portal simulator (its own PKI and OpenID Provider) and signs in through it.
test.slow();

test('invites a member, who signs in from the invitation as the address it was sent to, accepts it and sees no Owner actions', async ({
  app,
  bridge,
}) => {
  await bridge.startPortalSim();
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await signIn(app, bridge, alice.email);
  await openMembers(app, acme.name);
  await expect(memberRow(app, 'Alice Adams')).toContainText('Owner');
  await expect(memberRow(app, 'Bob Brown')).toContainText('Member');
  await expect(invitationRow(app, 'heidi@partner.test')).toContainText('Expired');

  await app.getByLabel('E-mail address').fill(erin.email);
  await app.getByLabel('Role').selectOption('member');
  await app.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(app.getByRole('status').filter({ hasText: `Invitation sent to ${erin.email}.` })).toBeVisible();
  await expect(invitationRow(app, erin.email)).toContainText('Pending');
  await screenshot(app, 'portal-invitation-sent');
  expect(await seriousViolations(app)).toEqual([]);

  const mail = (await bridge.portalOutbox()).find((message) => message.to === erin.email);
  expect(mail).toBeDefined();
  const link = mail?.link ?? '';

  // The app's deep link: the invitation is shown, never accepted by itself, and the link leaves the address.
  await app.evaluate((hash) => (window.location.hash = hash), `invitation?link=${encodeURIComponent(link)}`);
  await expect(app.getByRole('heading', { name: `Invitation to ${acme.name}` })).toBeVisible();
  await expect(app).toHaveURL(/#invitation$/);
  // No account signed in here is Erin's: the card says whom the invitation is for, offers to sign in as
  // her, or to accept as Alice (the portal lets any holder of the link accept it).
  const invitation = app.getByRole('region', { name: `Invitation to ${acme.name}` });
  await expect(invitation).toContainText(
    `This invitation was sent to ${erin.email}, but you are signed in as ${alice.email}`,
  );
  await expect(invitation.getByRole('button', { name: `Sign in as ${erin.email}` })).toBeVisible();
  await expect(invitation.getByRole('button', { name: `Accept as ${alice.email}` })).toBeVisible();
  await screenshot(app, 'portal-invitation-other-address');
  await app.getByRole('button', { name: 'Decline' }).click();
  await expect(
    app.getByText(`You declined the invitation to ${acme.name}. Nothing was sent to the portal`),
  ).toBeVisible();

  // Pasted again, then "Sign in as Erin": once she is signed in, the invitation is read again as her.
  await app.getByLabel('Invitation link').fill(link);
  await app.getByRole('button', { name: 'Show the invitation' }).click();
  await invitation.getByRole('button', { name: `Sign in as ${erin.email}` }).click();
  const signInHere = app.getByRole('region', { name: `Sign in as ${erin.email}` });
  await signInHere.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(signInHere.getByText('Continue in your browser…')).toBeVisible();
  await signInAtPortal(app, bridge, erin.email);
  await expect(app.getByRole('button', { name: /^Portal account: / })).toContainText(erin.email);
  await expect(invitation).toContainText(
    `Alice Adams (${alice.email}) invites ${erin.email} to join ${acme.name} as a Member.`,
  );
  await expect(invitation).not.toContainText('but you are signed in as');
  await expect(signInHere).toHaveCount(0);
  await screenshot(app, 'portal-invitation-preview');
  expect(await seriousViolations(app)).toEqual([]);

  await invitation.getByRole('button', { name: `Accept and join ${acme.name}` }).click();
  await expect(app.getByRole('heading', { level: 1, name: acme.name })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: `You joined ${acme.name} as a Member.` })).toBeVisible();
  await expect(app.getByText('Your role: Member')).toBeVisible();
  await expect(app.getByText('Only an Owner can edit the organization.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Edit organization' })).toHaveCount(0);

  await app.getByRole('tab', { name: 'Members' }).click();
  await expect(memberRow(app, 'Erin Evans')).toContainText('Member');
  await expect(app.getByText('Only an Owner can invite or remove members and change roles.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Invite', exact: true })).toHaveCount(0);
  await expect(app.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await expect(app.getByRole('button', { name: /^Make / })).toHaveCount(0);
  await expect(app.getByRole('button', { name: /^(Resend|Revoke) the invitation/ })).toHaveCount(0);
  await screenshot(app, 'portal-member-view');
});

test('an invitation for another signed-in account offers to switch to it; reading the invitation switches nothing', async ({
  app,
  bridge,
}) => {
  await bridge.startPortalSim();
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await signIn(app, bridge, alice.email);
  const invited = await app.evaluate(
    ({ org, email }) =>
      (window as unknown as { api: Api }).api.invoke('portal:create-invitation', {
        org,
        invitation: { email, role: 'member' },
      }),
    { org: acme.id, email: erin.email },
  );
  expect(invited.ok).toBe(true);
  const link = (await bridge.portalOutbox()).find((message) => message.to === erin.email)?.link ?? '';

  // Erin signs in too, then Alice is made the account in use again.
  const menu = app.getByRole('button', { name: /^Portal account: / });
  await menu.click();
  await app.getByRole('button', { name: 'Add another account' }).click();
  await signIn(app, bridge, erin.email);
  await menu.click();
  await app.getByRole('button', { name: `Switch to ${alice.email} on` }).click();
  await expect(menu).toContainText(alice.email);

  await app.evaluate((hash) => (window.location.hash = hash), `invitation?link=${encodeURIComponent(link)}`);
  const invitation = app.getByRole('region', { name: `Invitation to ${acme.name}` });
  await expect(invitation).toContainText(`This invitation is for ${erin.email}, who is signed in here`);
  await expect(invitation).toContainText(`but the account in use is ${alice.email}`);
  await expect(invitation.getByRole('button', { name: /^Accept/ })).toHaveCount(0);
  await expect(invitation.getByRole('button', { name: 'Add another account' })).toHaveCount(0);
  // Reading the invitation left Alice the account in use.
  await expect(menu).toContainText(alice.email);
  expect(await seriousViolations(app)).toEqual([]);
  await screenshot(app, 'portal-invitation-switch-offer');

  await invitation.getByRole('button', { name: `Switch to ${erin.email}` }).click();
  await expect(menu).toContainText(erin.email);
  await expect(invitation).not.toContainText('who is signed in here');
  await invitation.getByRole('button', { name: `Accept and join ${acme.name}` }).click();
  await expect(app.getByRole('heading', { level: 1, name: acme.name })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: `You joined ${acme.name} as a Member.` })).toBeVisible();
  await expect(app.getByText('Your role: Member')).toBeVisible();
  await screenshot(app, 'portal-invitation-switched-joined');
});

test('a link from a portal no account here is signed in at is refused before anything is sent, naming that portal, with "Sign in at" it', async ({
  app,
  bridge,
}) => {
  const grace = SEED.invitations.acmeGrace;
  await bridge.startPortalSim();
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await signIn(app, bridge, alice.email);
  // Another portal, whose seeded invitation e-mail went to Grace.
  const elsewhere = await startPortalSim({ users: [{ email: grace.email, name: 'Grace Green' }] });
  try {
    const host = new URL(elsewhere.url).host;
    const link = elsewhere.outbox().find((message) => message.to === grace.email)?.link ?? '';
    expect(link.startsWith(`${elsewhere.url}/`)).toBe(true);

    await app.getByRole('button', { name: 'Accept an invitation' }).click();
    await app.getByLabel('Invitation link').fill(link);
    await app.getByRole('button', { name: 'Show the invitation' }).click();
    const problem = app.getByRole('alert').filter({ hasText: 'This invitation could not be read.' });
    await expect(problem).toContainText(
      `This invitation is from the portal at ${host}, where no account is signed in here. Sign in at ${host} to read it; nothing was sent to any portal.`,
    );
    // Alice's portal was not asked either (test/integration/portal-ipc checks it): the invitation was never read.
    expect(elsewhere.requests).toEqual([]);
    await expect(app.getByRole('region', { name: /^Invitation to / })).toHaveCount(0);
    expect(await seriousViolations(app)).toEqual([]);
    await screenshot(app, 'portal-invitation-other-portal');

    await problem.getByRole('button', { name: `Sign in at ${host}` }).click();
    const signInThere = app.getByRole('region', { name: `Sign in at ${host}` });
    await expect(signInThere.getByLabel('Portal address')).toHaveValue(elsewhere.url);
    await signInThere.getByRole('button', { name: 'Sign in', exact: true }).click();
    await signInAtPortal(app, bridge, grace.email);
    await expect(app.getByRole('button', { name: /^Portal account: / })).toContainText(grace.email);
    const invitation = app.getByRole('region', { name: `Invitation to ${acme.name}` });
    await expect(invitation).toContainText(
      `Alice Adams (${alice.email}) invites ${grace.email} to join ${acme.name} as a Member.`,
    );
    await expect(invitation.getByRole('button', { name: `Accept and join ${acme.name}` })).toBeVisible();
    await expect(problem).toHaveCount(0);
    await screenshot(app, 'portal-invitation-other-portal-signed-in');
  } finally {
    await elsewhere.stop();
  }
});
