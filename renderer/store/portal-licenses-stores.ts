import type { Api } from '../../shared/ipc/api';
import type { InstancePageStore } from './instance-page';
import type { InstancesStore } from './instances';
import { createPortalLicensesStore, type PortalLicensesStore } from './portal-licenses';
import { createLicenseInstallStore, type LicenseInstallStore } from './portal-licenses-install';
import { createPendingInstallsStore, type PendingInstallsStore } from './portal-licenses-pending';
import { createPurchaseStore, type PurchaseStore } from './purchase';
import { createPurchaseTrackingStore, type PurchaseTrackingStore } from './purchase-tracking';

/** The stores behind the portal's licenses: the organization's list, purchase and renewal (and their following after the dialog), install, and the pairings. */
export interface PortalLicensesStores {
  licenses: PortalLicensesStore;
  purchase: PurchaseStore;
  /** Purchases and renewals whose dialog closed before the payment was validated, followed on the Licenses tab. */
  tracking: PurchaseTrackingStore;
  install: LicenseInstallStore;
  pending: PendingInstallsStore;
}

export function createPortalLicensesStores({ client, instances, instancePage }: { client: Api; instances: InstancesStore; instancePage: InstancePageStore }): PortalLicensesStores {
  const licenses = createPortalLicensesStore({ client });
  const pending = createPendingInstallsStore({ client });
  const install = createLicenseInstallStore({ client, instances, instancePage, licenses, pending });
  const tracking = createPurchaseTrackingStore({ client, licenses, install, pending });
  const purchase = createPurchaseStore({ client, instances, licenses, install, pending, tracking });
  return { licenses, purchase, tracking, install, pending };
}

/**
 * The push events these stores follow, wired once for the life of the page; and after every refresh of
 * an instance the pairings and the open licenses list are read again (a key may have been installed, a
 * newer one expected, or an instance that could not be read may be compared now).
 */
export function portalLicensesEventsWired(client: Api, { licenses, pending }: PortalLicensesStores, instances: InstancesStore): void {
  client.on('clipboard:did-clear', ({ clearsAt }) => licenses.getState().clipboardCleared(clearsAt));
  client.on('portal:did-change', () => {
    void licenses.getState().portalChanged();
    void pending.getState().pendingInstallsChanged();
  });
  // An instance added or removed changes which licenses are installed where.
  client.on('instances:did-change', () => void pending.getState().pendingInstallsChanged());
  instances.subscribe((state, before) => {
    const finished = (before.refreshingAll && !state.refreshingAll) || before.refreshingIds.some((id) => !state.refreshingIds.includes(id));
    if (!finished) return;
    void pending.getState().pendingInstallsChanged();
    // The open licenses list judges each license against what was just read.
    void licenses.getState().portalChanged();
  });
}
