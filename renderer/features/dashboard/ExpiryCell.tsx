import type { InstanceRow } from '../../../shared/instances/instance-row';
import { daysLeft } from '../../../shared/time/days-left';
import { localDate, localDateTime, relativeDays } from '../../format/dates';

const SOON_DAYS = 30;

/** The server's combined expiry (`latest_valid`): a local date and how far away it is. */
export function ExpiryCell({ row, now }: { row: InstanceRow; now: number }) {
  if (row.latestValid === null) {
    return (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="sr-only">{row.status === 'unlicensed' ? 'no license' : 'not known'}</span>
      </span>
    );
  }
  const days = daysLeft(Date.parse(row.latestValid), now);
  // As authentik's license table: orange within 30 days, red once expired.
  const tone = Date.parse(row.latestValid) < now ? 'bad' : days < SOON_DAYS ? 'warn' : 'plain';
  return (
    <span className="expiry">
      <time dateTime={row.latestValid} title={localDateTime(row.latestValid)}>
        {localDate(row.latestValid)}
      </time>
      <span className={`expiry__distance expiry__distance--${tone}`}>{relativeDays(row.latestValid, now)}</span>
    </span>
  );
}
