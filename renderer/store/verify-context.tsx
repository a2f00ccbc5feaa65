import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { VerifyState, VerifyStore } from './verify';

const VerifyStoreContext = createContext<VerifyStore | null>(null);

export function VerifyStoreProvider({ store, children }: { store: VerifyStore; children: ReactNode }) {
  return <VerifyStoreContext.Provider value={store}>{children}</VerifyStoreContext.Provider>;
}

/** Selects from the Verify screen's store; components read state and call actions only through this. */
export function useVerify<T>(selector: (state: VerifyState) => T): T {
  const store = useContext(VerifyStoreContext);
  if (store === null) throw new Error('useVerify needs a VerifyStoreProvider');
  return useStore(store, selector);
}
