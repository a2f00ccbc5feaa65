import type { InstanceRow } from '../../shared/instances/instance-row';
import { toIsoUtc } from '../../shared/time/iso';
import type { TrustRoots } from '../license/trust-roots';
import { InstanceError } from './instance-error';
import { toInstanceRow, type SavedInstance } from './instance-row';
import { mapConcurrent } from './map-concurrent';
import { readStatus } from './read-status';
import { statusFailure, type StatusFailure, type StatusReport } from './status-report';

export interface FleetMonitorDeps {
  saved(): readonly SavedInstance[];
  /** The instance's address, token (from the keychain) and CA; throws when the token is missing. */
  connectionFor(id: string): Promise<{ url: string; token: string; caPem: string | null }>;
  /** Persists what a refresh learned (last refresh, Install ID, version). */
  refreshed(id: string, outcome: { at: string; ok: boolean; errorCode: string | null; errorMessage: string | null; installId: string | null; version: string | null }): void;
  roots: () => TrustRoots;
  now: () => number;
  timeoutMs: number;
  concurrency: number;
}

/**
 * Keeps each instance's latest status report for this session and refreshes them a few at a time;
 * one failing instance only marks its own row.
 */
export function createFleetMonitor(deps: FleetMonitorDeps) {
  const reports = new Map<string, StatusReport | StatusFailure>();

  async function check(instance: SavedInstance): Promise<StatusReport | StatusFailure> {
    try {
      const connection = await deps.connectionFor(instance.id);
      return await readStatus({ ...connection, timeoutMs: deps.timeoutMs }, deps.roots(), deps.now);
    } catch (error) {
      if (error instanceof InstanceError) return statusFailure(instance.url, error.code, error.message);
      return statusFailure(instance.url, 'config', error instanceof Error ? error.message : String(error));
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
      await mapConcurrent(targets, deps.concurrency, async (instance) => {
        const report = await check(instance);
        reports.set(instance.id, report);
        deps.refreshed(instance.id, {
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

export type FleetMonitor = ReturnType<typeof createFleetMonitor>;
