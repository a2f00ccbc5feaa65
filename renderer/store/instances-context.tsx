import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { InstancesState, InstancesStore } from './instances';

const InstancesStoreContext = createContext<InstancesStore | null>(null);

export function InstancesStoreProvider({ store, children }: { store: InstancesStore; children: ReactNode }) {
  return <InstancesStoreContext.Provider value={store}>{children}</InstancesStoreContext.Provider>;
}

/** Selects from the fleet dashboard's store; components read state and call actions only through this. */
export function useInstances<T>(selector: (state: InstancesState) => T): T {
  const store = useContext(InstancesStoreContext);
  if (store === null) throw new Error('useInstances needs an InstancesStoreProvider');
  return useStore(store, selector);
}
