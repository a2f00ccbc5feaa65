import { toIsoUtc } from '../../shared/time/iso';
import type { LastStatus } from '../registry/instance-record';
import type { StatusReport } from './status-report';

/** What a dashboard row shows of a successful read, as the registry keeps it for the next session (nothing secret). */
export function lastStatusOf(report: StatusReport, readAt: number): LastStatus {
  return {
    at: toIsoUtc(readAt),
    exit: report.exit,
    status: report.status,
    statusCached: report.status_cached,
    latestValid: report.latest_valid,
    licensed: { internalUsers: report.licensed.internal_users, externalUsers: report.licensed.external_users },
    usage:
      report.usage === null
        ? null
        : { internalUsers: report.usage.internal_users, externalUsers: report.usage.external_users },
    flags: [...new Set(report.flags)],
    warnings: [...report.warnings],
  };
}
