import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PortalAccountsState } from './portal-accounts';
import type { PortalInvitationState } from './portal-invitation';
import type { PortalMembersState } from './portal-members';
import type { PortalOrganizationState } from './portal-organization';
import type { PortalOrganizationsState } from './portal-organizations';
import type { PortalStores } from './portal-stores';

const PortalStoresContext = createContext<PortalStores | null>(null);

export function PortalStoresProvider({ stores, children }: { stores: PortalStores; children: ReactNode }) {
  return <PortalStoresContext.Provider value={stores}>{children}</PortalStoresContext.Provider>;
}

function usePortalStores(): PortalStores {
  const stores = useContext(PortalStoresContext);
  if (stores === null) throw new Error('the portal screens need a PortalStoresProvider');
  return stores;
}

/** Selects from the portal accounts store (sign-in, switch, sign-out); components read state and call actions only through these hooks. */
export function usePortalAccounts<T>(selector: (state: PortalAccountsState) => T): T {
  return useStore(usePortalStores().accounts, selector);
}

/** Selects from "My organizations" (the list and creating one). */
export function usePortalOrganizations<T>(selector: (state: PortalOrganizationsState) => T): T {
  return useStore(usePortalStores().organizations, selector);
}

/** Selects from the open organization page. */
export function usePortalOrganization<T>(selector: (state: PortalOrganizationState) => T): T {
  return useStore(usePortalStores().organization, selector);
}

/** Selects from the organization's Members tab. */
export function usePortalMembers<T>(selector: (state: PortalMembersState) => T): T {
  return useStore(usePortalStores().members, selector);
}

/** Selects from accepting an invitation. */
export function usePortalInvitation<T>(selector: (state: PortalInvitationState) => T): T {
  return useStore(usePortalStores().invitation, selector);
}
