import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AuditTrailState, AuditTrailStore } from './audit-trail';

const AuditTrailStoreContext = createContext<AuditTrailStore | null>(null);

export function AuditTrailStoreProvider({ store, children }: { store: AuditTrailStore; children: ReactNode }) {
  return <AuditTrailStoreContext.Provider value={store}>{children}</AuditTrailStoreContext.Provider>;
}

/** Selects from the audit trail's store; components read state and call actions only through this. */
export function useAuditTrail<T>(selector: (state: AuditTrailState) => T): T {
  const store = useContext(AuditTrailStoreContext);
  if (store === null) throw new Error('useAuditTrail needs an AuditTrailStoreProvider');
  return useStore(store, selector);
}
