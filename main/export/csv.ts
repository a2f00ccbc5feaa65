/** Spreadsheets run cells starting with these as formulas; prefixing a quote keeps them text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180), formula-safe; null is an empty cell. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header line and one line per row, CRLF-terminated as RFC 4180 has it. */
export function csvText<C extends string>(
  columns: readonly C[],
  rows: readonly Record<C, string | number | null>[],
): string {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
