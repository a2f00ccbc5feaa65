import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { createElement as h, type ReactElement } from 'react';
import { afterEach } from 'vitest';
import type { Api } from '../../../shared/ipc/api';
import type { ChannelName, EventName } from '../../../shared/ipc/channels';
import { createAppQueryClient } from '../../../renderer/queries/query-client';
import { scriptedMain, type Answers } from './portal-licenses-fixtures';

afterEach(cleanup);

/** Main as the page sees it: scripted answers, every request recorded, and events main can push (`emit`). */
export function eventfulMain(answers: Answers) {
  const main = scriptedMain(answers);
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const client: Api = {
    invoke: main.client.invoke,
    on: ((event: EventName, listener: (payload: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => undefined;
    }) as Api['on'],
  };
  const emit = (event: EventName, payload: unknown = {}): void =>
    listeners.get(event)?.forEach((listener) => listener(payload));
  /** How many requests went to `channel`. */
  const count = (channel: ChannelName): number => main.channels().filter((sent) => sent === channel).length;
  return { ...main, client, emit, count };
}

/** `ui` drawn as the app draws it, over `main`, with a fresh query client of its own. */
export function queryScreen(ui: ReactElement, main: ReturnType<typeof eventfulMain>) {
  const queryClient = createAppQueryClient(main.client);
  render(h(QueryClientProvider, { client: queryClient }, ui));
  return { queryClient };
}
