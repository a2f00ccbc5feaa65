import { seedId } from './ids';
import { invitationLink, invitationMail } from './invitation-mail';
import { emptyBillingAccount, type OrganizationRecord, type PortalData } from './records';
import { SEED } from './seed-catalog';

// The seeded organizations with their members and billing accounts, and the invitations sent to join them.

const { users: U, organizations: O, invitations: I } = SEED;

/**
 * Acme (two Owners and a Member), Globex (an Owner and Alice as a Member) and Initech (Dave alone, no billing
 * account yet), `day(n)` being n days before now.
 */
export function seedOrganizations(day: (days: number) => number): OrganizationRecord[] {
  return [
    {
      id: O.acme.id,
      name: O.acme.name,
      notificationEmail: 'it@acme.test',
      createdAt: day(400),
      members: [
        { userId: U.alice.id, role: 'owner', joinedAt: day(400) },
        { userId: U.frank.id, role: 'owner', joinedAt: day(380) },
        { userId: U.bob.id, role: 'member', joinedAt: day(200) },
      ],
      billing: {
        name: 'Acme Corp GmbH',
        address_line1: 'Friedrichstraße 68',
        address_line2: null,
        city: 'Berlin',
        postal_code: '10117',
        region: null,
        country: 'DE',
        phone: '+4930123456',
        tax_id: 'DE123456789',
      },
    },
    {
      id: O.globex.id,
      name: O.globex.name,
      notificationEmail: 'licensing@globex.test',
      createdAt: day(300),
      members: [
        { userId: U.carol.id, role: 'owner', joinedAt: day(300) },
        { userId: U.alice.id, role: 'member', joinedAt: day(120) },
      ],
      billing: {
        name: 'Globex Corporation',
        address_line1: '1 Main Street',
        address_line2: 'Suite 200',
        city: 'Springfield',
        postal_code: '62701',
        region: 'IL',
        country: 'US',
        phone: '+12175550100',
        tax_id: null,
      },
    },
    {
      id: O.initech.id,
      name: O.initech.name,
      notificationEmail: 'dave@initech.test',
      createdAt: day(20),
      members: [{ userId: U.dave.id, role: 'owner', joinedAt: day(20) }],
      billing: emptyBillingAccount(),
    },
  ];
}

/** The invitations pending and expired, each with the mail that sent it, `day(n)` being n days before now. */
export function seedInvitations(
  day: (days: number) => number,
  invitationBase: string,
): Pick<PortalData, 'invitations' | 'outbox'> {
  const seeded: Pick<PortalData, 'invitations' | 'outbox'> = { invitations: [], outbox: [] };
  const invitations = [
    { entry: I.acmeGrace, orgId: O.acme.id, orgName: O.acme.name, inviter: U.alice, sentDaysAgo: 2 },
    { entry: I.acmeHeidi, orgId: O.acme.id, orgName: O.acme.name, inviter: U.frank, sentDaysAgo: 10 },
    { entry: I.globexIvan, orgId: O.globex.id, orgName: O.globex.name, inviter: U.carol, sentDaysAgo: 1 },
  ];
  for (const { entry, orgId, orgName, inviter, sentDaysAgo } of invitations) {
    const sentAt = day(sentDaysAgo);
    seeded.invitations.push({
      id: entry.id,
      orgId,
      email: entry.email,
      role: entry.role,
      token: entry.token,
      invitedBy: inviter.id,
      createdAt: sentAt,
      lastSentAt: sentAt,
    });
    const link = invitationLink(invitationBase, entry.token);
    const mail = invitationMail({
      to: entry.email,
      inviter,
      organizationName: orgName,
      role: entry.role,
      link,
      sentAt,
    });
    seeded.outbox.push({ id: seedId(`mail:${entry.id}`), to: entry.email, ...mail, link, sentAt });
  }
  return seeded;
}
