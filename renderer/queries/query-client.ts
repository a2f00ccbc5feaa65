import { QueryClient, type QueryClientConfig } from '@tanstack/react-query';
import type { Api } from '../../shared/ipc/api';
import type { ChannelName } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { answerOf, IpcFailureError } from '../ipc/answer';
import { portalKeys } from './portal-keys';

declare module '@tanstack/react-query' {
  interface Register {
    // Every query and mutation asks main through askMain, whose every failure is one of these.
    defaultError: IpcFailureError;
  }
}

/** The renderer's query client, holding the channel to main its queries and mutations ask through. */
class AppQueryClient extends QueryClient {
  constructor(
    readonly ipc: Api,
    config?: QueryClientConfig,
  ) {
    super(config);
  }
}

const DEFAULTS: QueryClientConfig = {
  defaultOptions: {
    queries: {
      // Main pushes an event when what it holds changes (events.ts): a read stays fresh until then.
      staleTime: Infinity,
      // Focus and reconnection change nothing main holds; the network is main's business, not the page's.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // IPC works offline (the app verifies keys offline): never wait for the browser to feel online.
      networkMode: 'always',
      // An answer is final: main already retried the network and said why in words. A call that got no answer is asked once more.
      retry: (failures, error) => !error.answered && failures < 1,
    },
    mutations: { networkMode: 'always', retry: false },
  },
};

/** A fresh query client over `ipc`: one per page (main.tsx), per test bridge page, and per unit test. */
export function createAppQueryClient(ipc: Api): QueryClient {
  const client = new AppQueryClient(ipc, DEFAULTS);
  client.setQueryDefaults(portalKeys.all, {
    // The portal also changes remotely (another Owner, the portal's website), and main hears nothing of it:
    // a read older than this is read again when shown, and when the window comes back to the front.
    staleTime: 10_000,
    refetchOnWindowFocus: true,
  });
  return client;
}

/** The channel to main `client` asks through (main's events arrive on it too); one not made by createAppQueryClient has none. */
export function mainChannelOf(client: QueryClient): Api {
  if (!(client instanceof AppQueryClient))
    throw new Error('Main is reached through a query client made by createAppQueryClient.');
  return client.ipc;
}

/**
 * Asks main on `channel` through the query client's channel (a query's or mutation's context hands it
 * in): the answer's value, or main's failure thrown as an IpcFailureError.
 */
export function askMain<C extends ChannelName>(
  client: QueryClient,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  if (!(client instanceof AppQueryClient)) {
    return Promise.reject(
      new IpcFailureError({
        code: 'internal_error',
        message: 'Queries ask main through a query client made by createAppQueryClient.',
      }),
    );
  }
  return answerOf(client.ipc.invoke(channel, input));
}
