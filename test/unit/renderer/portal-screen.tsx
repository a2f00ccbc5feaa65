import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import type { PortalAccountView } from '../../../shared/ipc/portal-contract';
import type { ChannelName } from '../../../shared/ipc/channels';
import { useOrganizationScreen } from '../../../renderer/features/organizations/organization-screen';
import { accountsQuery, activeAccountOf } from '../../../renderer/queries/portal-accounts';
import { createAppQueryClient } from '../../../renderer/queries/query-client';
import { useAccountScreen } from '../../../renderer/store/account-screen';
import { ok, scriptedMain, type Answers } from './portal-licenses-fixtures';
import { ALICE } from './portal-test-data';

// jsdom has <dialog> but neither showModal() nor close(): enough of both for ModalDialog.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
};

afterEach(() => {
  cleanup();
  useOrganizationScreen.setState({ editing: false });
  useAccountScreen.setState({ adding: false, portalUrl: null, notice: null });
  window.history.replaceState(null, '', '#');
});

/**
 * A portal screen over a scripted main, as the app draws it: a fresh query client per test, and the
 * accounts listed (`accounts`, Alice by default, the first active).
 */
export async function portalScreen(ui: ReactElement, answers: Answers = {}, accounts: PortalAccountView[] = [ALICE]) {
  const main = scriptedMain({
    'portal:list-accounts': () => ok({ accounts, defaultPortalUrl: ALICE.portalUrl }),
    ...answers,
  });
  const queryClient = createAppQueryClient(main.client);
  await queryClient.fetchQuery(accountsQuery);
  const wrap = (element: ReactElement) => <QueryClientProvider client={queryClient}>{element}</QueryClientProvider>;
  const view = render(wrap(ui));
  return {
    main,
    queryClient,
    /** The account main last said is active, as the page holds it. */
    activeAccountId: (): string | null => activeAccountOf(queryClient.getQueryData(accountsQuery.queryKey))?.id ?? null,
    /** Draws another screen (or the same one with other props) in the same app. */
    rerender: (next: ReactElement) => view.rerender(wrap(next)),
    /** How many requests went to `channel`. */
    count: (channel: ChannelName): number => main.channels().filter((sent) => sent === channel).length,
  };
}

/** Types into the field labelled `label`, as a person would. */
export function typeInto(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

export function press(name: string | RegExp): void {
  fireEvent.click(screen.getByRole('button', { name }));
}
