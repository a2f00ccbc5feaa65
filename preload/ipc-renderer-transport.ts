import type { Transport } from './create-api';

/** The part of Electron's `ipcRenderer` the transport uses (typed here so only index.ts imports electron). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Electron IPC as a Transport; the IpcRendererEvent (which exposes `sender`) is dropped here. */
export function ipcRendererTransport(ipcRenderer: IpcRendererLike): Transport {
  return {
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    on(event, listener) {
      const forward = (_event: unknown, payload: unknown): void => listener(payload);
      ipcRenderer.on(event, forward);
      return () => {
        ipcRenderer.removeListener(event, forward);
      };
    },
  };
}
