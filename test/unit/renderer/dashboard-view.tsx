import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import type { ChannelName } from '../../../shared/ipc/channels';
import { INITIAL_DASHBOARD_SCREEN, useDashboardScreen } from '../../../renderer/features/dashboard/dashboard-screen';
import { instancesEventsWired } from '../../../renderer/ipc/events';
import { createAppQueryClient } from '../../../renderer/queries/query-client';
import { scriptedMain, type Answers } from './portal-licenses-fixtures';

// jsdom has <dialog> but neither showModal() nor close(): enough of both for ModalDialog.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
};

// jsdom lays nothing out: scrolling a refusal into view does nothing.
Element.prototype.scrollIntoView = function scrollIntoView() {};

afterEach(() => {
  cleanup();
  // Each test starts from a dashboard never opened in this session.
  useDashboardScreen.setState(INITIAL_DASHBOARD_SCREEN, true);
});

/**
 * Dashboard components over a scripted main, as the app draws them: a fresh query client per test, main's
 * instance events wired as in the app (renderer/ipc/events.ts), and `emit` to push one.
 */
export function dashboardView(ui: ReactElement, answers: Answers) {
  const main = scriptedMain(answers);
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  main.client.on = ((event: string, listener: (payload: unknown) => void) => {
    listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    return () => undefined;
  }) as typeof main.client.on;
  const queryClient = createAppQueryClient(main.client);
  instancesEventsWired(main.client, queryClient);
  const { unmount } = render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
  return {
    main,
    queryClient,
    /** Closes the screen, as leaving it for another does. */
    unmount,
    emit: (event: string, payload: unknown = {}): void =>
      listeners.get(event)?.forEach((listener) => listener(payload)),
    /** How many requests went to `channel`. */
    count: (channel: ChannelName): number => main.channels().filter((sent) => sent === channel).length,
  };
}
