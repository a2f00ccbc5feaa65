import type { InstanceRow } from '../../shared/instances/instance-row';
import { toIsoUtc } from '../../shared/time/iso';
import type { TrustRoots } from '../license/trust-roots';
import { KeychainUnavailableError } from '../secrets/secret-store';
import { createInstanceClient } from './instance-client';
import { InstanceError } from './instance-error';
import { InstanceServiceError } from './instance-service-error';
import { toInstanceRow, type SavedInstance } from './instance-row';
import { lastStatusOf } from './last-status';
import { mapConcurrent } from './map-concurrent';
import { readingFacts, type ReadingFacts } from './reading-facts';
import type { RefreshOutcome } from './refresh-patch';
import { statusFailure, statusReport, verifyInstalled, type StatusFailure, type StatusReport } from './status-report';

type Connection = { url: string; token: string; caPem: string | null };

/** The latest read of an instance this session: its status report, and what the instance page needs beyond it (null when the read failed). */
export interface InstanceReading {
  report: StatusReport | StatusFailure;
  facts: ReadingFacts | null;
}

/**
 * A reading with the saved address it was made from (a reading of an address since edited away is stale),
 * and in which order it started: of two overlapping reads, the later-started one stands.
 */
type AddressedReading = InstanceReading & { url: string; sequence: number };

export interface FleetMonitorDeps<T extends SavedInstance> {
  saved(): readonly T[];
  /** Each instance's address, token (from the token vault, read once for all) and CA, or why it has none. */
  connectionsFor(instances: readonly T[]): Promise<Map<string, Connection | Error>>;
  /** Persists what a refresh learned (last refresh and status, Install ID, version, over capacity), once for the whole batch. */
  refreshed(outcomes: ReadonlyMap<string, RefreshOutcome>): void;
  roots: () => TrustRoots;
  now: () => number;
  timeoutMs: number;
  concurrency: number;
}

/**
 * A row's error for a failure no InstanceError explains (a bug, not the instance's answer). Only the
 * error's kind is named: its own text could hold a token or a license key.
 */
function unexpectedFailure(url: string, error: unknown): StatusFailure {
  const kind = error instanceof Error && /^\w{1,40}$/.test(error.name) ? ` (${error.name})` : '';
  return statusFailure(
    url,
    'internal_error',
    `Reading this instance failed because of an unexpected error inside the app${kind}, not because of an answer from the instance. The other instances were read as usual. Refresh this one again; if it keeps failing, report it as a bug.`,
  );
}

/** A row's error when the instance's connection (address, token) could not be had. */
function connectionFailure(url: string, error: Error | undefined): StatusFailure {
  if (error === undefined) return statusFailure(url, 'config', 'This instance has no saved connection.');
  if (error instanceof KeychainUnavailableError)
    return statusFailure(url, 'keychain_unavailable', `Its API token could not be read: ${error.message}`);
  if (error instanceof InstanceServiceError) return statusFailure(url, 'config', error.message);
  return unexpectedFailure(url, error);
}

function outcomeOf(reading: InstanceReading, at: number): RefreshOutcome {
  const { report, facts } = reading;
  return {
    at: toIsoUtc(at),
    ok: report.status !== null,
    errorCode: report.status === null ? report.error.code : null,
    errorMessage: report.status === null ? report.error.message : null,
    installId: report.status === null ? null : report.instance.install_id,
    version: report.status === null ? null : report.instance.version,
    overCapacity: facts === null ? null : facts.overCapacity,
    licensesMatchInstallId: facts === null ? null : facts.licensesMatchInstallId,
    lastStatus: report.status === null || facts === null ? null : lastStatusOf(report, facts.readAt),
  };
}

/**
 * Keeps each instance's latest reading for this session and refreshes them a few at a time;
 * a failure of any kind only marks the rows it concerns, and every outcome is saved.
 */
