import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Api } from '../../shared/ipc/api';
import { clipboardCleared } from '../features/verify/verify-screen';
import { dashboardRefreshProgressed } from '../features/dashboard/dashboard-screen';
import { licenseClipboardCleared } from '../features/portal-licenses/license-screen';
import { licensesJudgedAgain, pendingInstallsJudgedAgain } from '../features/portal-licenses/queries';
import { auditKeys } from '../queries/audit-keys';
import { instanceKeys } from '../queries/instance-keys';
import { portalKeys } from '../queries/portal-keys';
import { mainChannelOf } from '../queries/query-client';

/*
 * Main's push events. This is the one place an event becomes invalidated queries: a mutation never lists
 * what to read again, main says what changed and this file says which queries that touches. Each wiring
 * answers the function that undoes it, so the app root can follow the events for as long as it is mounted.
 */

type Unsubscribe = () => void;

const all =
  (unsubscribes: Unsubscribe[]): Unsubscribe =>
  () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };

/**
 * `instances:did-change`: an instance added, removed, edited, refreshed or given a license. The list, each
 * instance's page and the token vault's audit are read again (an instance added or removed changes which
 * tokens in the vault belong to one), and the portal's licenses lists and renewed-but-not-installed
 * pairings, which judge each license against what was read (installed, renewed, not compared).
 * `instances:refresh-progress`: how far "Refresh all" is, for the dashboard.
 */
export function instancesEventsWired(client: Api, queryClient: QueryClient): Unsubscribe {
  return all([
    client.on('instances:did-change', () => {
      // An answer still on its way is out of date: cancelled first, since a query with no answer yet would
      // otherwise take it instead of asking again.
      void queryClient
        .cancelQueries({ queryKey: instanceKeys.all })
        .then(() => queryClient.invalidateQueries({ queryKey: instanceKeys.all }));
      void licensesJudgedAgain(queryClient);
      void pendingInstallsJudgedAgain(queryClient);
    }),
    client.on('instances:refresh-progress', dashboardRefreshProgressed),
  ]);
}

/**
 * `portal:did-change`: signed in or out, switched, joined, a change made here, a purchase completed. The
 * signed-in accounts are read again (main may have made another one active), and every portal query on
 * screen (the licenses lists and the pairings among them); the others are read when next shown.
 */
export function portalEventsWired(client: Api, queryClient: QueryClient): Unsubscribe {
  return client.on('portal:did-change', () => {
    void queryClient.invalidateQueries({ queryKey: portalKeys.accounts });
    void queryClient.invalidateQueries({ queryKey: portalKeys.all });
  });
}

/**
 * What main records in the audit trail: `audit:did-change` (an outcome could not be recorded), and every
 * instance or portal change, each of which adds entries. The verdict in the header is checked again; the
 * entries are read again if the Audit screen shows them, else when it next opens.
 */
export function auditEventsWired(client: Api, queryClient: QueryClient): Unsubscribe {
  const trailChanged = (): void => void queryClient.invalidateQueries({ queryKey: auditKeys.all });
  return all([
    client.on('audit:did-change', trailChanged),
    client.on('instances:did-change', trailChanged),
    client.on('portal:did-change', trailChanged),
  ]);
}

/** `clipboard:did-clear`: main cleared a copied key; the Verify screen and a license's details say so if the copy was their own. */
export function clipboardEventsWired(client: Api): Unsubscribe {
  return all([
    client.on('clipboard:did-clear', ({ clearsAt }) => clipboardCleared(clearsAt)),
    client.on('clipboard:did-clear', ({ clearsAt }) => licenseClipboardCleared(clearsAt)),
  ]);
}

/** Every event main pushes, followed over the query client's channel to main. */
function mainEventsWired(queryClient: QueryClient): Unsubscribe {
  const client = mainChannelOf(queryClient);
  return all([
    clipboardEventsWired(client),
    instancesEventsWired(client, queryClient),
    portalEventsWired(client, queryClient),
    auditEventsWired(client, queryClient),
  ]);
}

/** Follows main's events while the app root is mounted (once per page; StrictMode's second mount follows them afresh). */
export function useMainEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => mainEventsWired(queryClient), [queryClient]);
}
