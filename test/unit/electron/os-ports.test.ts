import { describe, expect, it, vi } from 'vitest';
import { createSecretClipboard, SECRET_CLIPBOARD_TTL_MS } from '../../../main/clipboard/secret-clipboard';
import { electronBrowser, electronClipboard, electronFileOpener } from '../../../main/electron/os-ports';
import { manualClock } from '../../e2e/bridge/manual-clock';
import { openExternal } from '../../../main/security/open-external';

vi.mock('electron', () => {
  throw new Error('the OS ports must not load electron themselves');
});

/** Electron 45's asynchronous clipboard, recording what it was asked. */
function osClipboard(initial = '') {
  const clipboard = {
    text: initial,
    readText: vi.fn(() => Promise.resolve(clipboard.text)),
    writeText: vi.fn((text: string) => {
      clipboard.text = text;
      return Promise.resolve();
    }),
    clear: vi.fn(() => {
      clipboard.text = '';
    }),
  };
  return clipboard;
}

describe('electronClipboard', () => {
  it('reads, writes and clears the system clipboard', async () => {
    const os = osClipboard('before');
    const port = electronClipboard(os);
    expect(await port.readText()).toBe('before');
    await port.writeText('sha256:abc');
    expect(os.writeText).toHaveBeenCalledWith('sha256:abc');
    expect(os.text).toBe('sha256:abc');
    await port.clear();
    expect(os.clear).toHaveBeenCalledTimes(1);
    expect(os.text).toBe('');
  });

  it('lets the secret clipboard remove a copied key after its time, but never what the user copied since', async () => {
    const os = osClipboard();
    const clock = manualClock();
    const cleared = vi.fn();
    const secrets = createSecretClipboard(electronClipboard(os), clock, cleared);
    await secrets.copySecret('license key');
    expect(os.text).toBe('license key');
    await clock.advance(SECRET_CLIPBOARD_TTL_MS);
    expect(os.text).toBe('');
    expect(cleared).toHaveBeenCalledTimes(1);

    await secrets.copySecret('another key');
    os.text = "the user's own text";
    await clock.advance(SECRET_CLIPBOARD_TTL_MS);
    expect(os.text).toBe("the user's own text");
    expect(os.clear).toHaveBeenCalledTimes(1);
  });

  it('passes a failing system clipboard on to the caller', async () => {
    const os = osClipboard();
    os.writeText.mockRejectedValueOnce(new Error('no display'));
    await expect(electronClipboard(os).writeText('x')).rejects.toThrow('no display');
  });
});

describe('electronBrowser', () => {
  it('opens a URL with shell.openExternal', async () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    await electronBrowser(shell).open('https://customers.goauthentik.io/');
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://customers.goauthentik.io/');
  });

  it('is reached through openExternal, which keeps non-https URLs away from the shell', async () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    const browser = electronBrowser(shell);
    expect(await openExternal(browser, 'file:///etc/passwd')).toBe(false);
    expect(await openExternal(browser, 'https://goauthentik.io/')).toBe(true);
    expect(shell.openExternal.mock.calls).toEqual([['https://goauthentik.io/']]);
  });
});

describe('electronFileOpener', () => {
  it('opens a file with shell.openPath', async () => {
    const shell = { openPath: vi.fn(() => Promise.resolve('')) };
    await electronFileOpener(shell).open('/tmp/aklm-invoices-x/AK-2026-000001.pdf');
    expect(shell.openPath.mock.calls).toEqual([['/tmp/aklm-invoices-x/AK-2026-000001.pdf']]);
  });

  it("turns openPath's error text into a rejection in its words", async () => {
    const shell = { openPath: vi.fn(() => Promise.resolve('No application is associated with this file')) };
    await expect(electronFileOpener(shell).open('/tmp/x.pdf')).rejects.toThrow(
      'No application is associated with this file',
    );
  });
});
