import { daysLeft } from '../../../shared/time/days-left';
import { localDate, localDateTime } from '../../format/dates';
import { SOON_DAYS } from './license-words';

function daysWords(days: number): string {
  const count = `${Math.abs(days).toLocaleString()} day${Math.abs(days) === 1 ? '' : 's'}`;
  if (days === 0) return 'expires today';
  return days > 0 ? `${count} left` : `expired ${count} ago`;
}

/** A portal license's expiry: the local date and the days left (orange within 30 days, red once past, in words too). */
export function LicenseExpiry({ expiresAt, now }: { expiresAt: string | null; now: number }) {
  if (expiresAt === null) return <span className="muted">Once paid</span>;
  const at = Date.parse(expiresAt);
  const days = daysLeft(at, now);
  const tone = at <= now ? 'bad' : days < SOON_DAYS ? 'warn' : 'plain';
  return (
    <span className="expiry" data-tone={tone}>
      <time dateTime={expiresAt} title={localDateTime(expiresAt)}>
        {localDate(expiresAt)}
      </time>
      <span className={`expiry__distance expiry__distance--${tone}`}>{daysWords(days)}</span>
    </span>
  );
}
