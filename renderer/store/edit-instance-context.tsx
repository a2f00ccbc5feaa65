import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditInstanceState, EditInstanceStore } from './edit-instance';

const EditInstanceStoreContext = createContext<EditInstanceStore | null>(null);

export function EditInstanceStoreProvider({ store, children }: { store: EditInstanceStore; children: ReactNode }) {
  return <EditInstanceStoreContext.Provider value={store}>{children}</EditInstanceStoreContext.Provider>;
}

/** Selects from the Edit instance dialog’s store; components read state and call actions only through this. */
export function useEditInstance<T>(selector: (state: EditInstanceState) => T): T {
  const store = useContext(EditInstanceStoreContext);
  if (store === null) throw new Error('useEditInstance needs an EditInstanceStoreProvider');
  return useStore(store, selector);
}
