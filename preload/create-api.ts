import type { Api } from '../shared/ipc/api';
import { isChannel, isEvent, type ChannelName } from '../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../shared/ipc/contract';
import type { Result } from '../shared/ipc/result';

/** What carries requests and events: Electron's ipcRenderer in the app, a WebSocket in the test bridge. */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Calls `listener` with each payload of `event` only (never a transport event object). */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

function failure(code: 'unknown_channel' | 'internal_error', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** `window.api`: contract channels and events only, whatever the transport. */
export function createApi(transport: Transport): Api {
  const api: Api = {
    async invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
      if (!isChannel(channel))
        return failure('unknown_channel', `There is no channel named ${JSON.stringify(channel)}.`);
      try {
        return (await transport.invoke(channel, input)) as Result<ChannelOutput<C>>;
      } catch {
        return failure('internal_error', 'The app did not answer; restart it if this happens again.');
      }
    },
    on(event, listener) {
      if (!isEvent(event)) throw new TypeError(`There is no event named ${JSON.stringify(event)}.`);
      return transport.on(event, (payload) => listener(payload as Parameters<typeof listener>[0]));
    },
  };
  return Object.freeze(api);
}
