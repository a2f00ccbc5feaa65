import type { InstanceRow, InstanceState, StatusSource } from '../../shared/instances/instance-row';
import type { LastStatus } from '../registry/instance-record';
import { lastStatusOf } from './last-status';
import { worstExit, type ExitCode } from './monitoring-state';
import type { StatusFailure, StatusReport } from './status-report';

/** What the dashboard needs from a saved instance (the registry record; never its token). */
export interface SavedInstance {
  id: string;
  name: string;
  url: string;
  customer: string | null;
  tags: string[];
  /** Absent in records saved before it existed: not allowed. */
  allowHttp?: boolean;
  lastInstallId: string | null;
  lastVersion: string | null;
  lastRefresh: {
    at: string;
    ok: boolean;
    errorCode: string | null;
    errorMessage: string | null;
    failingSince?: string | null;
  } | null;
  /** The status of the last successful read, from this session or an earlier one; absent in older records. */
  lastStatus?: LastStatus | null;
}

/** This session's latest read of an instance: its report, and for a read that succeeded, when it was made. */
export interface SessionReading {
  report: StatusReport | StatusFailure;
  facts: { readAt: number } | null;
}

const STATES: Record<ExitCode, InstanceState> = { 0: 'ok', 1: 'warning', 2: 'critical', 3: 'unknown' };

function statusFields(status: LastStatus, source: StatusSource, exit: ExitCode) {
  return {
    state: STATES[exit],
    statusSource: source,
    statusReadAt: status.at,
    status: status.status,
    statusCached: status.statusCached,
    latestValid: status.latestValid,
    licensed: status.licensed,
    usage: status.usage,
    flags: status.flags,
    warnings: status.warnings,
  };
}

/**
 * One dashboard row: the saved instance with this session's read of it when that succeeded (live);
 * otherwise with the last known status the registry kept (from an earlier session, or from before this
 * session's read failed), marked as such; otherwise with no status at all.
 */
export function toInstanceRow(saved: SavedInstance, reading: SessionReading | undefined): InstanceRow {
  const lastRefresh =
    saved.lastRefresh === null
      ? null
      : {
          at: saved.lastRefresh.at,
          ok: saved.lastRefresh.ok,
          error: saved.lastRefresh.ok
            ? null
            : { code: saved.lastRefresh.errorCode ?? 'unknown', message: saved.lastRefresh.errorMessage ?? '' },
          failingSince: saved.lastRefresh.ok ? null : (saved.lastRefresh.failingSince ?? saved.lastRefresh.at),
        };
  const base = {
    id: saved.id,
    name: saved.name,
    url: saved.url,
    customer: saved.customer,
    tags: saved.tags,
    allowHttp: saved.allowHttp ?? false,
    version: saved.lastVersion,
    installId: saved.lastInstallId,
    lastRefresh,
  };
  const report = reading?.report;
  const readAt = reading?.facts?.readAt ?? null;
  if (report !== undefined && report.status !== null && readAt !== null) {
    const live = lastStatusOf(report, readAt);
    return {
      ...base,
      version: report.instance.version,
      installId: report.instance.install_id ?? saved.lastInstallId,
      ...statusFields(live, 'live', live.exit),
    };
  }
  const known = saved.lastStatus ?? null;
  if (known !== null) {
    // A read that failed this session leaves the state unknown, unless what was last known is worse (critical).
    return {
      ...base,
      ...statusFields(known, 'last_known', report === undefined ? known.exit : worstExit([known.exit, report.exit])),
    };
  }
  return {
    ...base,
    state: report === undefined ? 'never' : 'unknown',
    statusSource: 'none',
    statusReadAt: null,
    status: null,
    statusCached: null,
    latestValid: null,
    licensed: null,
    usage: null,
    flags: [],
    warnings: [],
  };
}
