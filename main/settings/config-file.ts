import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from './atomic-file';
import { withDataLockSync } from './data-lock';
import { kindOf } from './stored-records';

/** The settings file's format this version writes. Files from before versions were recorded have none and read as 1. */
export const SCHEMA_VERSION = 1;

/** The settings file's top level: known keys and whatever a newer version added, all written back. */
export type ConfigData = Record<string, unknown>;

/** The settings file cannot be read, recovered or written; the message says where, what and what to do. */
export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
}

export interface ConfigFileOptions {
  /** What is wrong with the parts of the file this version knows, in words; undefined when they are sound. */
  check(data: ConfigData): string | undefined;
  /** Hears, in words, that a damaged file was set aside and what was restored (the app shows it, the CLI prints it). */
  onRecovered(notice: string): void;
}

/** A JSON settings file in the data folder, shared by the app and the CLI (both read and write it at any time). */
export interface ConfigFile {
  readonly location: string;
  /** The settings, read afresh (a damaged file is recovered first); undefined when there is no file. */
  read(): ConfigData | undefined;
  /** Reads, changes and writes the settings in one hold of the data folder's lock, so no other process's write is lost; `change` returns undefined to write nothing. */
  update(change: (data: ConfigData) => ConfigData | undefined): void;
}

type Loaded =
  { kind: 'absent' } | { kind: 'ok'; data: ConfigData } | { kind: 'damaged'; problem: string; version: unknown };

function isObject(value: unknown): value is ConfigData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const versionOf = (data: ConfigData): number => (typeof data.schemaVersion === 'number' ? data.schemaVersion : 1);

/** electron-store's layout (tab-indented, no final newline), with the format's version, never lowered below a newer version's. */
function serialize(data: ConfigData): string {
  return JSON.stringify({ ...data, schemaVersion: Math.max(versionOf(data), SCHEMA_VERSION) }, undefined, '\t');
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

function load(file: string, check: ConfigFileOptions['check']): Loaded {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'absent' };
    throw new ConfigFileError(
      `The settings file ${file} cannot be read (${errorCode(error)}); check that you may read it.`,
      { cause: error },
    );
  }
  const damaged = (problem: string, version?: unknown): Loaded => ({ kind: 'damaged', problem, version });
  // Windows editors save UTF-8 with a byte-order mark, which JSON.parse refuses.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '') return damaged('it is empty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return damaged(`it is not valid JSON (${(error as Error).message}); it may have been cut short`);
  }
  if (!isObject(data)) return damaged(`it holds ${kindOf(data)} instead of the settings object`);
  const version = data.schemaVersion;
  if (version !== undefined && !(Number.isSafeInteger(version) && (version as number) >= 1))
    return damaged('its "schemaVersion" is not a whole number from 1 up');
  const problem = check(data);
  return problem === undefined ? { kind: 'ok', data } : damaged(problem, version);
}

/** `<file>.damaged-2026-05-01T10-20-30-123Z`: sorts by time and is a valid name on every OS. */
const asideName = (file: string): string => `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;

/** The settings file at `location`, with its last good copy in `<location>.bak`. */
export function configFile(location: string, options: ConfigFileOptions): ConfigFile {
  const dir = path.dirname(location);
  const backup = `${location}.bak`;

  // A newer version's file that fails this version's checks is left alone: setting it aside would lose that version's data.
  const refuseNewer = (loaded: Loaded & { kind: 'damaged' }): void => {
    if (typeof loaded.version === 'number' && loaded.version > SCHEMA_VERSION) {
      throw new ConfigFileError(
        `The settings file ${location} was written by a newer version of authentik License Manager (format ${loaded.version}) in a form this version cannot read: ${loaded.problem}. Update authentik License Manager; the file was left as it is.`,
      );
    }
  };

  const write = (file: string, text: string, what: string): void => {
    try {
      writeFileAtomicSync(file, text);
    } catch (error) {
      throw new ConfigFileError(
        `The ${what} ${file} cannot be written (${errorCode(error)}); check that its folder is writable and the disk is not full.`,
        { cause: error },
      );
    }
  };

  /**
   * Sets a damaged file aside and puts the last good copy in its place; with the lock held, so only one
   * process does it. The damaged file is copied, then replaced in one rename: a reader without the lock
   * never finds no file at all while a good copy exists.
   */
  const recover = (problem: string): ConfigData | undefined => {
    const aside = asideName(location);
    try {
      fs.copyFileSync(location, aside, fs.constants.COPYFILE_EXCL);
      if (process.platform !== 'win32') fs.chmodSync(aside, 0o600);
    } catch (error) {
      throw new ConfigFileError(
        `The settings file ${location} is damaged (${problem}) and could not be copied aside (${errorCode(error)}); move it away by hand.`,
        { cause: error },
      );
    }
    const damaged = `The settings file ${location} was damaged: ${problem}. It was moved to ${aside}`;
    const previous = load(backup, options.check);
    if (previous.kind === 'ok') {
      write(location, serialize(previous.data), 'settings file');
      options.onRecovered(
        `${damaged}, and the last good copy (${backup}, saved ${fs.statSync(backup).mtime.toISOString()}) was restored.`,
      );
      return previous.data;
    }
    try {
      fs.rmSync(location, { force: true });
    } catch (error) {
      throw new ConfigFileError(
        `The settings file ${location} is damaged (${problem}); a copy is in ${aside}, but it could not be removed (${errorCode(error)}); move it away by hand.`,
        { cause: error },
      );
    }
    const why = previous.kind === 'absent' ? 'there is none' : `it is damaged too: ${previous.problem}`;
    options.onRecovered(
      `${damaged}. No good copy could be restored (${backup}: ${why}), so the app starts with no saved instances or portal accounts; what the damaged file held is still in ${aside}.`,
    );
    return undefined;
  };

  /** The file as it is now, recovered when damaged; call with the lock held. */
  const current = (): ConfigData | undefined => {
    const loaded = load(location, options.check);
    if (loaded.kind !== 'damaged') return loaded.kind === 'ok' ? loaded.data : undefined;
    refuseNewer(loaded);
    return recover(loaded.problem);
  };

  /** The folder and its files are private to this user: the registry names every customer and instance. */
  const tightenFolder = (): void => {
    if (process.platform === 'win32') return;
    try {
      if ((fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
    } catch {
      /* a folder owned by someone else (a shared AKLM_DATA_DIR) stays as its owner set it */
    }
  };

  return {
    location,
    read() {
      // Without the lock: a write replaces the file in one rename, so a read sees one whole version. Only recovery needs the lock.
      const loaded = load(location, options.check);
      if (loaded.kind !== 'damaged') return loaded.kind === 'ok' ? loaded.data : undefined;
      refuseNewer(loaded);
      return withDataLockSync(dir, current);
    },
    update(change) {
      withDataLockSync(dir, () => {
        const next = change(current() ?? {});
        if (next === undefined) return;
        tightenFolder();
        const text = serialize(next);
        // The copy first: if the app stops between the two writes, the file still holds the previous good version.
        write(backup, text, 'backup of the settings file');
        write(location, text, 'settings file');
      });
    },
  };
}
