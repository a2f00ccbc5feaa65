import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { guardWebContents } from '../../../main/electron/web-contents-guards';
import { createLog } from '../../../main/logging/log';
import { createSecretRedactor } from '../../../main/logging/secret-redactor';
import { FakeWebContents, fakeEvent } from './fake-electron';

vi.mock('electron', () => {
  throw new Error('the webContents guards must not load electron themselves');
});

function guarded() {
  const contents = new FakeWebContents(1);
  const browser = { open: vi.fn(() => Promise.resolve()) };
  const logged: string[] = [];
  const redactor = createSecretRedactor();
  guardWebContents(
    contents as unknown as WebContents,
    browser,
    createLog((text) => logged.push(text), redactor),
  );
  const openWindow = (url: string) => {
    if (contents.windowOpenHandler === null) throw new Error('no window-open handler was set');
    return contents.windowOpenHandler({ url });
  };
  return { contents, browser, openWindow, logged, redactor };
}

/** Lets the promise chain started by the window-open handler run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'prevents every %s, whatever the target',
    (name) => {
      const { contents } = guarded();
      for (const url of [
        'https://evil.example/',
        'file:///etc/passwd',
        'app://renderer/index.html',
        'http://127.0.0.1:8000/',
      ]) {
        const event = fakeEvent();
        contents.events.emit(name, Object.assign(event, { url }), url, false, true);
        expect(event.defaultPrevented(), `${name} ${url}`).toBe(true);
      }
    },
  );

  it('prevents attaching a <webview>', () => {
    const { contents } = guarded();
    const event = fakeEvent();
    contents.events.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(event.defaultPrevented()).toBe(true);
  });

  it('denies window.open and hands an https link to the system browser', async () => {
    const { browser, openWindow } = guarded();
    expect(openWindow('https://customers.goauthentik.io/from_authentik/purchase/?install_id=x')).toEqual({
      action: 'deny',
    });
    await settle();
    expect(browser.open).toHaveBeenCalledTimes(1);
    expect(browser.open).toHaveBeenCalledWith('https://customers.goauthentik.io/from_authentik/purchase/?install_id=x');
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://example.com/',
    'data:text/html,<script>alert(1)</script>',
    'app://renderer/index.html',
    'https://user:pass@example.com/',
    'not a url',
  ])('denies window.open(%s) and opens nothing', async (url) => {
    const { browser, openWindow } = guarded();
    expect(openWindow(url)).toEqual({ action: 'deny' });
    await settle();
    expect(browser.open).not.toHaveBeenCalled();
  });

  it('still denies the window when the system browser fails, and logs why without the secrets it was told', async () => {
    const { browser, openWindow, logged, redactor } = guarded();
    redactor.remember('instance-token-0123456789');
    browser.open.mockRejectedValueOnce(new Error('no browser for a page carrying instance-token-0123456789'));
    expect(openWindow('https://goauthentik.io/')).toEqual({ action: 'deny' });
    await settle();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      /^The system browser could not be opened: Error: no browser for a page carrying \[redacted\]/,
    );
    expect(logged[0]).not.toContain('instance-token-0123456789');
  });
});
