import { daysLeft } from '../../shared/time/days-left';

/** "29 Nov 2027, 13:00" in the reader's locale and zone. */
export function localDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function localDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** "2027-11-29 12:00 UTC". */
export function utcDateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "in 365 days", "today", "1 day ago". */
export function relativeDays(iso: string, now: number): string {
  const days = daysLeft(Date.parse(iso), now);
  if (days === 0) return Date.parse(iso) > now ? 'within a day' : 'today';
  const count = Math.abs(days) === 1 ? '1 day' : `${Math.abs(days)} days`;
  return days > 0 ? `in ${count}` : `${count} ago`;
}
