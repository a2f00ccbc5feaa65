import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { InstancePageState, InstancePageStore } from './instance-page';

const InstancePageStoreContext = createContext<InstancePageStore | null>(null);

export function InstancePageStoreProvider({ store, children }: { store: InstancePageStore; children: ReactNode }) {
  return <InstancePageStoreContext.Provider value={store}>{children}</InstancePageStoreContext.Provider>;
}

/** Selects from the instance page’s store; components read state and call actions only through this. */
export function useInstancePage<T>(selector: (state: InstancePageState) => T): T {
  const store = useContext(InstancePageStoreContext);
  if (store === null) throw new Error('useInstancePage needs an InstancePageStoreProvider');
  return useStore(store, selector);
}
