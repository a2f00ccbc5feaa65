import type { InstanceRow } from '../../../shared/instances/instance-row';
import { localDateTime } from '../../format/dates';
import { timeAgo } from '../../format/relative-time';
import { FocusTip } from './FocusTip';

/** When the instance was last read; when that failed, why, in words (the full text on focus). */
export function LastRefreshCell({ row, now, refreshing }: { row: InstanceRow; now: number; refreshing: boolean }) {
  if (refreshing) return <span className="refreshing">Refreshing…</span>;
  const last = row.lastRefresh;
  if (last === null) return <span className="muted">Never</span>;
  const when = (
    <time dateTime={last.at} title={localDateTime(last.at)}>
      {timeAgo(last.at, now)}
    </time>
  );
  if (last.ok) return when;
  const message = last.error?.message || 'The instance could not be read.';
  return (
    <span className="refresh-failed">
      <span className="refresh-failed__when">Failed {when}</span>
      <FocusTip className="refresh-failed__message" trigger={<span className="clamp-2">{message}</span>}>
        <strong>Last refresh failed</strong> ({localDateTime(last.at)}): {message}
      </FocusTip>
    </span>
  );
}
