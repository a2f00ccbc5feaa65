import { describe, expect, it } from 'vitest';
import { createDeletedKeyHolder, UndoUnavailableError, UNDO_WINDOW_MS } from '../../../main/instances/undo-delete';

const INSTANCE = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const KEY = 'eyJhbGciOi.secret-license-key.signature';

function clock() {
  let at = 1_000_000;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

const installed = (key: string) => Promise.resolve({ installed: true, echoedLength: key.length });

describe('the deleted-key holder', () => {
  it('answers an opaque id, never the key, and hands the key to the reinstall once', async () => {
    const time = clock();
    const holder = createDeletedKeyHolder(time.now);
    const undoId = holder.hold(INSTANCE, KEY);
    expect(undoId).toMatch(/^[0-9a-f-]{36}$/);
    expect(undoId).not.toContain(KEY);
    const seen: string[] = [];
    const outcome = await holder.use(INSTANCE, undoId, (key) => {
      seen.push(key);
      return installed(key);
    });
    expect(seen).toEqual([KEY]);
    expect(JSON.stringify(outcome)).not.toContain(KEY);
    // Single use: once installed again, the key is let go.
    await expect(holder.use(INSTANCE, undoId, installed)).rejects.toThrow(/Too late to undo/);
    expect(holder.size()).toBe(0);
  });

  it('lets the key go when its 10 seconds pass, with a too-late error that never names it', async () => {
    const time = clock();
    const holder = createDeletedKeyHolder(time.now);
    const undoId = holder.hold(INSTANCE, KEY);
    time.advance(UNDO_WINDOW_MS - 1);
    expect(holder.size()).toBe(1);
    time.advance(1);
    expect(holder.size()).toBe(0);
    const refused = await holder.use(INSTANCE, undoId, installed).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UndoUnavailableError);
    expect((refused as UndoUnavailableError).code).toBe('too_late');
    expect((refused as Error).message).not.toContain(KEY);
  });

  it('keeps the key for another try when the reinstall did not install it, within the window', async () => {
    const time = clock();
    const holder = createDeletedKeyHolder(time.now);
    const undoId = holder.hold(INSTANCE, KEY);
    await expect(holder.use(INSTANCE, undoId, () => Promise.resolve({ installed: false }))).resolves.toEqual({
      installed: false,
    });
    await expect(holder.use(INSTANCE, undoId, installed)).resolves.toMatchObject({ installed: true });
  });

  it('refuses an id for another instance, and a second undo while one runs', async () => {
    const time = clock();
    const holder = createDeletedKeyHolder(time.now);
    const undoId = holder.hold(INSTANCE, KEY);
    await expect(holder.use(OTHER, undoId, installed)).rejects.toThrow(/Too late to undo/);
    let finish: (value: { installed: boolean }) => void = () => undefined;
    const first = holder.use(INSTANCE, undoId, () => new Promise<{ installed: boolean }>((done) => (finish = done)));
    await expect(holder.use(INSTANCE, undoId, installed)).rejects.toMatchObject({ code: 'busy' });
    finish({ installed: true });
    await expect(first).resolves.toEqual({ installed: true });
  });

  it('a held key is in no enumerable or serialised form of the holder', () => {
    const holder = createDeletedKeyHolder(clock().now);
    holder.hold(INSTANCE, KEY);
    expect(JSON.stringify(holder)).not.toContain(KEY);
    expect(Object.values(holder).map(String).join()).not.toContain(KEY);
  });
});
