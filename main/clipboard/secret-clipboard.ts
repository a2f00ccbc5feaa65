import type { Clock } from '../ports/clock';
import type { ClipboardPort } from '../ports/clipboard';

export const SECRET_CLIPBOARD_TTL_MS = 60_000;

export interface SecretClipboard {
  /** Copies a secret and clears it after the TTL unless the user copied something else meanwhile. */
  copySecret(text: string): Promise<{ clearsAt: number }>;
  copyText(text: string): Promise<void>;
}

/** Copies like a password manager: secrets leave the clipboard on their own. */
export function createSecretClipboard(
  clipboard: ClipboardPort,
  clock: Clock,
  onCleared: (clearsAt: number) => void,
): SecretClipboard {
  let cancelPending: (() => void) | null = null;
  const cancel = (): void => {
    cancelPending?.();
    cancelPending = null;
  };
  return {
    async copySecret(text) {
      cancel();
      await clipboard.writeText(text);
      const clearsAt = clock.now() + SECRET_CLIPBOARD_TTL_MS;
      cancelPending = clock.after(SECRET_CLIPBOARD_TTL_MS, async () => {
        cancelPending = null;
        if ((await clipboard.readText()) !== text) return;
        await clipboard.clear();
        onCleared(clearsAt);
      });
      return { clearsAt };
    },
    async copyText(text) {
      cancel();
      await clipboard.writeText(text);
    },
  };
}
