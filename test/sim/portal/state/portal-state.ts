import type { LicenseSigner } from '../commerce/license-signer';
import type { MembershipRecord, OrganizationRecord, PortalData, UserRecord } from './records';

export interface PortalSettings {
  /** The business clock: license expiry, invitation expiry, invoice and payment dates (epoch ms). */
  now: () => number;
  /** Real time a paid checkout stays pending before its key is issued. */
  checkoutDelayMs: number;
  /** Invitation links are `${invitationBase}?token=…`. */
  invitationBase: string;
  supportUrl: string;
  /** The simulator's origin, for absolute URLs (checkout, setup, invoice PDFs). */
  origin: string;
}

/** The simulator's data, its settings and the signer that issues keys; the routes read and change `data`. */
export class PortalState {
  constructor(
    public data: PortalData,
    readonly signer: LicenseSigner,
    readonly settings: PortalSettings,
  ) {}

  now(): number {
    return this.settings.now();
  }

  user(id: string): UserRecord | undefined {
    return this.data.users.find((user) => user.id === id);
  }

  userByEmail(email: string): UserRecord | undefined {
    const wanted = email.trim().toLowerCase();
    return this.data.users.find((user) => user.email.toLowerCase() === wanted);
  }

  organization(id: string): OrganizationRecord | undefined {
    return this.data.organizations.find((org) => org.id === id);
  }

  membership(org: OrganizationRecord, userId: string): MembershipRecord | undefined {
    return org.members.find((member) => member.userId === userId);
  }

  organizationsOf(userId: string): { org: OrganizationRecord; membership: MembershipRecord }[] {
    return this.data.organizations.flatMap((org) => {
      const membership = this.membership(org, userId);
      return membership === undefined ? [] : [{ org, membership }];
    });
  }
}
