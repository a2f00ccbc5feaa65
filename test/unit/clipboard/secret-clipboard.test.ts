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
  it('clears a copied secret after the TTL and says so', () => {
    const { clipboard, clock, cleared, secrets } = setup();
    const { clearsAt } = secrets.copySecret('key-1');
    expect(clearsAt).toBe(clock.now() + SECRET_CLIPBOARD_TTL_MS);
    clock.advance(SECRET_CLIPBOARD_TTL_MS - 1);
    expect(clipboard.readText()).toBe('key-1');
    clock.advance(1);
    expect(clipboard.readText()).toBe('');
    expect(cleared).toHaveBeenCalledTimes(1);
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', () => {
    const { clipboard, clock, cleared, secrets } = setup();
    secrets.copySecret('key-1');
    clipboard.writeText('my notes');
    clock.advance(SECRET_CLIPBOARD_TTL_MS);
    expect(clipboard.readText()).toBe('my notes');
    expect(cleared).not.toHaveBeenCalled();
  });

  it('restarts the countdown for a second secret and cancels it for plain text', () => {
    const { clipboard, clock, cleared, secrets } = setup();
    secrets.copySecret('key-1');
    clock.advance(SECRET_CLIPBOARD_TTL_MS / 2);
    secrets.copySecret('key-2');
    clock.advance(SECRET_CLIPBOARD_TTL_MS / 2);
    expect(clipboard.readText()).toBe('key-2');
    secrets.copyText('sha256:abc');
    clock.advance(SECRET_CLIPBOARD_TTL_MS);
    expect(clipboard.readText()).toBe('sha256:abc');
    expect(cleared).not.toHaveBeenCalled();
  });
});
