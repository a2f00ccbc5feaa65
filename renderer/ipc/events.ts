import type { QueryClient } from '@tanstack/react-query';
import type { Api } from '../../shared/ipc/api';
import { portalKeys } from '../queries/portal-keys';
import type { AuditTrailStore } from '../store/audit-trail';
import type { BillingStore } from '../store/billing';
import type { InstancesStore } from '../store/instances';
import type { PortalAccountsStore } from '../store/portal-accounts';
import { portalLicensesEventsWired, type PortalLicensesStores } from '../store/portal-licenses-stores';

/** The stores that still follow the portal's events themselves, until they are queries too. */
export interface PortalEventStores {
  accounts: PortalAccountsStore;
  billing: BillingStore;
  auditTrail: AuditTrailStore;
  portalLicenses: PortalLicensesStores;
  instances: InstancesStore;
}

/*
 * Main's push events, wired once for the life of the page. This is the one place an event becomes
 * invalidated queries: a mutation never lists what to read again, main says what changed and this file
 * says which queries that touches. The instances, verify and audit events are still wired in main.tsx,
 * to their stores, until those stores become queries and move here.
 */

/** `portal:did-change`: signed in or out, switched, joined, a change made here, a purchase completed. */
export function portalEventsWired(client: Api, queryClient: QueryClient, stores: PortalEventStores): void {
  client.on('portal:did-change', () => {
    // Every portal query on screen is read again; the others are read when next shown.
    void queryClient.invalidateQueries({ queryKey: portalKeys.all });
    void stores.accounts.getState().accountsChanged();
    void stores.billing.getState().portalChanged();
    // Portal changes are recorded: the trail has new entries.
    void stores.auditTrail.getState().trailChanged();
  });
  portalLicensesEventsWired(client, stores.portalLicenses, stores.instances);
}
