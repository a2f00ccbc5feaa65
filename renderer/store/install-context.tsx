import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { InstallState, InstallStore } from './install';

const InstallStoreContext = createContext<InstallStore | null>(null);

export function InstallStoreProvider({ store, children }: { store: InstallStore; children: ReactNode }) {
  return <InstallStoreContext.Provider value={store}>{children}</InstallStoreContext.Provider>;
}

/** Selects from the "Install a license" dialog's store; components read state and call actions only through this. */
export function useInstall<T>(selector: (state: InstallState) => T): T {
  const store = useContext(InstallStoreContext);
  if (store === null) throw new Error('useInstall needs an InstallStoreProvider');
  return useStore(store, selector);
}
