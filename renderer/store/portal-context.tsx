import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { selectActiveAccountId, type PortalAccountsState, type PortalAccountsStore } from './portal-accounts';

const PortalAccountsContext = createContext<PortalAccountsStore | null>(null);

export function PortalAccountsProvider({ store, children }: { store: PortalAccountsStore; children: ReactNode }) {
  return <PortalAccountsContext.Provider value={store}>{children}</PortalAccountsContext.Provider>;
}

/** Selects from the portal accounts store (sign-in, switch, sign-out); components read state and call actions only through this. */
export function usePortalAccounts<T>(selector: (state: PortalAccountsState) => T): T {
  const store = useContext(PortalAccountsContext);
  if (store === null) throw new Error('the portal screens need a PortalAccountsProvider');
  return useStore(store, selector);
}

/** The account the portal queries are keyed by (renderer/queries/portal-keys.ts); null before the list is in, or when signed out. */
export const useActiveAccountId = (): string | null => usePortalAccounts(selectActiveAccountId);
