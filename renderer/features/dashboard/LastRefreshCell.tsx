import type { InstanceRow } from '../../../shared/instances/instance-row';
import { localDateTime } from '../../format/dates';
import { timeAgo } from '../../format/relative-time';
import { lastKnownAtOf } from '../../store/instance-status';
import { FocusTip } from '../../ui/FocusTip';

function When({ at, now }: { at: string; now: number }) {
  return (
    <time dateTime={at} title={localDateTime(at)}>
      {timeAgo(at, now)}
    </time>
  );
}

/**
 * When the instance was last read; when that failed, why, in words (the full text on focus). A row showing
 * its last known status says as of when, until this session's read replaces it.
 */
export function LastRefreshCell({ row, now, refreshing }: { row: InstanceRow; now: number; refreshing: boolean }) {
  if (refreshing) return <span className="refreshing">Refreshing…</span>;
  const last = row.lastRefresh;
  const lastKnownAt = lastKnownAtOf(row);
  if (last === null || last.ok) {
    if (lastKnownAt !== null) {
      return (
        <span className="last-known">
          <span>
            As of <When at={lastKnownAt} now={now} />
          </span>
          <span className="last-known__note clamp-2">not read this session yet</span>
        </span>
      );
    }
    return last === null ? <span className="muted">Never</span> : <When at={last.at} now={now} />;
  }
  const message = last.error?.message || 'The instance could not be read.';
  return (
    <span className="refresh-failed">
      <span className="refresh-failed__when">
        Failed <When at={last.at} now={now} />
      </span>
      <FocusTip
        className="refresh-failed__message"
        trigger={<span className={lastKnownAt === null ? 'clamp-2' : 'clamp-1'}>{message}</span>}
      >
        <strong>Last refresh failed</strong> ({localDateTime(last.at)}): {message}
      </FocusTip>
      {lastKnownAt !== null && (
        <span className="last-known__note clamp-2">
          Status as of <When at={lastKnownAt} now={now} />
        </span>
      )}
    </span>
  );
}
