import type { Api } from '../shared/ipc/api';
/** What carries requests and events: Electron's ipcRenderer in the app, a WebSocket in the test bridge. */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Calls `listener` with each payload of `event` only (never a transport event object). */
  on(event: string, listener: (payload: unknown) => void): () => void;
}
/** `window.api`: contract channels and events only, whatever the transport. */
export declare function createApi(transport: Transport): Api;
