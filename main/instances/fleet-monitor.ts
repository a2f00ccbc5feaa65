import type { InstanceRow } from '../../shared/instances/instance-row';
import { toIsoUtc } from '../../shared/time/iso';
import type { TrustRoots } from '../license/trust-roots';
import { InstanceError } from './instance-error';
import { toInstanceRow, type SavedInstance } from './instance-row';
import { mapConcurrent } from './map-concurrent';
import { readStatus } from './read-status';
import { statusFailure, type StatusFailure, type StatusReport } from './status-report';

export interface RefreshOutcome {
  at: string;
  ok: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  installId: string | null;
  version: string | null;
}

type Connection = { url: string; token: string; caPem: string | null };

export interface FleetMonitorDeps<T extends SavedInstance> {
  saved(): readonly T[];
  /** Each instance's address, token (from the keychain, read once for all) and CA, or why it has none. */
  connectionsFor(instances: readonly T[]): Promise<Map<string, Connection | Error>>;
  /** Persists what a refresh learned (last refresh, Install ID, version), once for the whole batch. */
  refreshed(outcomes: ReadonlyMap<string, RefreshOutcome>): void;
  roots: () => TrustRoots;
  now: () => number;
  timeoutMs: number;
  concurrency: number;
}

/**
 * Keeps each instance's latest status report for this session and refreshes them a few at a time;
 * one failing instance only marks its own row.
 */
export function createFleetMonitor<T extends SavedInstance>(deps: FleetMonitorDeps<T>) {
  const reports = new Map<string, StatusReport | StatusFailure>();

  async function check(instance: T, connection: Connection | Error | undefined): Promise<StatusReport | StatusFailure> {
    if (connection === undefined || connection instanceof Error) {
      return statusFailure(instance.url, 'config', connection?.message ?? 'This instance has no saved connection.');
    }
    try {
      return await readStatus({ ...connection, timeoutMs: deps.timeoutMs }, deps.roots(), deps.now);
    } catch (error) {
      if (error instanceof InstanceError) return statusFailure(instance.url, error.code, error.message);
      throw error;
    }
  }

  return {
    rows(): InstanceRow[] {
      return deps.saved().map((instance) => toInstanceRow(instance, reports.get(instance.id)));
    },

    async refresh(ids: readonly string[] | null, progress: (done: number, total: number) => void): Promise<InstanceRow[]> {
      const targets = deps.saved().filter((instance) => ids === null || ids.includes(instance.id));
      let done = 0;
      progress(0, targets.length);
      const connections = targets.length === 0 ? new Map<string, Connection | Error>() : await deps.connectionsFor(targets);
      const outcomes = new Map<string, RefreshOutcome>();
      await mapConcurrent(targets, deps.concurrency, async (instance) => {
        const report = await check(instance, connections.get(instance.id));
        reports.set(instance.id, report);
        outcomes.set(instance.id, {
          at: toIsoUtc(deps.now()),
          ok: report.status !== null,
          errorCode: report.status === null ? report.error.code : null,
          errorMessage: report.status === null ? report.error.message : null,
          installId: report.status === null ? null : report.instance.install_id,
          version: report.status === null ? null : report.instance.version,
        });
        done += 1;
        progress(done, targets.length);
      });
      deps.refreshed(outcomes);
      return this.rows();
    },

    /** This session's last report for an instance, if it was read. */
    reportOf(id: string): StatusReport | StatusFailure | undefined {
      return reports.get(id);
    },

    forget(id: string): void {
      reports.delete(id);
    },
  };
}

export type FleetMonitor = ReturnType<typeof createFleetMonitor<SavedInstance>>;
