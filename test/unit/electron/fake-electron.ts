import { vi, type Mock } from 'vitest';

/**
 * A recording stand-in for the `electron` module (its binary cannot be downloaded here). Tests
 * install it with `vi.mock('electron', () => fake.module)` and read back what the code under test
 * asked Electron to do.
 */

type Listener = (...args: never[]) => unknown;

export interface FakeEmitter {
  on(name: string, listener: Listener): FakeEmitter;
  once(name: string, listener: Listener): FakeEmitter;
  emit(name: string, ...args: unknown[]): void;
  listenerCount(name: string): number;
}

export function fakeEmitter(): FakeEmitter {
  const listeners = new Map<string, { listener: Listener; once: boolean }[]>();
  const add = (name: string, listener: Listener, once: boolean): void => {
    listeners.set(name, [...(listeners.get(name) ?? []), { listener, once }]);
  };
  const emitter: FakeEmitter = {
    on(name, listener) {
      add(name, listener, false);
      return emitter;
    },
    once(name, listener) {
      add(name, listener, true);
      return emitter;
    },
    emit(name, ...args) {
      const current = listeners.get(name) ?? [];
      listeners.set(
        name,
        current.filter((entry) => !entry.once),
      );
      for (const { listener } of current) (listener as (...values: unknown[]) => unknown)(...args);
    },
    listenerCount: (name) => (listeners.get(name) ?? []).length,
  };
  return emitter;
}

/** A navigation-style event whose `preventDefault` is recorded. */
export function fakeEvent(): { preventDefault: ReturnType<typeof vi.fn>; defaultPrevented: () => boolean } {
  const preventDefault = vi.fn();
  return { preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 };
}

export interface FakeFrame {
  url: string;
}

