import { describe, expect, it, vi } from 'vitest';
import { createApi, type Transport } from '../../../preload/create-api';
import { ipcRendererTransport, type IpcRendererLike } from '../../../preload/ipc-renderer-transport';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Behaves like Electron's ipcRenderer: listeners get (event, payload), where the event exposes `sender`. */
function fakeIpcRenderer() {
  const listeners = new Map<string, Set<Listener>>();
  const renderer: IpcRendererLike & { emit(channel: string, payload: unknown): void; count(channel: string): number } =
    {
      invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
      on(channel, listener) {
        listeners.set(channel, new Set([...(listeners.get(channel) ?? []), listener]));
        return renderer;
      },
      removeListener(channel, listener) {
        listeners.get(channel)?.delete(listener);
        return renderer;
      },
      emit(channel, payload) {
        const event = { sender: { send: () => undefined }, senderId: 0, ports: [] };
        for (const listener of listeners.get(channel) ?? []) listener(event, payload);
      },
      count: (channel) => listeners.get(channel)?.size ?? 0,
    };
  return renderer;
}

describe('preload createApi over Electron IPC', () => {
  it('forwards contract channels with their one object payload', async () => {
    const renderer = fakeIpcRenderer();
    const api = createApi(ipcRendererTransport(renderer));
    const result = await api.invoke('license:copy-fingerprint', { fingerprint: 'sha256:x' });
    expect(renderer.invoke).toHaveBeenCalledWith('license:copy-fingerprint', { fingerprint: 'sha256:x' });
    expect(result).toEqual({
      ok: true,
      value: { channel: 'license:copy-fingerprint', input: { fingerprint: 'sha256:x' } },
    });
  });

  it('rejects channels outside the contract without sending anything', async () => {
    const renderer = fakeIpcRenderer();
    const api = createApi(ipcRendererTransport(renderer)) as unknown as {
      invoke(channel: string, input: unknown): Promise<unknown>;
    };
    expect(await api.invoke('secrets:read-token', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(renderer.invoke).not.toHaveBeenCalled();
  });

  it('rejects subscriptions to events outside the contract', () => {
    const api = createApi(ipcRendererTransport(fakeIpcRenderer())) as unknown as {
      on(event: string, listener: () => void): unknown;
    };
    expect(() => api.on('ipc:raw', () => undefined)).toThrow(TypeError);
  });

  it('gives listeners the payload only, never the Electron event object', () => {
    const renderer = fakeIpcRenderer();
    const api = createApi(ipcRendererTransport(renderer));
    const listener = vi.fn();
    api.on('clipboard:did-clear', listener);
    renderer.emit('clipboard:did-clear', { reason: 'timeout', clearsAt: '2026-11-29T12:00:00Z' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ reason: 'timeout', clearsAt: '2026-11-29T12:00:00Z' }]);
  });

  it('unsubscribes', () => {
    const renderer = fakeIpcRenderer();
    const api = createApi(ipcRendererTransport(renderer));
    const listener = vi.fn();
    const unsubscribe = api.on('clipboard:did-clear', listener);
    expect(renderer.count('clipboard:did-clear')).toBe(1);
    unsubscribe();
    renderer.emit('clipboard:did-clear', { reason: 'timeout', clearsAt: '2026-11-29T12:00:00Z' });
    expect(listener).not.toHaveBeenCalled();
    expect(renderer.count('clipboard:did-clear')).toBe(0);
  });

  it('answers internal_error when the transport fails, and is frozen', async () => {
    const broken: Transport = { invoke: async () => Promise.reject(new Error('gone')), on: () => () => undefined };
    const api = createApi(broken);
    expect(await api.invoke('license:copy-fingerprint', { fingerprint: 'sha256:x' })).toMatchObject({
      ok: false,
      error: { code: 'internal_error' },
    });
    expect(Object.isFrozen(api)).toBe(true);
  });
});
