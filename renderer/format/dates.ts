import { datedText, type DatedText } from '../../shared/time/dated-text';
import { daysLeft } from '../../shared/time/days-left';

/** "29 Nov 2027, 13:00" in the reader's locale and zone. */
export function localDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function localDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** A calendar date (`2026-03-01`, no time or zone) in the reader's words, the same day in every time zone. */
export function calendarDate(isoDate: string, locale?: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
}

/** "2027-11-29 12:00 UTC". */
export function utcDateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "in 365 days", "within a day" (ahead); "today", "1 day ago" (passed): `days` whole days away, rounded down. */
export function dayDistance(passed: boolean, days: number): string {
  if (days === 0) return passed ? 'today' : 'within a day';
  const count = days === 1 ? '1 day' : `${days.toLocaleString()} days`;
  return passed ? `${count} ago` : `in ${count}`;
}

/** How far a date is from now, in whole days rounded down on either side. */
export function relativeDays(iso: string, now: number): string {
  const at = Date.parse(iso);
  return at > now ? dayDistance(false, daysLeft(at, now)) : dayDistance(true, daysLeft(now, at));
}

/** A date in main's words (an instant or a calendar day, see shared/time/dated-text.ts) in the reader's words and zone. */
export function datedPartWords(part: Exclude<DatedText[number], string>): string {
  return 'at' in part ? localDateTime(part.at) : calendarDate(part.day);
}

/** main's words (shared with `aklm`) with their dates in the reader's words and zone, for plain text such as a tooltip. */
export function localWords(text: string): string {
  return datedText(text)
    .map((part) => (typeof part === 'string' ? part : datedPartWords(part)))
    .join('');
}
