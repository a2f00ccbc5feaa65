import { describe, expect, it, vi } from 'vitest';
import { createSecretClipboard, SECRET_CLIPBOARD_TTL_MS } from '../../../main/clipboard/secret-clipboard';
import { manualClock } from '../../e2e/bridge/manual-clock';
import { memoryClipboard } from '../../e2e/bridge/memory-clipboard';

function setup() {
  const clipboard = memoryClipboard();
  const clock = manualClock();
  const cleared = vi.fn();
  return { clipboard, clock, cleared, secrets: createSecretClipboard(clipboard, clock, cleared) };
}

describe('secret clipboard', () => {
  it('clears a copied secret after the TTL and says which copy it cleared', async () => {
    const { clipboard, clock, cleared, secrets } = setup();
    const { clearsAt } = await secrets.copySecret('key-1');
    expect(clearsAt).toBe(clock.now() + SECRET_CLIPBOARD_TTL_MS);
    await clock.advance(SECRET_CLIPBOARD_TTL_MS - 1);
    expect(clipboard.peek()).toBe('key-1');
    await clock.advance(1);
    expect(clipboard.peek()).toBe('');
    expect(cleared).toHaveBeenCalledExactlyOnceWith(clearsAt);
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const { clipboard, clock, cleared, secrets } = setup();
    await secrets.copySecret('key-1');
    await clipboard.writeText('my notes');
    await clock.advance(SECRET_CLIPBOARD_TTL_MS);
    expect(clipboard.peek()).toBe('my notes');
    expect(cleared).not.toHaveBeenCalled();
  });

  it('restarts the countdown for a second secret and cancels it for plain text', async () => {
    const { clipboard, clock, cleared, secrets } = setup();
    await secrets.copySecret('key-1');
    await clock.advance(SECRET_CLIPBOARD_TTL_MS / 2);
    await secrets.copySecret('key-2');
    await clock.advance(SECRET_CLIPBOARD_TTL_MS / 2);
    expect(clipboard.peek()).toBe('key-2');
    await secrets.copyText('sha256:abc');
    await clock.advance(SECRET_CLIPBOARD_TTL_MS);
    expect(clipboard.peek()).toBe('sha256:abc');
    expect(cleared).not.toHaveBeenCalled();
  });
});