/** A webContents: an emitter plus the window-open handler it was given. */
export class FakeWebContents {
  readonly events = fakeEmitter();
  readonly send = vi.fn();
  readonly mainFrame: FakeFrame = { url: 'app://renderer/index.html' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;

  constructor(readonly id: number) {}

  on(name: string, listener: Listener): this {
    this.events.on(name, listener);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export interface FakeElectron {
  /** What `import … from 'electron'` gives the code under test: named exports and a default. */
  module: Record<string, unknown>;
  /** Electron calls in order, by name, for checking what happened before `ready`. */
  calls: string[];
  app: FakeApp;
  protocol: { registerSchemesAsPrivileged: ReturnType<typeof vi.fn> };
  session: { defaultSession: FakeSession };
  ipcMain: {
    handlers: Map<string, (...args: unknown[]) => unknown>;
    handle: ReturnType<typeof vi.fn>;
    on: ReturnType<typeof vi.fn>;
  };
  clipboard: {
    text: string;
    readText: ReturnType<typeof vi.fn>;
    writeText: Mock<(text: string) => Promise<void>>;
    clear: ReturnType<typeof vi.fn>;
  };
  shell: { openExternal: ReturnType<typeof vi.fn> };
  windows: FakeBrowserWindowInstance[];
  /** Resolves `app.whenReady()`, as Electron does once it is initialised. */
  becomeReady(): void;
}

export interface FakeBrowserWindowInstance {
  options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  webContents: FakeWebContents;
  events: FakeEmitter;
  loadURL: ReturnType<typeof vi.fn>;
  show: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
  restore: ReturnType<typeof vi.fn>;
  minimized: boolean;
  destroyed: boolean;
  /** Closes the window as Electron does: destroyed first, then `closed`. */
  close(): void;
}

type Recorded<T> = ReturnType<typeof vi.fn<() => T>>;

export interface FakeApp {
  events: FakeEmitter;
  hasLock: boolean;
  isPackaged: boolean;
  resolveReady(): void;
  on(name: string, listener: Listener): FakeApp;
  whenReady: Recorded<Promise<void>>;
  requestSingleInstanceLock: Recorded<boolean>;
  enableSandbox: Recorded<void>;
  /** The paths set with `app.setPath`, by name. */
  paths: Map<string, string>;
  setPath: ReturnType<typeof vi.fn<(name: string, path: string) => void>>;

  quit: Recorded<void>;
  exit: Recorded<void>;
}

function createApp(calls: string[]): FakeApp {
  const events = fakeEmitter();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const recorded = <T>(name: string, result: () => T): Recorded<T> =>
    vi.fn((): T => {
      calls.push(`app.${name}`);
      return result();
    });
  const app: FakeApp = {
    events,
    hasLock: true,
    isPackaged: false,
    resolveReady: () => resolveReady(),
    on(name, listener) {
      calls.push(`app.on(${name})`);
      events.on(name, listener);
      return app;
    },
    whenReady: recorded('whenReady', () => ready),
    requestSingleInstanceLock: recorded('requestSingleInstanceLock', () => app.hasLock),
    enableSandbox: recorded('enableSandbox', () => undefined),
    paths: new Map(),
    setPath: vi.fn((name: string, path: string) => {
      calls.push(`app.setPath(${name})`);
      app.paths.set(name, path);
    }),
    quit: recorded('quit', () => undefined),
    exit: recorded('exit', () => undefined),
  };
  return app;
}

type HandlerSetter = ReturnType<typeof vi.fn<(handler: unknown) => void>>;

export interface FakeSession {
  setPermissionRequestHandler: HandlerSetter;
  setPermissionCheckHandler: HandlerSetter;
  setDevicePermissionHandler: HandlerSetter;
  protocol: { handle: ReturnType<typeof vi.fn<(scheme: string, handler: unknown) => void>> };
}

function createSession(calls: string[]): FakeSession {
  const record = (name: string): HandlerSetter =>
    vi.fn<(handler: unknown) => void>(() => {
      calls.push(`session.${name}`);
    });
  return {
    setPermissionRequestHandler: record('setPermissionRequestHandler'),
    setPermissionCheckHandler: record('setPermissionCheckHandler'),
    setDevicePermissionHandler: record('setDevicePermissionHandler'),
    protocol: {
      handle: vi.fn<(scheme: string, handler: unknown) => void>(() => {
        calls.push('session.protocol.handle');
      }),
    },
  };
}

export function createFakeElectron(): FakeElectron {
  const calls: string[] = [];
  const windows: FakeBrowserWindowInstance[] = [];
  let nextId = 1;

  class BrowserWindow implements FakeBrowserWindowInstance {
    readonly events = fakeEmitter();
    readonly webContents = new FakeWebContents(nextId++);
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    minimized = false;
    destroyed = false;

    constructor(readonly options: FakeBrowserWindowInstance['options']) {
      calls.push('new BrowserWindow');
      windows.push(this);
    }

    on(name: string, listener: Listener): this {
      this.events.on(name, listener);
      return this;
    }

    once(name: string, listener: Listener): this {
      this.events.once(name, listener);
      return this;
    }

    isDestroyed(): boolean {
      return this.destroyed;
    }

    isMinimized(): boolean {
      return this.minimized;
    }

    close(): void {
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.events.emit('closed');
    }
  }

  const app = createApp(calls);
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => {
      calls.push('protocol.registerSchemesAsPrivileged');
    }),
  };
  const session = { defaultSession: createSession(calls) };
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const ipcMain = {
    handlers,
    handle: vi.fn((channel: string, listener: (...args: unknown[]) => unknown) => {
      handlers.set(channel, listener);
    }),
    on: vi.fn(),
  };
  const clipboard = {
    text: '',
    readText: vi.fn(() => Promise.resolve(clipboard.text)),
    writeText: vi.fn((text: string) => {
      clipboard.text = text;
      return Promise.resolve();
    }),
    clear: vi.fn(() => {
      clipboard.text = '';
    }),
  };
  const shell = { openExternal: vi.fn(() => Promise.resolve()) };
  const named = { app, BrowserWindow, protocol, session, ipcMain, clipboard, shell };
  return {
    module: { ...named, default: named },
    calls,
    app,
    protocol,
    session,
    ipcMain,
    clipboard,
    shell,
    windows,
    becomeReady: () => {
      calls.push('ready');
      app.resolveReady();
    },
  };
}
