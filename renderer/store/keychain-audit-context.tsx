import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { KeychainAuditState, KeychainAuditStore } from './keychain-audit';

const KeychainAuditStoreContext = createContext<KeychainAuditStore | null>(null);

export function KeychainAuditStoreProvider({ store, children }: { store: KeychainAuditStore; children: ReactNode }) {
  return <KeychainAuditStoreContext.Provider value={store}>{children}</KeychainAuditStoreContext.Provider>;
}

/** Selects from the keychain audit’s store; components read state and call actions only through this. */
export function useKeychainAudit<T>(selector: (state: KeychainAuditState) => T): T {
  const store = useContext(KeychainAuditStoreContext);
  if (store === null) throw new Error('useKeychainAudit needs an KeychainAuditStoreProvider');
  return useStore(store, selector);
}
