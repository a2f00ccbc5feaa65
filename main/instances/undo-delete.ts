import { randomUUID } from 'node:crypto';

/** How long a deleted license's key is kept for Undo. */
export const UNDO_WINDOW_MS = 10_000;

/** Why an undo cannot be honoured: its window passed (or it was used, or never existed), or one runs already. */
export class UndoUnavailableError extends Error {
  override name = 'UndoUnavailableError';

  constructor(readonly code: 'too_late' | 'busy') {
    super(
      code === 'too_late'
        ? 'Too late to undo: a deleted license’s key is kept for 10 seconds only. To get the license back, install its key again.'
        : 'This license is being put back already.',
    );
  }
}

interface Held {
  instanceId: string;
  key: string;
  expiresAt: number;
  busy: boolean;
}

/** The keys of licenses just deleted, in memory only, each under an opaque id for its Undo. */
export interface DeletedKeyHolder {
  /** Keeps `key` for `UNDO_WINDOW_MS` from now; the answer is the id to undo with, never the key. */
  hold(instanceId: string, key: string): string;
  /**
   * Runs `reinstall` with the key held under `undoId` for `instanceId`, while its window is open. The key
   * is let go once `reinstall` installs it; otherwise it stays for another try until its window closes.
   */
  use<T extends { installed: boolean }>(
    instanceId: string,
    undoId: string,
    reinstall: (key: string) => Promise<T>,
  ): Promise<T>;
  /** How many keys are held now (expired ones are let go first). */
  size(): number;
}

/**
 * The key of a deleted license is never written to disk, logged or sent to the renderer: it stays in this
 * closure, and is dropped when its window closes (checked on every use, by main's injectable clock).
 */
export function createDeletedKeyHolder(now: () => number, windowMs = UNDO_WINDOW_MS): DeletedKeyHolder {
  const held = new Map<string, Held>();
  const forgetExpired = (): void => {
    const at = now();
    for (const [id, entry] of held) if (at >= entry.expiresAt && !entry.busy) held.delete(id);
  };
  return {
    hold(instanceId, key) {
      forgetExpired();
      const undoId = randomUUID();
      held.set(undoId, { instanceId, key, expiresAt: now() + windowMs, busy: false });
      return undoId;
    },
    async use(instanceId, undoId, reinstall) {
      forgetExpired();
      const entry = held.get(undoId);
      if (entry === undefined || entry.instanceId !== instanceId) throw new UndoUnavailableError('too_late');
      if (entry.busy) throw new UndoUnavailableError('busy');
      entry.busy = true;
      try {
        const outcome = await reinstall(entry.key);
        if (outcome.installed) held.delete(undoId);
        return outcome;
      } finally {
        entry.busy = false;
      }
    },
    size() {
      forgetExpired();
      return held.size;
    },
  };
}
