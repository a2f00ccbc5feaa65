import type { QueryClient } from '@tanstack/react-query';
import type { Api } from '../../shared/ipc/api';
import { licenseAnswered } from '../features/portal-licenses/queries';
import type { InstancesStore } from './instances';
import { createLicenseInstallStore, type LicenseInstallStore } from './portal-licenses-install';
import { createPendingInstallsStore, type PendingInstallsStore } from './portal-licenses-pending';
import { createPurchaseStore, type PurchaseStore } from './purchase';
import { createPurchaseTrackingStore, type PurchaseTrackingStore } from './purchase-tracking';

/**
 * The stores still behind the portal's licenses: purchase and renewal (and their following after the
 * dialog), install, and the pairings. The organization's list is a query (features/portal-licenses).
 */
export interface PortalLicensesStores {
  purchase: PurchaseStore;
  /** Purchases and renewals whose dialog closed before the payment was validated, followed on the Licenses tab. */
  tracking: PurchaseTrackingStore;
  install: LicenseInstallStore;
  pending: PendingInstallsStore;
}

interface PortalLicensesDependencies {
  client: Api;
  /** Where a license read while following a payment is written, so the organization's list shows it. */
  queryClient: QueryClient;
  instances: InstancesStore;
}

export function createPortalLicensesStores({ client, queryClient, instances }: PortalLicensesDependencies): PortalLicensesStores {
  const answered = (orgId: string, license: Parameters<typeof licenseAnswered>[2]) => licenseAnswered(queryClient, orgId, license);
  const pending = createPendingInstallsStore({ client });
  const install = createLicenseInstallStore({ client, instances, pending });
  const tracking = createPurchaseTrackingStore({ client, licenseAnswered: answered, install, pending });
  const purchase = createPurchaseStore({ client, instances, licenseAnswered: answered, install, pending, tracking });
  return { purchase, tracking, install, pending };
}

/**
 * The push events these stores follow, wired once for the life of the page. An instance added, removed or
 * read again changes which licenses are installed where, so the pairings are read again.
 */
export function portalLicensesEventsWired(client: Api, { pending }: PortalLicensesStores): void {
  client.on('portal:did-change', () => void pending.getState().pendingInstallsChanged());
  client.on('instances:did-change', () => void pending.getState().pendingInstallsChanged());
}
