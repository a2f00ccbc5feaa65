import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { PortalAccountView } from '../../shared/ipc/portal-contract';
import { portalKeys } from './portal-keys';
import { askMain } from './query-client';

/** A signed-in portal account as main shows it to the page: who and where, never a token. */
export type PortalAccount = PortalAccountView;

type PortalAccountList = ChannelOutput<'portal:list-accounts'>;

const NO_ACCOUNTS: readonly PortalAccount[] = [];

/** The signed-in accounts (the active one first) and the portal signed into when no other address is given. */
export const accountsQuery = queryOptions({
  queryKey: portalKeys.accounts,
  queryFn: ({ client }) => askMain(client, 'portal:list-accounts', {}),
});

/** The account every portal screen works as; null before the list is in, or when signed out. */
export const activeAccountOf = (list: PortalAccountList | undefined): PortalAccount | null =>
  list?.accounts.find((account) => account.active) ?? null;

const activeIdOf = (list: PortalAccountList): string | null => activeAccountOf(list)?.id ?? null;
const accountsOf = (list: PortalAccountList): readonly PortalAccount[] => list.accounts;
const defaultPortalOf = (list: PortalAccountList): string => list.defaultPortalUrl;

/** The portal's host name, as the account menu shows it next to the e-mail address. */
export function portalHost(portalUrl: string): string {
  try {
    return new URL(portalUrl).host;
  } catch {
    return portalUrl;
  }
}

/** An account in words: its e-mail address on its portal. */
export const who = (account: PortalAccount): string => `${account.email} on ${portalHost(account.portalUrl)}`;

/**
 * Main made `account` the active one (a sign-in, a switch, an accepted invitation): shown at once, with the
 * account added if it is new. Main's `portal:did-change` has the list read again anyway.
 */
export function accountActivated(client: QueryClient, account: PortalAccount): void {
  client.setQueryData(accountsQuery.queryKey, (list) => {
    if (list === undefined || activeAccountOf(list)?.id === account.id) return list;
    const others = list.accounts
      .filter((known) => known.id !== account.id)
      .map((known) => ({ ...known, active: false }));
    return { ...list, accounts: [{ ...account, active: true }, ...others] };
  });
}

/** A signed-out account leaves the list at once; main picks the next active one and says so with `portal:did-change`. */
export function accountSignedOut(client: QueryClient, accountId: string): void {
  client.setQueryData(accountsQuery.queryKey, (list) =>
    list === undefined ? undefined : { ...list, accounts: list.accounts.filter((known) => known.id !== accountId) },
  );
}

/** The list query itself: whether it has answered, and main's words when it could not. */
export const useAccountList = (options: { readAgain?: boolean } = {}) =>
  useQuery({ ...accountsQuery, refetchOnMount: options.readAgain === true ? 'always' : true });

/** True once the first list has answered, with accounts or a problem. */
export const useAccountsListed = (): boolean => !useQuery(accountsQuery).isPending;

export const useAccounts = (): readonly PortalAccount[] =>
  useQuery({ ...accountsQuery, select: accountsOf }).data ?? NO_ACCOUNTS;

export const useActiveAccount = (): PortalAccount | null =>
  useQuery({ ...accountsQuery, select: activeAccountOf }).data ?? null;

/** The account the portal queries are keyed by (renderer/queries/portal-keys.ts); null before the list is in, or when signed out. */
export const useActiveAccountId = (): string | null => useQuery({ ...accountsQuery, select: activeIdOf }).data ?? null;

/** The portal signed into when no other address is given; null until the list is in. */
export const useDefaultPortalUrl = (): string | null =>
  useQuery({ ...accountsQuery, select: defaultPortalOf }).data ?? null;
