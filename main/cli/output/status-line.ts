import { DAY_MS } from '../../../shared/time/durations';
import type { StatusFailure, StatusReport } from '../../instances/status-report';
import { STATE_NAMES } from '../../instances/monitoring-state';

function seats(used: number | undefined, licensed: number): string {
  return `${used ?? '?'}/${licensed}`;
}

/**
 * The monitoring-plugin first line:
 * `AKLM WARNING - expiry_soon, expires 2026-12-10 (11 days), internal 40/50, external 3/100`.
 */
export function statusLine(report: StatusReport | StatusFailure, now: number): string {
  if (report.status === null) return `AKLM UNKNOWN - ${report.error.message} (${report.error.code})`;
  const latest = report.latest_valid === null ? null : Date.parse(report.latest_valid);
  const expires =
    report.status === 'unlicensed' || latest === null
      ? 'no license'
      : `expires ${report.latest_valid?.slice(0, 10)} (${Math.floor((latest - now) / DAY_MS)} days)`;
  return [
    `AKLM ${STATE_NAMES[report.exit]} - ${report.status}`,
    expires,
    `internal ${seats(report.usage?.internal_users, report.licensed.internal_users)}`,
    `external ${seats(report.usage?.external_users, report.licensed.external_users)}`,
  ].join(', ');
}
