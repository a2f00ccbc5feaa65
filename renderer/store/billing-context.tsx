import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { BillingState, BillingStore } from './billing';

const BillingStoreContext = createContext<BillingStore | null>(null);

export function BillingStoreProvider({ store, children }: { store: BillingStore; children: ReactNode }) {
  return <BillingStoreContext.Provider value={store}>{children}</BillingStoreContext.Provider>;
}

/** Selects from an organization's billing store; components read state and call actions only through this. */
export function useBilling<T>(selector: (state: BillingState) => T): T {
  const store = useContext(BillingStoreContext);
  if (store === null) throw new Error('useBilling needs a BillingStoreProvider');
  return useStore(store, selector);
}
