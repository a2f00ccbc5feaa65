import { describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { bindIpc, type PushTarget } from '../../../main/electron/ipc-binding';
import { createEventHub } from '../../../main/ipc/event-hub';
import type { Handlers } from '../../../main/ipc/handlers';
import { createRouter } from '../../../main/ipc/router';
import { createSenderPolicy, type Sender } from '../../../main/ipc/sender';
import { CHANNELS } from '../../../shared/ipc/channels';

vi.mock('electron', () => {
  throw new Error('the IPC binding must not load electron itself');
});

const WINDOW_ID = 7;
const INSTALL_ID = '0b1c5e0a-8d0e-4d7e-9a36-7c1f4b0f2a11';
const APP_PAGE = 'app://renderer/index.html';

type InvokeListener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function notUsed(): Promise<never> {
  return Promise.reject(new Error('not used by these tests'));
}

function setup() {
  const opened: unknown[] = [];
  const handlers: Handlers = {
    ...(Object.fromEntries(CHANNELS.map((channel) => [channel, notUsed])) as unknown as Handlers),
    'portal:open-purchase': (input) => {
      opened.push(input);
      return Promise.resolve({
        url: `https://customers.goauthentik.io/from_authentik/purchase/?install_id=${input.installId}`,
      });
    },
  };
  const knownIds = new Set<number>([WINDOW_ID]);
  const policy = createSenderPolicy('app://renderer', knownIds);
  const senders: Sender[] = [];
  const isTrusted = (sender: Sender) => {
    senders.push(sender);
    return policy(sender);
  };
  const router = createRouter({ handlers, isTrusted, outputCheck: 'strict' });
  const listeners = new Map<string, InvokeListener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: InvokeListener) => {
      listeners.set(channel, listener);
    }),
    handleOnce: vi.fn(),
    on: vi.fn(),
    once: vi.fn(),
    addListener: vi.fn(),
  };
  const hub = createEventHub();
  const windows = new Set<PushTarget>();
  const unbind = bindIpc(ipcMain as unknown as IpcMain, router, hub, () => windows);
  const invoke = (channel: string, event: unknown, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  };
  return { ipcMain, listeners, invoke, opened, senders, hub, windows, unbind };
}

/** An invoke event as Electron builds it: the sending webContents and the frame that sent it. */
function eventFrom(options: { id?: number; frame?: 'main' | 'sub' | 'gone'; url?: string } = {}) {
  const mainFrame = { url: options.url ?? APP_PAGE };
  const senderFrame =
    options.frame === 'gone' ? null : options.frame === 'sub' ? { url: options.url ?? APP_PAGE } : mainFrame;
  return { sender: { id: options.id ?? WINDOW_ID, mainFrame }, senderFrame };
}

function fakeWindow(): PushTarget & { webContents: { send: ReturnType<typeof vi.fn> }; gone: boolean } {
  const window = {
    gone: false,
    isDestroyed: () => window.gone,
    webContents: { send: vi.fn(), isDestroyed: () => window.gone },
  };
  return window;
}

describe('bindIpc', () => {
  it("handles exactly the contract's channels and listens to nothing else", () => {
    const { ipcMain, listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(CHANNELS.length);
    expect(ipcMain.handleOnce).not.toHaveBeenCalled();
    expect(ipcMain.on).not.toHaveBeenCalled();
    expect(ipcMain.once).not.toHaveBeenCalled();
    expect(ipcMain.addListener).not.toHaveBeenCalled();
  });

  it('tells the router which webContents and frame sent a request', async () => {
    const { invoke, senders } = setup();
    await invoke('portal:open-purchase', eventFrom(), { installId: INSTALL_ID });
    await invoke('portal:open-purchase', eventFrom({ frame: 'sub', url: 'https://ads.example/frame.html' }), {
      installId: INSTALL_ID,
    });
    await invoke('portal:open-purchase', eventFrom({ frame: 'gone' }), { installId: INSTALL_ID });
    expect(senders).toEqual([
      { id: WINDOW_ID, url: APP_PAGE, isMainFrame: true },
      { id: WINDOW_ID, url: 'https://ads.example/frame.html', isMainFrame: false },
      { id: WINDOW_ID, url: null, isMainFrame: false },
    ]);
  });

  it("answers the app's own top frame through the router, with one input object", async () => {
    const { invoke, opened } = setup();
    const result = await invoke(
      'portal:open-purchase',
      eventFrom(),
      { installId: INSTALL_ID },
      'ignored extra argument',
    );
    expect(result).toEqual({
      ok: true,
      value: { url: `https://customers.goauthentik.io/from_authentik/purchase/?install_id=${INSTALL_ID}` },
    });
    expect(opened).toEqual([{ installId: INSTALL_ID, authentikUrl: null }]);
  });

  it.each([
    ['a sub-frame of the app window', eventFrom({ frame: 'sub' })],
    ['a frame that is already gone', eventFrom({ frame: 'gone' })],
    ['a webContents the app did not create', eventFrom({ id: WINDOW_ID + 1 })],
    ['the app window showing another origin', eventFrom({ url: 'https://evil.example/' })],
    ['the app window showing a file: page', eventFrom({ url: 'file:///tmp/index.html' })],
  ])('answers %s with forbidden and runs no handler', async (_name, event) => {
    const { invoke, opened } = setup();
    const result = await invoke('portal:open-purchase', event, { installId: INSTALL_ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(opened).toEqual([]);
  });

  it('pushes hub events to every live window as (name, payload) only', () => {
    const { hub, windows } = setup();
    const first = fakeWindow();
    const second = fakeWindow();
    const closed = fakeWindow();
    closed.gone = true;
    windows.add(first).add(second).add(closed);
    hub.emit('clipboard:did-clear', { reason: 'timeout', clearsAt: '2026-11-29T12:00:00Z' });
    for (const window of [first, second]) {
      expect(window.webContents.send).toHaveBeenCalledTimes(1);
      expect(window.webContents.send.mock.calls[0]).toEqual([
        'clipboard:did-clear',
        { reason: 'timeout', clearsAt: '2026-11-29T12:00:00Z' },
      ]);
    }
    expect(closed.webContents.send).not.toHaveBeenCalled();
  });

  it('reaches windows opened after binding, and none once unbound', () => {
    const { hub, windows, unbind } = setup();
    const later = fakeWindow();
    windows.add(later);
    hub.emit('clipboard:did-clear', { reason: 'timeout', clearsAt: '2026-11-29T12:00:00Z' });
    expect(later.webContents.send).toHaveBeenCalledTimes(1);
    unbind();
    hub.emit('clipboard:did-clear', { reason: 'timeout', clearsAt: '2026-11-29T12:00:00Z' });
    expect(later.webContents.send).toHaveBeenCalledTimes(1);
  });
});
