import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, type FakeElectron } from './fake-electron';

// The shipped main bundle (dist/main/index.js, built by `npm run build`) run under a fake electron:
// the paths it computes from its own location must point at the shipped preload.
vi.mock('electron', () => {
  throw new Error('the main bundle must be loaded under the fake electron installed below');
});

const BUNDLE = resolve('dist/main/index.js');

// The bundle opens its registry in the data folder; keep it out of the real one.
let dataDir = '';
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'aklm-main-bundle-'));
  vi.stubEnv('AKLM_DATA_DIR', dataDir);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startBundle(): Promise<FakeElectron> {
  if (!existsSync(BUNDLE)) throw new Error('dist/main/index.js is missing: run `npm run build` first (npm test does).');
  const fake = createFakeElectron();
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  // A variable specifier: the bundle has no type declarations, and must be loaded as built.
  const specifier = '../../../dist/main/index.js';
  await import(/* @vite-ignore */ specifier);
  fake.becomeReady();
  await new Promise((resolve) => setImmediate(resolve));
  return fake;
}

// Loading the 7 MB bundle through vitest's module runner takes seconds, many on a busy machine.
describe('dist/main/index.js', { timeout: 90_000 }, () => {
  it('starts a window whose preload is the bundled dist/preload/index.cjs', async () => {
    const fake = await startBundle();
    expect(fake.windows).toHaveLength(1);
    const preload = String(fake.windows[0]?.options.webPreferences.preload);
    expect(isAbsolute(preload)).toBe(true);
    expect(preload).toBe(resolve('dist', 'preload', 'index.cjs'));
    expect(preload.endsWith(join('dist', 'preload', 'index.cjs'))).toBe(true);
    expect(existsSync(preload)).toBe(true);
    expect(fake.windows[0]?.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
    // Electron's userData is the data folder the CLI shares.
    expect(fake.app.paths.get('userData')).toBe(dataDir);
  });

  it('serves app:// from dist/renderer', async () => {
    const renderedIndex = resolve('dist/renderer/index.html');
    if (!existsSync(renderedIndex))
      throw new Error('dist/renderer/index.html is missing: run `npm run build` first (npm test does).');
    const fake = await startBundle();
    const [, handler] = fake.session.defaultSession.protocol.handle.mock.calls[0] as unknown as [
      string,
      (request: Request) => Promise<Response>,
    ];
    const index = await handler(new Request('app://renderer/index.html'));
    expect(index.status).toBe(200);
    expect(await index.text()).toBe(await readFile(renderedIndex, 'utf8'));
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escaped = await handler(new Request('app://renderer/..%2fpreload%2findex.cjs'));
    expect(escaped.status).toBe(404);
  });
});
