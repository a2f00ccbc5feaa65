import { describe, expect, it, vi } from 'vitest';

// The preload as Electron runs it, against a recording stand-in for `contextBridge` and `ipcRenderer`.
const electron = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  ipcRenderer: {
    invoke: async () => ({ ok: true, value: {} }),
    on: () => undefined,
    removeListener: () => undefined,
    send: () => undefined,
  },
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => void electron.exposed.push([name, value]) },
  ipcRenderer: electron.ipcRenderer,
}));

describe('the preload (preload/index.ts)', () => {
  it('exposes one frozen `api` with invoke and on, and no Electron object to the page', async () => {
    await import('../../../preload/index');
    expect(electron.exposed.map(([name]) => name)).toEqual(['api']);
    const api = electron.exposed[0]?.[1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer.send);
  });
});
