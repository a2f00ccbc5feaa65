import type { InstanceRow, InstanceState } from '../../shared/instances/instance-row';
import type { StatusFailure, StatusReport } from './status-report';

/** What the dashboard needs from a saved instance (the registry record; never its token). */
export interface SavedInstance {
  id: string;
  name: string;
  url: string;
  customer: string | null;
  tags: string[];
  lastInstallId: string | null;
  lastVersion: string | null;
  lastRefresh: { at: string; ok: boolean; errorCode: string | null; errorMessage: string | null } | null;
}

const STATES: Record<number, InstanceState> = { 0: 'ok', 1: 'warning', 2: 'critical', 3: 'unknown' };

/** One dashboard row: the saved instance, with its last status report of this session if any. */
export function toInstanceRow(saved: SavedInstance, report: StatusReport | StatusFailure | undefined): InstanceRow {
  const lastRefresh =
    saved.lastRefresh === null
      ? null
      : {
          at: saved.lastRefresh.at,
          ok: saved.lastRefresh.ok,
          error: saved.lastRefresh.ok ? null : { code: saved.lastRefresh.errorCode ?? 'unknown', message: saved.lastRefresh.errorMessage ?? '' },
        };
  const base = {
    id: saved.id,
    name: saved.name,
    url: saved.url,
    customer: saved.customer,
    tags: saved.tags,
    version: saved.lastVersion,
    installId: saved.lastInstallId,
    lastRefresh,
  };
  if (report === undefined || report.status === null) {
    return {
      ...base,
      state: report === undefined ? 'never' : 'unknown',
      status: null,
      statusCached: null,
      latestValid: null,
      licensed: null,
      usage: null,
      flags: [],
      warnings: [],
    };
  }
  return {
    ...base,
    version: report.instance.version,
    installId: report.instance.install_id ?? saved.lastInstallId,
    state: STATES[report.exit] ?? 'unknown',
    status: report.status,
    statusCached: report.status_cached,
    latestValid: report.latest_valid,
    licensed: { internalUsers: report.licensed.internal_users, externalUsers: report.licensed.external_users },
    usage: report.usage === null ? null : { internalUsers: report.usage.internal_users, externalUsers: report.usage.external_users },
    flags: [...new Set(report.flags)],
    warnings: report.warnings,
  };
}
