import type { Api } from '../../shared/ipc/api';
import { createPortalAccountsStore, type PortalAccountsStore } from './portal-accounts';
import { createPortalInvitationStore, type PortalInvitationStore } from './portal-invitation';
import { createPortalMembersStore, type PortalMembersStore } from './portal-members';
import { createPortalOrganizationStore, type PortalOrganizationStore } from './portal-organization';
import { createPortalOrganizationsStore, type PortalOrganizationsStore } from './portal-organizations';

/** The customer portal's account, organization, member and invitation stores, created together (they follow the active account). */
export interface PortalStores {
  accounts: PortalAccountsStore;
  organizations: PortalOrganizationsStore;
  organization: PortalOrganizationStore;
  members: PortalMembersStore;
  invitation: PortalInvitationStore;
}

export function createPortalStores({ client }: { client: Api }): PortalStores {
  const accounts = createPortalAccountsStore({ client });
  // The organization page's store is created next; the callback only runs once both exist.
  const organizations = createPortalOrganizationsStore({ client, accounts, entered: (created, notice) => organization.getState().organizationEntered(created, notice) });
  const organization = createPortalOrganizationStore({ client, accounts, organizations });
  const members = createPortalMembersStore({ client, accounts, organizations, organizationPage: organization });
  const invitation = createPortalInvitationStore({ client, accounts, organizations, organizationPage: organization });
  return { accounts, organizations, organization, members, invitation };
}

/** `portal:did-change` (signed in elsewhere, joined, purchase completed): everything shown is read again. */
export function portalChanged(stores: PortalStores): void {
  void stores.accounts.getState().accountsChanged();
  void stores.organizations.getState().organizationsChanged();
  void stores.organization.getState().organizationChanged();
  void stores.members.getState().membersChanged();
}
