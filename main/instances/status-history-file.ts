import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const seatCount = z.number().int().nonnegative();
const SEATS_SCHEMA = z.strictObject({ internalUsers: seatCount, externalUsers: seatCount });

/** One refresh's reading: only what authentik's status endpoints answered, never a key or a token (the object is strict). */
export const HISTORY_ENTRY_SCHEMA = z.strictObject({
  /** When it was read, on this computer's clock. */
  at: z.iso.datetime(),
  /** authentik's live status, as received. */
  status: z.string().min(1),
  /** authentik's cached status (what it enforces). */
  statusCached: z.string().min(1),
  /** The summary's licensed seats. */
  licensed: SEATS_SCHEMA,
  /** Users in use; null when the forecast could not be read. */
  usage: SEATS_SCHEMA.nullable(),
});

export type StatusHistoryEntry = z.infer<typeof HISTORY_ENTRY_SCHEMA>;

/** A history file: the address its readings were made at (another address may be another server), oldest reading first. */
const HISTORY_FILE_SCHEMA = z.strictObject({
  format: z.literal(1),
  url: z.string(),
  entries: z.array(HISTORY_ENTRY_SCHEMA),
});

export type StatusHistoryFile = z.infer<typeof HISTORY_FILE_SCHEMA>;

export type LoadedHistory =
  | { kind: 'ok'; history: StatusHistoryFile }
  | { kind: 'absent' }
  | { kind: 'damaged'; problem: string }
  | { kind: 'unreadable'; problem: string };

/** Saved instance ids are UUIDs; anything else would not name a file inside the folder. */
const INSTANCE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The history file of one instance: `<dir>/<id>.json`. */
export function historyFile(dir: string, id: string): string {
  if (!INSTANCE_ID.test(id)) throw new Error('a status history is kept only for a saved instance id (a UUID)');
  return path.join(dir, `${id}.json`);
}

/**
 * Reads a history file. `damaged`: not JSON, or not a history (the problem names where, never the
 * content, which is not ours to print); `unreadable`: the file system refused.
 */
export function loadHistoryFile(file: string): LoadedHistory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? { kind: 'absent' }
      : { kind: 'unreadable', problem: `it cannot be read (${code ?? 'unknown error'})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'damaged', problem: 'it is not valid JSON' };
  }
  const parsed = HISTORY_FILE_SCHEMA.safeParse(value);
  if (parsed.success) return { kind: 'ok', history: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'the top level' : issue.path.join('.');
  return { kind: 'damaged', problem: `it is not a status history (at ${where}: ${issue?.message ?? 'invalid'})` };
}

/** Writes the file whole or not at all: a temporary file beside it, renamed over it. */
export function writeHistoryFile(file: string, history: StatusHistoryFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(history)}\n`, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Moves a damaged file aside (kept for a person to look at), returning its new name. */
export function setAsideHistoryFile(file: string, at: number): string {
  const aside = `${file}.damaged-${new Date(at).toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, aside);
  return aside;
}
