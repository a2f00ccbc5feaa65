import { SEED } from '../sim/portal';
import { expect, screenshot, test } from './fixtures';
import {
  appWithEventsHeldBack,
  changedElsewhere,
  invitationRow,
  memberRow,
  openMembers,
  signIn,
} from './portal-members-helpers';

const { alice, bob, frank } = SEED.users;
const acme = SEED.organizations.acme;

// Each test starts a portal simulator (its own PKI and OpenID Provider) and signs in through it.
test.slow();

test('changes roles, removes a member after a confirmation that names them, resends and revokes invitations', async ({
  app,
  bridge,
}) => {
  await bridge.startPortalSim();
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await signIn(app, bridge, alice.email);
  await openMembers(app, acme.name);

  await app.getByRole('button', { name: 'Make Owner: Bob Brown' }).click();
  await app
    .getByRole('dialog', { name: 'Make Bob Brown an Owner?' })
    .getByRole('button', { name: 'Make Owner', exact: true })
    .click();
  await expect(app.getByRole('status').filter({ hasText: 'Bob Brown is now an Owner.' })).toBeVisible();
  await expect(memberRow(app, 'Bob Brown')).toContainText('Owner');
  await app.getByRole('button', { name: 'Make Member: Bob Brown' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Bob Brown is now a Member.' })).toBeVisible();
  await expect(memberRow(app, 'Bob Brown')).toContainText('Member');

  await app.getByRole('button', { name: 'Remove Bob Brown' }).click();
  const confirm = app.getByRole('dialog', { name: `Remove Bob Brown from ${acme.name}?` });
  await expect(confirm).toContainText(bob.email);
  // Remove is not the default: Cancel has the focus, so Enter cancels.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await screenshot(app, 'portal-remove-member');
  await app.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(memberRow(app, 'Bob Brown')).toHaveCount(1);

  await app.getByRole('button', { name: 'Remove Bob Brown' }).click();
  await confirm.getByRole('button', { name: 'Remove Bob Brown' }).click();
  await expect(confirm).toBeHidden();
  await expect(
    app.getByRole('status').filter({ hasText: `Removed Bob Brown (${bob.email}) from ${acme.name}.` }),
  ).toBeVisible();
  await expect(memberRow(app, 'Bob Brown')).toHaveCount(0);
  await expect(memberRow(app, 'Alice Adams')).toContainText('Owner');
  await screenshot(app, 'portal-member-removed');

  await app.getByRole('button', { name: 'Resend the invitation to heidi@partner.test' }).click();
  await expect(
    app.getByRole('status').filter({ hasText: 'Invitation sent again to heidi@partner.test.' }),
  ).toBeVisible();
  await expect(invitationRow(app, 'heidi@partner.test')).toContainText('Pending');
  expect((await bridge.portalOutbox()).filter((message) => message.to === 'heidi@partner.test').length).toBeGreaterThan(
    0,
  );

  await app.getByRole('button', { name: 'Revoke the invitation for grace@partner.test' }).click();
  const revoke = app.getByRole('dialog', { name: 'Revoke the invitation for grace@partner.test?' });
  await expect(revoke.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await revoke.getByRole('button', { name: 'Revoke invitation' }).click();
  await expect(revoke).toBeHidden();
  await expect(
    app
      .getByRole('status')
      .filter({ hasText: 'Revoked the invitation for grace@partner.test. Its link no longer works.' }),
  ).toBeVisible();
  await expect(invitationRow(app, 'grace@partner.test')).toHaveCount(0);
});

test('protects the last Owner: the portal’s refusal in words, then both actions disabled with the reason', async ({
  page: app,
  bridge,
}) => {
  const heldBack = await appWithEventsHeldBack(app, bridge);
  await bridge.startPortalSim();
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await signIn(app, bridge, alice.email);
  await openMembers(app, acme.name);
  await expect(memberRow(app, 'Frank Fischer')).toContainText('Owner');

  // Frank is made a Member elsewhere: this page still shows two Owners, so Alice's buttons are enabled.
  await changedElsewhere(app, heldBack, { user: frank.id, role: 'member' });
  await app.getByRole('button', { name: 'Make Member: Alice Adams' }).click();
  await expect(app.getByRole('alert')).toContainText(
    `The portal did not make Alice Adams a Member: ${acme.name} must keep at least one Owner, so its last Owner cannot be made a Member. Make another member an Owner first.`,
  );

  // The refusal showed the page was out of date: it reads the members again.
  await expect(memberRow(app, 'Frank Fischer')).toContainText('Member');
  await expect(app.getByRole('button', { name: 'Make Member: Alice Adams' })).toBeDisabled();
  await expect(app.getByRole('button', { name: 'Remove Alice Adams' })).toBeDisabled();
  await expect(app.getByRole('button', { name: 'Remove Alice Adams' })).toHaveAccessibleDescription(
    /The only Owner: an organization keeps at least one Owner/,
  );
  await expect(memberRow(app, 'Alice Adams')).toContainText(
    'can be neither removed nor made a Member. Make another member an Owner first.',
  );
  await screenshot(app, 'portal-last-owner');
});

test('a refused invite says why in words when the person is no longer an Owner', async ({ page: app, bridge }) => {
  const heldBack = await appWithEventsHeldBack(app, bridge);
  await bridge.startPortalSim();
  await app.getByRole('link', { name: 'Customer portal' }).click();
  await signIn(app, bridge, alice.email);
  await openMembers(app, acme.name);
  await expect(app.getByRole('button', { name: 'Invite', exact: true })).toBeVisible();

  // Alice is made a Member elsewhere; this page still offers her the Owner's invite.
  await changedElsewhere(app, heldBack, { user: alice.id, role: 'member' });
  await app.getByLabel('E-mail address').fill('new.hire@acme.test');
  await app.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(app.getByRole('alert')).toContainText(
    `The portal refused to invite new.hire@acme.test: Only an Owner of ${acme.name} can invite members. Ask an Owner to do it, or to make you an Owner.`,
  );
  // The page reads Alice's role again: a Member gets no Owner actions.
  await expect(app.getByText('Your role: Member')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Invite', exact: true })).toHaveCount(0);
  await expect(app.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await expect(app.getByRole('alert')).toContainText('Only an Owner of Acme Corp can invite members.');
  expect((await bridge.portalOutbox()).some((message) => message.to === 'new.hire@acme.test')).toBe(false);
  await screenshot(app, 'portal-member-refused');
});
