const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * A date in the reader's own zone with its UTC offset, `2027-11-29 21:00:00 UTC+09:00`. Built from
 * `Date` getters rather than `Intl`, whose first use costs ~20 ms of ICU loading on every `verify`.
 */
export function localTime(epochMs: number): string {
  const date = new Date(epochMs);
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${zone}`;
}
