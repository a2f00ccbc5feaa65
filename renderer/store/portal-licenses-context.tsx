import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { LicenseInstallState } from './portal-licenses-install';
import type { PendingInstallsState } from './portal-licenses-pending';
import type { PortalLicensesStores } from './portal-licenses-stores';
import type { PurchaseState } from './purchase';
import type { PurchaseTrackingState } from './purchase-tracking';

const PortalLicensesStoresContext = createContext<PortalLicensesStores | null>(null);

export function PortalLicensesStoresProvider({ stores, children }: { stores: PortalLicensesStores; children: ReactNode }) {
  return <PortalLicensesStoresContext.Provider value={stores}>{children}</PortalLicensesStoresContext.Provider>;
}

function useFrom<S, T>(pick: (stores: PortalLicensesStores) => StoreApi<S>, selector: (state: S) => T): T {
  const stores = useContext(PortalLicensesStoresContext);
  if (stores === null) throw new Error('the portal licenses need a PortalLicensesStoresProvider');
  return useStore(pick(stores), selector);
}

/** Selects from the purchase, install and pairing stores; components read state and call actions only through these. */
export const usePurchase = <T,>(selector: (state: PurchaseState) => T): T => useFrom((stores) => stores.purchase, selector);
export const usePurchaseTracking = <T,>(selector: (state: PurchaseTrackingState) => T): T => useFrom((stores) => stores.tracking, selector);
export const useLicenseInstall = <T,>(selector: (state: LicenseInstallState) => T): T => useFrom((stores) => stores.install, selector);
export const usePendingInstalls = <T,>(selector: (state: PendingInstallsState) => T): T => useFrom((stores) => stores.pending, selector);
