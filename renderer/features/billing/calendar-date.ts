/** A calendar date (`2026-03-01`, no time or zone) in the reader's words, the same day in every time zone. */
export function calendarDate(isoDate: string, locale?: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
}
