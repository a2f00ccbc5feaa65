/**
 * Injected into the page with Playwright's addInitScript: the preload's own `createApi`, carried over
 * a WebSocket to the bridge instead of Electron IPC. One API shape, two transports.
 */
import { createApi, type Transport } from '../../../preload/create-api';
import type { BridgeMessage, BridgeRequest } from './bridge-protocol';
import { IPC_PATH } from './bridge-protocol';

function webSocketTransport(url: string): Transport {
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('bridge unreachable')), { once: true });
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as BridgeMessage;
    if ('id' in data) {
      pending.get(data.id)?.resolve(data.result);
      pending.delete(data.id);
    } else {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const { reject } of pending.values()) reject(new Error('bridge closed'));
    pending.clear();
  });

  return {
    async invoke(channel, input) {
      await opened;
      const id = nextId++;
      const request: BridgeRequest = { id, channel, input, frame: window === window.top ? 'main' : 'sub' };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        socket.send(JSON.stringify(request));
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
  };
}

if (location.protocol === 'http:' && location.hostname === '127.0.0.1') {
  Object.defineProperty(window, 'api', {
    value: createApi(webSocketTransport(`ws://${location.host}${IPC_PATH}`)),
    enumerable: true,
  });
}