export function createFleetMonitor<T extends SavedInstance>(deps: FleetMonitorDeps<T>) {
  const readings = new Map<string, AddressedReading>();
  /** Reads started this session, numbered; and per instance, the number of the read whose outcome was saved last. */
  let started = 0;
  const savedSequence = new Map<string, number>();
  /** This session's reading of a saved instance, unless its address was edited after it was read. */
  const currentReading = (instance: T): AddressedReading | undefined => {
    const reading = readings.get(instance.id);
    return reading?.url === instance.url ? reading : undefined;
  };

  /** One instance's reading; an error no InstanceError explains is thrown on, to become its row's failure in `refresh`. */
  async function check(instance: T, connection: Connection | Error | undefined): Promise<InstanceReading> {
    if (connection === undefined || connection instanceof Error)
      return { report: connectionFailure(instance.url, connection), facts: null };
    try {
      const snapshot = await createInstanceClient({ ...connection, timeoutMs: deps.timeoutMs }).readSnapshot();
      const now = deps.now();
      const roots = deps.roots();
      const checked = verifyInstalled(snapshot, roots, now);
      return { report: statusReport(snapshot, roots, now, checked), facts: readingFacts(snapshot, checked, now) };
    } catch (error) {
      if (error instanceof InstanceError)
        return { report: statusFailure(connection.url, error.code, error.message), facts: null };
      throw error;
    }
  }

  /** Every target's connection; when they cannot be read at all (the token vault or its keychain), each target gets that failure. */
  async function connectionsOf(targets: readonly T[]): Promise<Map<string, Connection | Error>> {
    if (targets.length === 0) return new Map();
    try {
      return await deps.connectionsFor(targets);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error('reading the connections failed');
      return new Map(targets.map((instance) => [instance.id, failure]));
    }
  }

  return {
    rows(): InstanceRow[] {
      return deps.saved().map((instance) => toInstanceRow(instance, currentReading(instance)));
    },

    async refresh(
      ids: readonly string[] | null,
      progress: (done: number, total: number) => void,
    ): Promise<InstanceRow[]> {
      const targets = deps.saved().filter((instance) => ids === null || ids.includes(instance.id));
      let done = 0;
      progress(0, targets.length);
      const connections = await connectionsOf(targets);
      const mine = new Map<string, AddressedReading>();
      // What each read started from: its number, and the address it read (the instance may be edited meanwhile).
      const starts: { sequence: number; url: string }[] = [];
      const keep = (instance: T, index: number, found: InstanceReading): void => {
        const reading = { ...(starts[index] ?? { sequence: 0, url: instance.url }), ...found };
        mine.set(instance.id, reading);
        // A read that started after this one (a single instance refreshed meanwhile) is newer: it stays.
        if ((readings.get(instance.id)?.sequence ?? 0) < reading.sequence) readings.set(instance.id, reading);
        done += 1;
        progress(done, targets.length);
      };
      await mapConcurrent(
        targets,
        deps.concurrency,
        async (instance, index) => {
          starts[index] = { sequence: (started += 1), url: instance.url };
          keep(instance, index, await check(instance, connections.get(instance.id)));
        },
        (error, instance, index) =>
          keep(instance, index, { report: unexpectedFailure(instance.url, error), facts: null }),
      );
      // Save only what is still news when the batch ends: nothing for an instance whose address was edited
      // while it was read, nor for one whose saved outcome came from a read that started after this one.
      const outcomes = new Map<string, RefreshOutcome>();
      for (const instance of deps.saved()) {
        const reading = mine.get(instance.id);
        if (reading === undefined) continue;
        if (reading.url !== instance.url) {
          if (readings.get(instance.id) === reading) readings.delete(instance.id);
          continue;
        }
        if ((savedSequence.get(instance.id) ?? 0) > reading.sequence) continue;
        savedSequence.set(instance.id, reading.sequence);
        outcomes.set(instance.id, outcomeOf(reading, reading.facts?.readAt ?? deps.now()));
      }
      deps.refreshed(outcomes);
      return this.rows();
    },

    /** This session's last report for an instance, if it was read. */
    reportOf(id: string): StatusReport | StatusFailure | undefined {
      return readings.get(id)?.report;
    },

    /** This session's last reading of an instance, if it was read. */
    readingOf(id: string): InstanceReading | undefined {
      return readings.get(id);
    },

    forget(id: string): void {
      readings.delete(id);
      savedSequence.delete(id);
    },
  };
}

export type FleetMonitor = ReturnType<typeof createFleetMonitor<SavedInstance>>;
