import { rmSync } from 'node:fs';
import path from 'node:path';
import { exceeds } from '../../shared/license/capacity';
import type { StatusObservation } from '../../shared/license/last-valid-bounds';
import { DAY_MS } from '../../shared/time/durations';
import type { Log } from '../logging/log';
import type { LastStatus } from '../registry/instance-record';
import {
  historyFile,
  loadHistoryFile,
  setAsideHistoryFile,
  writeHistoryFile,
  type StatusHistoryEntry,
  type StatusHistoryFile,
} from './status-history-file';

export type { StatusHistoryEntry } from './status-history-file';

/** Readings older than this before the newest are dropped: authentik's usage records last 90 days, so older ones prove nothing. */
export const HISTORY_DAYS = 120;
/** A hard cap, oldest dropped first, for an instance read very often while its usage keeps changing. */
export const HISTORY_MAX_ENTRIES = 2000;

/** Where the histories are kept: `status-history/` in the data folder the app and the CLI share. */
export function statusHistoryDir(dataDir: string): string {
  return path.join(dataDir, 'status-history');
}

/**
 * Each saved instance's readings, one file per instance in the data folder's `status-history/`: a refresh
 * rewrites one small file, never the others; removing an instance deletes exactly its file; and a
 * damaged file costs that instance's history only.
 */
export interface StatusHistoryStore {
  /** Adds one refresh's reading; a history made at another address is replaced. Never throws: a failure is logged. */
  append(id: string, url: string, entry: StatusHistoryEntry): void;
  /** The readings made at `url`, oldest first; none when there are none. A damaged file is set aside (logged) and reads as none. */
  read(id: string, url: string): StatusHistoryEntry[];
  /** Deletes an instance's history (the instance was removed). */
  remove(id: string): void;
}

/** What the history keeps of a refresh: the times, statuses and counts of its last status, nothing else. */
export function historyEntryOf(status: LastStatus): StatusHistoryEntry {
  return {
    at: status.at,
    status: status.status,
    statusCached: status.statusCached,
    licensed: { ...status.licensed },
    usage: status.usage === null ? null : { ...status.usage },
  };
}

const sameReading = (a: StatusHistoryEntry, b: StatusHistoryEntry): boolean =>
  a.status === b.status &&
  a.statusCached === b.statusCached &&
  a.licensed.internalUsers === b.licensed.internalUsers &&
  a.licensed.externalUsers === b.licensed.externalUsers &&
  (a.usage === null
    ? b.usage === null
    : b.usage !== null &&
      a.usage.internalUsers === b.usage.internalUsers &&
      a.usage.externalUsers === b.usage.externalUsers);

/**
 * The entries once `entry` is added: readings more than 120 days older than it dropped, and any dated
 * after it (this computer's clock was set back); a run of identical readings kept as its first and last
 * (which is all the bounds of the last valid date use); at most `HISTORY_MAX_ENTRIES`.
 */
export function appendedEntries(
  entries: readonly StatusHistoryEntry[],
  entry: StatusHistoryEntry,
): StatusHistoryEntry[] {
  const horizon = Date.parse(entry.at) - HISTORY_DAYS * DAY_MS;
  const kept = entries.filter(
    (existing) => Date.parse(existing.at) >= horizon && Date.parse(existing.at) <= Date.parse(entry.at),
  );
  const last = kept.at(-1);
  const beforeLast = kept.at(-2);
  if (last !== undefined && beforeLast !== undefined && sameReading(last, entry) && sameReading(beforeLast, entry))
    kept.pop();
  kept.push(entry);
  return kept.slice(-HISTORY_MAX_ENTRIES);
}

/**
 * The readings as authentik's clock saw them: each time moved by `skewMs` (the instance's clock minus
 * this computer's, as measured now; a drift between readings is far below the weeks that matter here).
 */
export function observationsOf(entries: readonly StatusHistoryEntry[], skewMs: number): StatusObservation[] {
  return entries.map((entry) => ({
    at: Date.parse(entry.at) + skewMs,
    status: entry.status,
    overCapacity: entry.usage === null ? null : exceeds(entry.usage, entry.licensed),
  }));
}

/** The store in `dir` (the data folder's `status-history/`); `log` hears of damaged files and failed writes. */
export function fileStatusHistory(dir: string, log: Pick<Log, 'error'>, now: () => number): StatusHistoryStore {
  /**
   * The history at `url`, a damaged file set aside first; null when there is none to build on. Throws
   * when the file system refuses the file: it is then left as it is, not overwritten.
   */
  const current = (id: string, url: string): StatusHistoryFile | null => {
    const file = historyFile(dir, id);
    const loaded = loadHistoryFile(file);
    if (loaded.kind === 'unreadable') throw new Error(`${file}: ${loaded.problem}`);
    if (loaded.kind === 'ok') return loaded.history.url === url ? loaded.history : null;
    if (loaded.kind === 'damaged') {
      const aside = setAsideHistoryFile(file, now());
      log.error(
        `The status history of instance ${id} (${file}) was damaged: ${loaded.problem}. It was set aside as ${aside}, and a new history starts with the next refresh.`,
      );
    }
    return null;
  };
  return {
    append(id, url, entry) {
      try {
        const history = current(id, url);
        writeHistoryFile(historyFile(dir, id), {
          format: 1,
          url,
          entries: appendedEntries(history?.entries ?? [], entry),
        });
      } catch (error) {
        log.error(`The status history of instance ${id} could not be saved; the refresh itself is not affected`, error);
      }
    },
    read(id, url) {
      try {
        return current(id, url)?.entries ?? [];
      } catch (error) {
        log.error(`The status history of instance ${id} could not be read; the preflight goes on without it`, error);
        return [];
      }
    },
    remove(id) {
      try {
        // An instance never refreshed has no file.
        rmSync(historyFile(dir, id), { force: true });
      } catch (error) {
        log.error(`The status history of removed instance ${id} could not be deleted`, error);
      }
    },
  };
}

/**
 * A saved instance's readings for the CLI (`--instance`), which leaves the app's files alone: a damaged or
 * unreadable file is reported in `problem`, not set aside, and reads as no history.
 */
export function readStatusHistory(
  dir: string,
  id: string,
  url: string,
): { entries: StatusHistoryEntry[]; problem: string | null } {
  const loaded = loadHistoryFile(historyFile(dir, id));
  if (loaded.kind === 'ok') return { entries: loaded.history.url === url ? loaded.history.entries : [], problem: null };
  return { entries: [], problem: loaded.kind === 'absent' ? null : loaded.problem };
}
