import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerAppScheme, serveAppProtocol } from '../../../main/electron/app-scheme';

// app-scheme.ts takes Electron's protocol objects as arguments; nothing here may load the real module.
vi.mock('electron', () => {
  throw new Error('the app:// scheme adapter must not load electron itself');
});

const INDEX_HTML = '<!doctype html><title>authentik License Manager</title>';
const SECRET = 'outside the renderer directory: must never be served';

type Handler = (request: Request) => Promise<Response>;

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== undefined && words[0] !== '')
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('registerAppScheme', () => {
  it('registers app: as a standard, secure, fetch-capable scheme, and grants nothing more', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const [[schemes]] = protocol.registerSchemesAsPrivileged.mock.calls as [
      [{ privileges: Record<string, unknown> }[]],
    ];
    for (const privilege of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers', 'stream', 'codeCache']) {
      expect(schemes[0]?.privileges[privilege], privilege).toBeUndefined();
    }
  });
});

describe('serveAppProtocol', () => {
  let root: string;
  let handler: Handler;
  const handle = vi.fn();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'aklm-app-scheme-'));
    await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
    await writeFile(join(root, 'renderer', 'index.html'), INDEX_HTML);
    await writeFile(join(root, 'renderer', 'assets', 'app.js'), 'console.log("app")');
    await writeFile(join(root, 'secret.txt'), SECRET);
    serveAppProtocol({ protocol: { handle } }, join(root, 'renderer'));
    const [call] = handle.mock.calls as [string, Handler][];
    if (call === undefined) throw new Error('serveAppProtocol registered no handler');
    handler = call[1];
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('handles exactly the app: scheme', () => {
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0]?.[0]).toBe('app');
  });

  it('serves index.html from the renderer directory with a strict Content-Security-Policy', async () => {
    const response = await handler(new Request('app://renderer/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe(INDEX_HTML);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    const scriptSrc = directives(csp).get('script-src');
    expect(scriptSrc).toEqual(["'self'"]);
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(directives(csp).get('default-src')).toEqual(["'none'"]);
  });

  it("serves the bundle's scripts with the same policy", async () => {
    const response = await handler(new Request('app://renderer/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it.each([
    'app://renderer/../secret.txt',
    'app://renderer/%2e%2e/secret.txt',
    'app://renderer/..%2fsecret.txt',
    'app://renderer/%2e%2e%5csecret.txt',
    'app://renderer/assets/..%2f..%2fsecret.txt',
    'app://renderer/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://renderer/missing.html',
  ])('answers %s with 404 and never the file outside the renderer directory', async (url) => {
    const response = await handler(new Request(url));
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain(SECRET);
  });
});
