import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl, openExternal } from '../../../main/security/open-external';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://customers.goauthentik.io/from_authentik/purchase/?install_id=0b1c5e0a-8d0e-4d7e-9a36-7c1f4b0f2a11',
    'https://goauthentik.io/',
    'HTTPS://GOAUTHENTIK.IO/docs',
    'https://authentik.example.com:9443/if/admin/',
    'http://127.0.0.1:8000/',
    'http://localhost:9000/if/admin/',
    'http://[::1]:9000/',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://example.com/',
    'http://goauthentik.io/',
    'http://127.0.0.1.example.com/',
    'http://localhost.example.com/',
    'http://10.0.0.1/',
    'file:///etc/passwd',
    'file://C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.com/file',
    'smb://server/share',
    'ms-settings:privacy',
    'app://renderer/index.html',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'http://user:pass@127.0.0.1/',
    '//example.com/',
    '/relative/path',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('openExternal', () => {
  it('opens an allowed URL in the browser and says so', async () => {
    const browser = { open: vi.fn(() => Promise.resolve()) };
    expect(await openExternal(browser, 'https://goauthentik.io/')).toBe(true);
    expect(browser.open).toHaveBeenCalledWith('https://goauthentik.io/');
  });

  it('never hands a refused URL to the browser', async () => {
    const browser = { open: vi.fn(() => Promise.resolve()) };
    expect(await openExternal(browser, 'file:///etc/passwd')).toBe(false);
    expect(await openExternal(browser, 'javascript:alert(1)')).toBe(false);
    expect(browser.open).not.toHaveBeenCalled();
  });
});
