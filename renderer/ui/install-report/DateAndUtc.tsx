import { localDate, utcDateTime } from '../../format/dates';

/** A date in the reader's zone with the exact UTC time after it: "29 Nov 2027 (2027-11-29 12:00 UTC)". */
export function DateAndUtc({ iso }: { iso: string }) {
  return (
    <>
      <time dateTime={iso}>{localDate(iso)}</time> <span className="muted">({utcDateTime(iso)})</span>
    </>
  );
}
