import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type EventName } from '../../shared/ipc/channels';
import type { Router } from '../ipc/router';
import type { Sender } from '../ipc/sender';

/** A window push events may reach (a BrowserWindow). */
export interface PushTarget {
  isDestroyed(): boolean;
  webContents: { isDestroyed(): boolean; send(channel: string, ...args: unknown[]): void };
}

export interface PushHub {
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

/** Who sent an invoke: the webContents, the URL of the frame that sent it, and whether it is the top frame. */
export function senderOf(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): Sender {
  const frame = event.senderFrame;
  return {
    id: event.sender.id,
    url: frame?.url ?? null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
  };
}

/**
 * Connects Electron IPC to the router: one `handle` per contract channel, nothing else; the router
 * decides whether the sender is trusted. Push events go to every live window `windows()` yields,
 * as `(name, payload)` only.
 */
export function bindIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  router: Router,
  hub: PushHub,
  windows: () => Iterable<PushTarget>,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => router(channel, input, senderOf(event)));
  }
  return hub.subscribe((name, payload) => {
    for (const window of windows()) {
      if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
      window.webContents.send(name, payload);
    }
  });
}
