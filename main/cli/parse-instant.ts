import { UsageError } from './usage-error';

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * `--at`: ISO 8601; without a zone it means UTC; a date alone means 00:00 UTC. Impossible dates
 * (2026-02-30) are refused rather than rolled over.
 */
export function parseInstant(text: string): number {
  const match = ISO_8601.exec(text.trim());
  if (match === null) throw new UsageError(`--at expects an ISO 8601 date or date-time, got "${text}"`);
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const numbers = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = numbers;
  const calendar = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (
    calendar.getUTCFullYear() !== y ||
    calendar.getUTCMonth() !== mo - 1 ||
    calendar.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    throw new UsageError(`--at names a date or time that does not exist: "${text}"`);
  }
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  const offsetMinutes = zone.toUpperCase() === 'Z' ? 0 : offsetOf(zone);
  return calendar.getTime() + milliseconds - offsetMinutes * 60_000;
}

function offsetOf(zone: string): number {
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return zone.startsWith('-') ? -minutes : minutes;
}
